import { describe, expect, it } from 'vitest';
import { FrameworkSchema, type FrameworkInput } from '../../core/framework/schema.js';

/** Pins the one rule added to the schema for partnership-tree: a section's single item may share its id. */
function framework(sections: FrameworkInput['sections']): FrameworkInput {
  return {
    id: 'ids',
    title: 'Ids',
    description: 'Ids',
    kind: 'questionnaire',
    source: { seed: 'test', reference: 'test' },
    scales: [
      {
        id: 's',
        points: [
          { value: 1, label: 'a' },
          { value: 2, label: 'b' },
        ],
      },
    ],
    defaultScale: 's',
    sections,
  };
}

const item = (id: string) => ({ id, text: id, fields: ['score' as const] });

describe('section and item ids', () => {
  it('a section holding one item may give it its own id', () => {
    expect(FrameworkSchema.safeParse(framework([{ id: 'A', title: 'A', items: [item('A')] }])).success).toBe(true);
  });

  it('still refuses the id when the section holds more than one item, or another section uses it', () => {
    const two = FrameworkSchema.safeParse(framework([{ id: 'A', title: 'A', items: [item('A'), item('B')] }]));
    expect(two.success ? [] : two.error.issues.map((i) => i.message)).toEqual(['the id "A" is used twice']);
    const other = FrameworkSchema.safeParse(
      framework([
        { id: 'A', title: 'A', items: [item('A')] },
        { id: 'B', title: 'B', items: [item('A')] },
      ]),
    );
    expect(other.success ? [] : other.error.issues.map((i) => i.message)).toEqual(['the id "A" is used twice']);
  });
});
