/**
 * Property-based tests (fast-check) over the reader, the validator, summarise and plan, on the in-memory workbook:
 * random workbooks made by `planCreate` for every built-in framework, then edited the way people edit workbooks
 * (support/fuzz-case.ts lists the edits and the checks). A few hundred cases here; `npm run fuzz` runs 10,000+.
 *
 * Properties:
 * - reading and checking never throw, except NotAReviewError for a workbook whose PR_Meta is gone or broken;
 * - every problem has a cell on a tab that exists, or is a workbook-level problem naming the tab;
 * - every invalid score typed is reported at its exact cell, and no valid score (labels in odd case and spacing
 *   included) is reported as an error;
 * - summarise and plan never change a cell a person typed (compared byte for byte before and after).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReview } from '../../core/operations/check.js';
import { planCreate } from '../../core/operations/create.js';
import { readReview } from '../../core/reader/read-review.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { describeOutcome, fuzzCase, runFuzzCase, type FuzzCase } from './support/fuzz-case.js';
import { LONG_ARABIC, LONG_TEXT, NON_LATIN } from './support/fuzz-values.js';

function expectClean(c: FuzzCase): void {
  const o = runFuzzCase(c);
  expect(describeOutcome(o), `framework ${c.frameworkId}`).toEqual([]);
}

describe('random workbooks: create, then people edit', () => {
  it('a case a CI run found: Review Settings deleted and the cycle blanked in PR_Meta (no place left to say it)', () => {
    // the cycle's in-depth warning had no cell; the missing tab's warning now says what it stops instead
    const found = {
      frameworkId: 'nru-partnership',
      partnerships: [],
      respondents: [],
      respondentCount: 0,
      structural: [{ kind: 'delete', role: 'settings' }],
      values: [
        { kind: 'any', role: 'meta', row: 5, col: 0, value: null },
        { kind: 'any', role: 'instructions', row: 0, col: 0, value: 'مراجعة الشراكة المحلية' },
        { kind: 'ragged', role: 'entry', row: 0, far: 1, value: 0 },
        { kind: 'merged', role: 'entry', row: 0, col: 0, width: 2 },
        { kind: 'registerScore', row: 0, pick: 0, score: { kind: 'invalid', value: 'strongish' }, rag: { kind: 'blank' } },
      ],
      planEdits: [],
      extraRows: 0,
    } as unknown as FuzzCase;
    expectClean(found);
  });

  it('never crash, locate every problem, report every invalid score at its cell and keep every typed cell (200 cases)', () => {
    fc.assert(fc.property(fuzzCase(), expectClean), { numRuns: 200 });
  });

  it('survive tabs renamed, deleted and reordered, with columns and rows inserted (120 cases, structure-heavy)', () => {
    fc.assert(
      fc.property(
        fuzzCase({ maxStructural: 10, maxValues: 15 }).filter((c) => c.structural.length >= 2),
        expectClean,
      ),
      { numRuns: 120 },
    );
  });

  it('survive very long and non-Latin text in names, partnerships and every typed cell (60 cases)', () => {
    const odd = fc.constantFrom(LONG_TEXT, LONG_ARABIC, ...NON_LATIN);
    fc.assert(
      fc.property(
        fuzzCase().chain((c) =>
          fc
            .record({
              partnerships: fc.array(odd, { minLength: 1, maxLength: 3 }),
              respondents: fc.array(odd, { minLength: 1, maxLength: 6 }),
              texts: fc.array(odd, { minLength: c.values.length, maxLength: c.values.length }),
            })
            .map(({ partnerships, respondents, texts }) => ({
              ...c,
              partnerships,
              respondents,
              values: c.values.map((v, i) => (v.kind === 'any' || v.kind === 'ragged' ? { ...v, value: texts[i]! } : v)),
            })),
        ),
        expectClean,
      ),
      { numRuns: 60 },
    );
  });
});

describe('one workbook with more than 10,000 rows', () => {
  it('is read, checked and summarised with every invalid score found and every cell kept', () => {
    const o = runFuzzCase({
      frameworkId: 'partnership-tree',
      partnerships: ['Kensington and Chelsea'],
      respondents: [],
      respondentCount: 10,
      structural: [{ kind: 'insertColumn', role: 'entry', at: 0.5, count: 1 }],
      values: [
        { kind: 'score', row: 0, pick: 0, score: { kind: 'invalid', value: LONG_ARABIC } },
        { kind: 'any', role: 'entry', row: 3, col: 4, value: NON_LATIN[5]! },
      ],
      planEdits: [{ kind: 'planAdd', gap: 1, action: '=HYPERLINK("http://x","y")', contact: 'Jo Bloggs' }],
      extraRows: 10_050,
    });
    expect(describeOutcome(o)).toEqual([]);
    // rows 500, 1497 … 9473 of the added rows hold "not a score" (10 of them), plus the long Arabic text: 11 cells
    expect(o.scoresChecked).toBe(11);
    // every added row's name and score were compared across three runs
    expect(o.cellsCompared).toBeGreaterThan(3 * 2 * 10_050);
  });
});

describe('the checks themselves', () => {
  const base: FuzzCase = {
    frameworkId: 'hallmarks',
    partnerships: ['North', 'South'],
    respondents: ['Ann', 'Bob'],
    respondentCount: 0,
    structural: [],
    // Ann's first score (Responses row 6) is 4 on the 1–3 scale; her second is "  yEs " (a valid label)
    values: [
      { kind: 'score', row: 0, pick: 0, score: { kind: 'outOfScale', offset: 1 } },
      { kind: 'score', row: 0, pick: 1, score: { kind: 'point', index: 2, style: 'labelMixed' } },
      { kind: 'any', role: 'entry', row: 1, col: 2, value: 'Bob’s own note' },
    ],
    planEdits: [],
    extraRows: 0,
  };

  it('pass a clean case and check both scores typed', () => {
    const o = runFuzzCase(base);
    expect(describeOutcome(o)).toEqual([]);
    expect(o.scoresChecked).toBe(2);
  });

  it('notice an invalid score nobody reported', () => {
    const o = runFuzzCase(base, { filterProblems: (p) => !p.code.startsWith('score.') });
    expect(o.missed).toEqual([{ cell: 'Responses!D6', value: 4 }]);
  });

  it('notice a typed cell that changed while summarising', () => {
    const o = runFuzzCase(base, { afterSummarise: (wb) => wb.setCell('Responses', 7, 3, 'overwritten') });
    expect(o.lost).toEqual([{ cell: 'Responses!C7', before: 'Bob’s own note', after: 'overwritten' }]);
  });
});

describe('problems found by the fuzz run', () => {
  it('points the "cycle has no year" warning at the Cycle cell on Review Settings', () => {
    const wb = new MemoryWorkbook();
    wb.applyNow(
      planCreate(
        {
          framework: 'nru-partnership',
          partnerships: ['Kensington and Chelsea'],
          respondents: ['Ann'],
          cycle: '2026/27',
          today: '2026-03-01',
        },
        [],
      ),
    );
    const row =
      wb
        .tab('Review Settings')
        .values()
        .findIndex((r) => r[0] === 'Cycle') + 1;
    expect(row).toBe(4);
    wb.setCell('Review Settings', row, 2, 'Spring review');
    const p = checkReview(wb.readNow(), '2026-03-01').problems.find((x) => x.code === 'settings.cycle');
    expect(p?.message).toContain('“Spring review” has no year');
    expect(p?.at).toEqual({ sheet: 'Review Settings', row: 4, col: 2 });
  });
});

describe('a column inserted before the labels on Review Settings', () => {
  it('still reads the partnerships, or says that Review Settings cannot be read', () => {
    const wb = new MemoryWorkbook();
    wb.applyNow(
      planCreate(
        { framework: 'hallmarks', partnerships: ['North', 'South'], respondents: ['Ann'], cycle: '2026/27', today: '2026-03-01' },
        [],
      ),
    );
    wb.insertColumn('Review Settings', 1, 1);
    const r = readReview(wb.readNow());
    const said = r.problems.some((p) => p.message.includes('Review Settings'));
    expect(
      said || r.review.settings.partnerships.join('|') === 'North|South',
      `partnerships read: ${JSON.stringify(r.review.settings.partnerships)}`,
    ).toBe(true);
  });
});
