/**
 * Whatever people do to a review workbook, reading it never crashes, every problem says where it is, and
 * summarising never changes a cell a person typed. FUZZ_RUNS=10000 runs the long version.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReview } from '../../core/operations/check.js';
import { planImport } from '../../core/import/plan-import.js';
import { planSummary } from '../../core/operations/summarise.js';
import { LayoutChangedError, NotAReviewError, ReviewRequestError } from '../../core/operations/types.js';
import { readReview } from '../../core/reader/read-review.js';
import type { CellValue } from '../../core/review/types.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { newReview, snap, TODAY } from '../operations/helpers.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 100);
const FRAMEWORKS = [
  'partnership-tree',
  'hallmarks',
  'nru-partnership',
  'delivery-tracker',
  'risk-exercise',
  'framework-review',
  'biannual-review',
];
const INPUT_TABS = [
  'Responses',
  'Workshop Notes',
  'Progress Tracker',
  'Theme Review',
  'Risk Register',
  'Review Settings',
  'Previous Review',
  'Answers',
  'Notes',
];

const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -3, max: 9 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.boolean(),
  fc.constantFrom(
    '1',
    '2',
    '3',
    ' 3 ',
    'STRONG',
    'Present In Parts',
    'n/a',
    "DON'T KNOW",
    'Yes',
    'partly',
    'red',
    'AMBER',
    'achieved',
    '=HYPERLINK("http://x","y")',
    '+1',
    '@me',
    '-2',
    '30/06/2026',
    '',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('Ωμέγα', '日本語のコメント', 'مرحبا', 'x'.repeat(40_000)),
);

type Mutation =
  | { k: 'set'; sheet: number; row: number; col: number; v: CellValue }
  | { k: 'insertRow' | 'insertCol'; sheet: number; at: number; n: number }
  | { k: 'rename'; sheet: number; to: string }
  | { k: 'delete'; sheet: number }
  | { k: 'move'; sheet: number; to: number }
  | { k: 'blankRows'; sheet: number; from: number; n: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      k: fc.constant('set' as const),
      sheet: fc.nat(12),
      row: fc.integer({ min: 1, max: 40 }),
      col: fc.integer({ min: 1, max: 30 }),
      v: value,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constantFrom('insertRow' as const, 'insertCol' as const),
      sheet: fc.nat(12),
      at: fc.integer({ min: 1, max: 12 }),
      n: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('rename' as const),
      sheet: fc.nat(12),
      to: fc.constantFrom('Answers', 'Notes', 'Old summary', 'responses'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('delete' as const), sheet: fc.nat(12) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('move' as const), sheet: fc.nat(12), to: fc.nat(12) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('blankRows' as const),
      sheet: fc.nat(12),
      from: fc.integer({ min: 1, max: 20 }),
      n: fc.integer({ min: 1, max: 5 }),
    }),
  },
);

function mutate(wb: MemoryWorkbook, m: Mutation): void {
  const names = wb.tabNames();
  if (names.length === 0) return;
  const name = names[m.sheet % names.length]!;
  try {
    switch (m.k) {
      case 'set':
        wb.setCell(name, m.row, m.col, m.v);
        break;
      case 'insertRow':
        wb.insertRow(name, m.at, m.n);
        break;
      case 'insertCol':
        wb.insertColumn(name, m.at, m.n);
        break;
      case 'rename':
        if (!wb.find(m.to)) wb.renameTab(name, m.to);
        break;
      case 'delete':
        wb.deleteTab(name);
        break;
      case 'move':
        wb.moveTab(name, m.to);
        break;
      case 'blankRows':
        for (let r = m.from; r < m.from + m.n; r++) for (let c = 1; c <= 30; c++) wb.setCell(name, r, c, null);
        break;
    }
  } catch {
    // a mutation a spreadsheet would refuse (a duplicate name): skip it
  }
}

const EXPECTED = [NotAReviewError, ReviewRequestError];

function expectedError(e: unknown): boolean {
  return EXPECTED.some((E) => e instanceof E);
}

function typed(wb: MemoryWorkbook): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, c] of wb.allCells()) if (INPUT_TABS.some((t) => k.toLowerCase().startsWith(`${t.toLowerCase()}!`))) out.set(k, c.value);
  return out;
}

describe('fuzz: random damage to review workbooks', () => {
  it(
    `never crashes, problems say where, typed cells survive summarise and import (${RUNS} runs)`,
    () => {
      const cache = new Map<string, MemoryWorkbook>();
      const base = (id: string) => {
        if (!cache.has(id))
          cache.set(id, newReview({ framework: id, partnerships: ['Crime', 'Health'], respondents: ['Ann', 'Bob', 'Cat'] }));
        return cache.get(id)!.clone();
      };
      fc.assert(
        fc.property(fc.constantFrom(...FRAMEWORKS), fc.array(mutation, { minLength: 1, maxLength: 25 }), (id, mutations) => {
          const wb = base(id);
          for (const m of mutations) mutate(wb, m);
          const s = snap(wb);
          try {
            const r = readReview(s);
            for (const p of r.problems) {
              expect(p.message.length).toBeGreaterThan(20);
              if (p.at) {
                expect(wb.find(p.at.sheet), p.message).toBeTruthy();
                expect(p.at.row).toBeGreaterThanOrEqual(1);
                expect(p.at.col).toBeGreaterThanOrEqual(1);
              }
            }
            const check = checkReview(s, TODAY);
            for (const line of check.lines) expect(line).toMatch(/^(Workbook|.+![A-Z]+\d+): /);
          } catch (e) {
            if (!expectedError(e)) throw e;
            return;
          }
          const before = typed(wb);
          try {
            wb.applyNow(planSummary(s, { today: TODAY }).plan);
          } catch (e) {
            if (!expectedError(e) && !(e instanceof LayoutChangedError)) throw e;
          }
          expect(typed(wb)).toEqual(before);
          try {
            const table: CellValue[][] = [
              ['Name', 'Partnership', 'ASPIRE', '1.1', 'LB3 comment'],
              ['Zed', 'Crime', '=1+1', 'Yes', '@x'],
            ];
            wb.applyNow(planImport(snap(wb), table, TODAY).plan);
          } catch (e) {
            if (!expectedError(e)) throw e;
          }
          const after = typed(wb);
          for (const [k, v] of before) expect(after.get(k), k).toBe(v);
        }),
        { numRuns: RUNS, seed: Number(process.env['FUZZ_SEED'] ?? 20260501) },
      );
    },
    60_000 + RUNS * 500,
  );

  it('reads 10,000 respondents, and summarises them without touching a typed cell', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: [], respondentCount: 0 });
    const t = wb.tab('Responses');
    for (let r = 0; r < 10_000; r++) {
      t.set(6 + r, 1, { value: `Person ${r + 1}` });
      for (let i = 0; i < 6; i++) {
        t.set(6 + r, 4 + i * 2, { value: ((r + i) % 3) + 1 });
        if ((r + i) % 4 === 0) t.set(6 + r, 5 + i * 2, { value: `Comment ${r}/${i}` });
      }
    }
    const s = snap(wb);
    const r = readReview(s);
    expect(r.review.responses).toHaveLength(10_000);
    expect(r.problems).toEqual([]);
    const before = typed(wb);
    const { plan, summary } = planSummary(s, { today: TODAY });
    expect(summary.items[0]!.n).toBe(10_000);
    wb.applyNow(plan);
    expect(typed(wb)).toEqual(before);
    // the live formulas reach 1,000 rows beyond the last respondent
    expect(wb.getFormula('Summary', 4, 3)).toBe('=COUNTA(Responses!$A$6:$A$11005)');
  });
});
