import { describe, expect, it } from 'vitest';
import { FrameworkSchema } from '../../core/framework/schema.js';
import {
  BUILTIN_INPUTS,
  builtinFrameworkIds,
  builtinFrameworks,
  frameworkSummaries,
  getFramework,
  isBuiltinFrameworkId,
} from '../../core/framework/catalogue.js';
import { seedText } from './seeds.js';

const IDS = [
  'partnership-tree',
  'hallmarks',
  'nru-partnership',
  'delivery-tracker',
  'risk-exercise',
  'framework-review',
  'biannual-review',
];

describe('built-in catalogue', () => {
  it('every built-in parses with the schema', () => {
    for (const input of BUILTIN_INPUTS) {
      const result = FrameworkSchema.safeParse(input);
      expect(result.success, `${input.id}: ${result.success ? '' : JSON.stringify(result.error.issues)}`).toBe(true);
    }
    expect(builtinFrameworks().map((f) => f.id)).toEqual(IDS);
    expect(builtinFrameworkIds()).toEqual(IDS);
  });

  it('parses once and freezes the frameworks', () => {
    const a = builtinFrameworks();
    const b = builtinFrameworks();
    expect(a).not.toBe(b); // a new array each call…
    expect(a[1]).toBe(b[1]); // …of the same frozen frameworks
    const tree = getFramework('partnership-tree');
    expect(Object.isFrozen(tree)).toBe(true);
    expect(Object.isFrozen(tree.sections[0]!.items[0]!)).toBe(true);
    expect(Object.isFrozen(tree.scales[0]!.points)).toBe(true);
    expect(() => (tree.sections as unknown[]).push({})).toThrow(TypeError);
  });

  it('each parsed built-in survives JSON unchanged (the command line’s build carries them as JSON: scripts/build-cli.mjs)', () => {
    for (const f of builtinFrameworks()) {
      // toStrictEqual also fails on a key whose value is undefined (JSON drops it) or a value JSON cannot hold
      expect(JSON.parse(JSON.stringify(f)), f.id).toStrictEqual(f);
    }
  });

  it('getFramework finds a built-in and names the valid ids for an unknown one', () => {
    expect(getFramework('hallmarks').title).toBe('Hallmarks of effective partnerships self-assessment');
    expect(getFramework(' risk-exercise ').id).toBe('risk-exercise');
    expect(() => getFramework('tree')).toThrow(
      'There is no built-in framework "tree". Choose one of: partnership-tree, hallmarks, nru-partnership, delivery-tracker, risk-exercise, framework-review, biannual-review.',
    );
    expect(isBuiltinFrameworkId('Hallmarks')).toBe(true);
    expect(isBuiltinFrameworkId('my-own')).toBe(false);
  });

  it('summaries count the scored items and score columns', () => {
    const byId = Object.fromEntries(frameworkSummaries().map((s) => [s.id, s]));
    // tree: 6 characteristics; hallmarks 14+16+6+6+9+16; nru: 2 Strategic + 5 placeholders;
    // tracker: the co-ordinator's and the champions' achievement scores + appropriateness; risk: likelihood + impact; interviews: LB3, LB4; bi-annual: 2 + 4 headings.
    expect(Object.fromEntries(Object.entries(byId).map(([id, s]) => [id, s.items]))).toEqual({
      'partnership-tree': 6,
      hallmarks: 67,
      'nru-partnership': 7,
      'delivery-tracker': 3,
      'risk-exercise': 2,
      'framework-review': 2,
      'biannual-review': 6,
    });
    expect(
      frameworkSummaries()
        .filter((s) => s.multiplePartnerships)
        .map((s) => s.id),
    ).toEqual(['hallmarks']);
    expect(byId['hallmarks']!.source.seed).toBe('001_c1ea8c746b4e09d2.txt');
  });

  it('every built-in names a seed that exists, has instructions, and lists its silences', () => {
    for (const f of builtinFrameworks()) {
      expect(seedText(f.source.seed).length, f.id).toBeGreaterThan(1000);
      expect(f.instructions.length, f.id).toBeGreaterThan(0);
      expect(f.silences.length, f.id).toBeGreaterThan(0);
    }
  });

  it('every scale marked as our default is explained in the silences or the scale note', () => {
    for (const f of builtinFrameworks()) {
      for (const s of f.scales.filter((x) => x.isDefault)) {
        expect(s.note ?? '', `${f.id} ${s.id}`).toMatch(/default/i);
      }
    }
  });
});
