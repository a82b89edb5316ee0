import { describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import { scoredItems } from '../../core/framework/describe.js';
import { seedText } from './seeds.js';

const SEED = '000_b340f0028edd27e7.txt';
const tree = getFramework('partnership-tree');
const SIX = ['ASPIRE', 'THINK', 'LEAD', 'COLLABORATE', 'ACCOUNT', 'DELIVER'];

describe('partnership-tree (seed 000)', () => {
  it('has the six characteristics, each a section with one scored item of the same id', () => {
    expect(tree.sections.map((s) => s.id)).toEqual(SIX);
    expect(tree.sections.map((s) => s.items.map((i) => i.id))).toEqual(SIX.map((id) => [id]));
    expect(scoredItems(tree).map((s) => s.item.id)).toEqual(SIX);
    expect(tree.sections.every((s) => s.items[0]!.fields.join() === 'score,comment')).toBe(true);
    const seed = seedText(SEED);
    for (const id of SIX) expect(seed).toContain(id);
  });

  it('scores 1–3 with the labels of seed 000, word for word', () => {
    const scale = tree.scales.find((s) => s.id === 'tree')!;
    expect(scale.points.map((p) => `${p.value} = ${p.label}`)).toEqual([
      '1 = weak/needs improvement',
      '2 = present in parts',
      '3 = strong',
    ]);
    const seed = seedText(SEED);
    expect(seed).toContain(scale.points.map((p) => `${p.value} = ${p.label}`).join(', '));
    expect(tree.defaultScale).toBe('tree');
  });

  it('collects strengths and areas for improvement per characteristic', () => {
    expect(tree.sectionFreeText).toEqual(['strengths', 'areasForImprovement']);
  });

  it('phrases the guidance after seed 003 and says so in the silences', () => {
    expect(tree.sections.map((s) => s.items[0]!.guidance)).toEqual([
      'How the partnership aspires',
      'How the partnership thinks',
      'How the partnership leads',
      'How the partnership collaborates',
      'How the partnership accounts',
      'How the partnership delivers',
    ]);
    expect(seedText('003_7c9eb4337a863b71.txt')).toContain(
      'how the partnership aspires, thinks, leads, collaborates, accounts and delivers',
    );
    expect(tree.silences.some((s) => s.includes('How the partnership aspires'))).toBe(true);
    expect(tree.instructions).toContain(
      'Each characteristic was scored by each participant where 1 = weak/needs improvement, 2 = present in parts, 3 = strong.',
    );
  });
});
