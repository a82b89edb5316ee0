import { describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import { matchColumns } from '../../core/import/match-columns.js';
import { planImport } from '../../core/import/plan-import.js';
import { readReview } from '../../core/reader/read-review.js';
import { ReviewRequestError } from '../../core/operations/types.js';
import type { CellValue } from '../../core/review/types.js';
import { keyCol, newReview, snap, TODAY, typedCells } from './helpers.js';

describe('matchColumns', () => {
  const hallmarks = getFramework('hallmarks');

  it('tells 1.1 from 1.10, takes comments, ignores Forms’ own columns and reports the rest', () => {
    const headers: CellValue[] = [
      'Id',
      'Start time',
      'Completion time',
      'Email',
      'Name',
      'Partnership',
      '1.1 Do you have an effective governance structure?',
      '1.10 Within your strategy group…',
      '1.1 comment',
      '2.16',
      'Favourite colour',
      '',
      'Organisation',
      '1.100 not an item',
      'Does the partnership involve senior representatives from relevant partners?',
      '1.1 Comments',
    ];
    const m = matchColumns(headers, hallmarks);
    expect(m.respondent).toBe(4);
    expect(m.identity).toBe('name');
    expect([m.responseId, m.email, m.timestamp]).toEqual([0, 3, null]);
    expect(m.partnership).toBe(5);
    expect(m.organisation).toBe(12);
    expect(m.fields.map((f) => [f.index, f.itemId, f.field])).toEqual([
      [6, '1.1', 'score'],
      [7, '1.10', 'score'],
      [8, '1.1', 'comment'],
      [9, '2.16', 'score'],
      [14, '1.2', 'score'],
    ]);
    expect(m.ignored).toEqual([1, 2]);
    expect(m.unknown).toEqual([
      { index: 10, header: 'Favourite colour' },
      { index: 13, header: '1.100 not an item' },
    ]);
    expect(m.duplicates).toEqual([{ index: 15, header: '1.1 Comments', itemId: '1.1', field: 'comment', firstIndex: 8 }]);
  });

  it('uses Email as the identity only when there is no name column; ids are matched as written', () => {
    const tree = getFramework('partnership-tree');
    const m = matchColumns(['Email address', 'ASPIRE', 'aspire comment', 'Lead partner', 'THINK: how we think', 'lead'], tree);
    expect(m.respondent).toBe(0);
    expect(m.identity).toBe('email');
    // "aspire comment" is not ASPIRE (ids are matched as written); "lead" alone equals the id in any case
    expect(m.fields.map((f) => [f.index, f.itemId, f.field])).toEqual([
      [1, 'ASPIRE', 'score'],
      [5, 'LEAD', 'score'],
    ]);
    expect(m.unknown.map((u) => u.header)).toEqual(['aspire comment', 'Lead partner', 'THINK: how we think']);
  });
});

describe('planImport', () => {
  it('updates people already there (keeping what they typed), fills "Respondent n" rows, then appends', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: [], respondentCount: 2 });
    // a person already typed Respondent 1's answers, and renamed them
    wb.setCell('Responses', 6, 1, 'Ann');
    wb.setCell('Responses', 6, 4, 2);
    wb.setCell('Responses', 6, 5, 'typed by hand');
    const before = typedCells(wb, ['Responses']);
    const table: CellValue[][] = [
      ['Id', 'Name', 'ASPIRE', 'ASPIRE comment', 'THINK', 'Shoe size'],
      [1, 'ann', '3', '', ' present in parts ', 9],
      [2, 'Bob', 'Strong', '=HYPERLINK("http://x","y")', 'n/a', 10],
      [3, 'Cat', 1, '+1 more', null, 11],
      [4, 'Dev', 'seven', null, null, 12],
      [5, '', null, null, null, null],
    ];
    const { plan, report } = planImport(snap(wb), table, TODAY);
    expect(report.updated).toEqual(['ann']);
    expect(report.matchedByName).toEqual(['ann']);
    expect(report.added).toEqual(['Bob', 'Cat', 'Dev']);
    expect(report.unknownColumns).toEqual(['Shoe size']);
    // Ann typed 2 for ASPIRE by hand: kept, and reported
    expect(report.conflicts).toEqual([
      { at: { sheet: 'Responses', row: 6, col: 4 }, respondent: 'ann', column: 'ASPIRE', workbook: 2, export: 3, kept: 'workbook' },
    ]);
    expect(report.problems).toEqual([expect.objectContaining({ code: 'import.not-a-score', at: { sheet: 'Responses', row: 9, col: 4 } })]);
    const entry = plan.tabs[0]!;
    expect(entry).toMatchObject({ name: 'Responses', mode: 'update' });
    expect(entry.blocks.filter((b) => b.owner === 'input').every((b) => b.cells.flat().every((c) => 'v' in c))).toBe(true);
    wb.applyNow(plan);
    const id = keyCol(wb, 'Responses', 'importId');
    expect(id.row).toBe(5);
    expect(keyCol(wb, 'Responses', 'importRecord').col).toBe(id.col + 1);
    expect(wb.tab('Responses').hiddenColumns.has(id.col)).toBe(true);
    expect([6, 7, 8, 9].map((r) => wb.getCell('Responses', r, id.col))).toEqual(['id:1', 'id:2', 'id:3', 'id:4']);
    expect(wb.getCell('Responses', 6, 4)).toBe(2);
    expect(wb.getCell('Responses', 6, 5)).toBe('typed by hand');
    expect(wb.getCell('Responses', 6, 6)).toBe('present in parts');
    expect(wb.getCell('Responses', 7, 1)).toBe('Bob');
    expect(wb.getCell('Responses', 7, 5)).toBe('=HYPERLINK("http://x","y")');
    expect(wb.getFormula('Responses', 7, 5)).toBeUndefined();
    expect(wb.getCell('Responses', 8, 2)).toBe('KCP');
    expect(wb.getCell('Responses', 8, 5)).toBe('+1 more');
    expect(wb.getCell('Responses', 9, 4)).toBe('seven');
    // nothing else a person typed changed (A7 held our own "Respondent 2" placeholder)
    for (const [k, v] of before) if (!['Responses!F6', 'Responses!A7'].includes(k)) expect(typedCells(wb, ['Responses']).get(k), k).toBe(v);
    const r = readReview(snap(wb));
    expect(r.review.responses.map((x) => x.respondent)).toEqual(['Ann', 'Bob', 'Cat', 'Dev']);
    expect(r.problems.filter((p) => p.code.startsWith('layout.'))).toEqual([]);
    // importing the same file again writes nothing, and still says Ann's ASPIRE differs from the export
    const again = planImport(snap(wb), table, TODAY);
    expect(again.report.added).toEqual([]);
    expect(again.report.updated).toEqual([]);
    expect(again.report.conflicts.map((c) => [c.at.row, c.at.col, c.workbook, c.export])).toEqual([[6, 4, 2, 3]]);
    expect(again.plan.tabs).toEqual([]);
  });

  it('matches hand-typed rows by name and partnership; a name on several such rows with no partnership column is not guessed', () => {
    const wb = newReview({ framework: 'hallmarks', partnerships: ['Crime', 'Health'], respondents: [], respondentCount: 0 });
    const sc = keyCol(wb, 'Responses', '1.1|score').col;
    wb.setCell('Responses', 6, 1, 'Ann');
    wb.setCell('Responses', 6, 2, 'Crime');
    wb.setCell('Responses', 7, 1, 'Ann');
    wb.setCell('Responses', 7, 2, 'Health');
    const withPartnership = planImport(
      snap(wb),
      [
        ['Name', 'Partnership', '1.1'],
        ['ANN', 'health', 'Yes'],
      ],
      TODAY,
    );
    expect(withPartnership.report.updated).toEqual(['ANN']);
    const written = withPartnership.plan.tabs[0]!.blocks.filter((b) => b.owner === 'input');
    expect(written.find((b) => b.row === 7 && b.col === sc)!.cells).toEqual([[{ v: 'Yes' }]]);
    expect(written.some((b) => b.row === 6)).toBe(false);
    const without = planImport(
      snap(wb),
      [
        ['Name', '1.1'],
        ['Ann', 'Yes'],
      ],
      TODAY,
    );
    expect(without.report.problems.map((p) => p.code)).toEqual(['import.ambiguous']);
    expect(without.plan.tabs).toEqual([]);
  });

  it('refuses files it cannot match, saying why', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann'] });
    expect(() =>
      planImport(
        snap(wb),
        [
          ['Score', 'ASPIRE'],
          ['x', 1],
        ],
        TODAY,
      ),
    ).toThrow(/no column saying who answered \(headed Name, Full name, Respondent, Email/);
    expect(() =>
      planImport(
        snap(wb),
        [
          ['Name', 'Colour'],
          ['x', 'red'],
        ],
        TODAY,
      ),
    ).toThrow(ReviewRequestError);
    expect(() =>
      planImport(
        snap(wb),
        [
          ['Name', 'Colour'],
          ['x', 'red'],
        ],
        TODAY,
      ),
    ).toThrow(/No column matches an item .* Columns not recognised: “Colour”/);
    expect(() => planImport(snap(wb), [], TODAY)).toThrow(/no header row/);
  });
});
