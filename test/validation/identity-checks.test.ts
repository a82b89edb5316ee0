/** Issue #11: check names duplicate respondents, same-name people and partnership spellings, with cell and fix. */
import { describe, expect, it } from 'vitest';
import { planImport } from '../../core/import/plan-import.js';
import { checkReview } from '../../core/operations/check.js';
import { planSummary } from '../../core/operations/summarise.js';
import { keyCol, newReview, snap, TODAY } from '../operations/helpers.js';

const MINE = [
  'respondent.same-name',
  'respondent.imported-twice',
  'respondent.possible-duplicate',
  'respondent.duplicate',
  'partnership.spelling',
];

function problems(wb: ReturnType<typeof newReview>, prefix: string) {
  return checkReview(snap(wb), TODAY).problems.filter((p) => p.code.startsWith(prefix) && MINE.includes(p.code));
}

describe('check: who the respondents are', () => {
  it('asks to confirm that three imported people named John Smith are different people', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: [], respondentCount: 0 });
    wb.applyNow(
      planImport(
        snap(wb),
        [
          ['ID', 'Name', 'ASPIRE'],
          [1, 'John Smith', 3],
          [2, 'John Smith', 1],
          [3, 'john smith', 2],
        ],
        TODAY,
      ).plan,
    );
    const found = problems(wb, 'respondent.');
    expect(found).toEqual([
      {
        severity: 'warning',
        code: 'respondent.same-name',
        at: { sheet: 'Responses', row: 7, col: 1 },
        respondent: 'John Smith',
        message:
          'John Smith: 3 respondents are named John Smith (Responses!A6, Responses!A7, Responses!A8): confirm they are different people. If they are, add an initial or their organisation to each name; if not, clear the rows that repeat a response.',
      },
    ]);
  });

  it('flags a response imported twice (a copied row keeps its import id)', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: [], respondentCount: 0 });
    wb.applyNow(
      planImport(
        snap(wb),
        [
          ['ID', 'Name', 'ASPIRE'],
          [1, 'Ann', 3],
        ],
        TODAY,
      ).plan,
    );
    const width = wb.tab('Responses').values()[5]!.length;
    for (let c = 1; c <= width; c++) wb.setCell('Responses', 7, c, wb.getCell('Responses', 6, c));
    expect(problems(wb, 'respondent.').map((p) => [p.code, p.at?.row])).toEqual([['respondent.imported-twice', 7]]);
  });

  it('flags the same person with and without a partnership (an import whose partnership column was dropped)', () => {
    const wb = newReview({ framework: 'partnership-tree', partnerships: ['North', 'South'], respondents: [], respondentCount: 0 });
    wb.setCell('Responses', 6, 1, 'Ann');
    wb.setCell('Responses', 6, 2, 'North');
    wb.setCell('Responses', 7, 1, 'Ann');
    expect(problems(wb, 'respondent.').map((p) => [p.code, p.at?.row, p.severity])).toEqual([
      ['respondent.possible-duplicate', 7, 'warning'],
    ]);
  });
});

describe('check: partnership spellings', () => {
  it('gives an error for a partnership with extra spaces, which neither the Summary nor core counts as that partnership', () => {
    const wb = newReview({ framework: 'partnership-tree', partnerships: ['North', 'South'], respondents: ['Ann', 'Bob', 'Cat', 'Dev'] });
    const aspire = keyCol(wb, 'Responses', 'ASPIRE|score').col;
    const rows: [string, number][] = [
      ['North', 3],
      ['North', 2],
      [' North ', 1],
      ['South', 2],
    ];
    rows.forEach(([p, v], i) => {
      wb.setCell('Responses', 6 + i, 2, p);
      wb.setCell('Responses', 6 + i, aspire, v);
    });
    const found = problems(wb, 'partnership.');
    expect(found).toEqual([
      {
        severity: 'error',
        code: 'partnership.spelling',
        at: { sheet: 'Responses', row: 8, col: 2 },
        respondent: 'Cat',
        field: 'partnership',
        message:
          "Cat: “ North ” differs from “North” on Review Settings only by spaces, so this row is not counted in North's figures (on the Summary or by the command line). Choose “North” from the list.",
      },
    ]);
    // core counts North as the live COUNTIFS does: rows 6 and 7 only → (3 + 2) / 2
    const { summary } = planSummary(snap(wb), { today: TODAY });
    const north = summary.partnerships!['North']!;
    expect(north.sections.find((s) => s.id === 'ASPIRE')!.mean).toBe(2.5);
  });

  it('only warns for other capitals (the live formulas ignore capitals, and so does core)', () => {
    const wb = newReview({ framework: 'partnership-tree', partnerships: ['North', 'South'], respondents: ['Ann'] });
    wb.setCell('Responses', 6, 2, 'NORTH');
    expect(problems(wb, 'partnership.').map((p) => [p.code, p.severity])).toEqual([['partnership.spelling', 'warning']]);
  });
});
