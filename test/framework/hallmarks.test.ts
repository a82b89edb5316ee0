import { describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import { allItems } from '../../core/framework/describe.js';
import { seedLines } from './seeds.js';

const SEED = '001_c1ea8c746b4e09d2.txt';
const hallmarks = getFramework('hallmarks');

describe('hallmarks (seed 001)', () => {
  it('has exactly 67 questions, ids 1.1 … 6.16 in order', () => {
    const perHallmark = [14, 16, 6, 6, 9, 16];
    const expected = perHallmark.flatMap((count, h) => Array.from({ length: count }, (_, q) => `${h + 1}.${q + 1}`));
    const ids = allItems(hallmarks).map(({ item }) => item.id);
    expect(ids).toHaveLength(67);
    expect(ids).toEqual(expected);
    expect(hallmarks.sections.map((s) => s.items.length)).toEqual(perHallmark);
    expect(ids[0]).toBe('1.1');
    expect(ids[66]).toBe('6.16');
  });

  it('each question is worded exactly as in the seed, on the line with its number', () => {
    const lines = seedLines(SEED);
    for (const { item } of allItems(hallmarks)) {
      // the seed writes "- 1.1** Do you…" in hallmarks 1 and 2 and "3.1 Have you…" afterwards
      const found = lines.some((l) => l === `- ${item.id}** ${item.text}` || l === `${item.id} ${item.text}`);
      expect(found, `${item.id}: ${item.text}`).toBe(true);
    }
  });

  it("keeps the seed's own slips", () => {
    const text = (id: string) => allItems(hallmarks).find(({ item }) => item.id === id)!.item.text;
    expect(text('2.8')).toBe('Have conducted or made sufficient links with appropriate strategic assessments available in your area?');
    expect(text('6.3')).toBe(
      'Is there clarity over membership of the partnership, are there any identifiable gaps, and how frequently is the membership reviewed?',
    );
    expect(text('5.7')).toBe("Does the strategy group consider 'Value for Money' when commissioning and evaluating projects?");
  });

  it("uses the numbered list's titles for the six Hallmarks", () => {
    expect(hallmarks.sections.map((s) => `${s.id}. ${s.title}`)).toEqual([
      '1. Empowered and Effective Leadership',
      '2. Intelligence-led Business Processes',
      '3. Effective and Responsive Delivery Systems',
      '4. Engaged Communities',
      '5. Visible and Constructive Accountability',
      '6. Appropriate Skills and Knowledge',
    ]);
    const lines = seedLines(SEED);
    for (const s of hallmarks.sections) {
      // the seed's list has a stray space in "Intelligence- led"
      expect(lines).toContain(`${s.id}. ${s.title.replace('Intelligence-led', 'Intelligence- led')}`);
    }
  });

  it('is scored on the default Yes / Partly / No scale with "Don\'t know" not scored, once per partnership', () => {
    const scale = hallmarks.scales[0]!;
    expect(scale.points).toEqual([
      { value: 1, label: 'No' },
      { value: 2, label: 'Partly' },
      { value: 3, label: 'Yes' },
    ]);
    expect(scale.notScored).toContain("Don't know");
    expect(scale.isDefault).toBe(true);
    expect(hallmarks.multiplePartnerships).toBe(true);
    expect(allItems(hallmarks).every(({ item }) => item.fields.join() === 'score,comment')).toBe(true);
  });
});
