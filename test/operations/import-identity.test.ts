/**
 * Issue #11: a respondent is who the export says by its response id, timestamp, email or row — never the name —
 * and a cell a person corrected since it was imported is kept (and reported) when the export is imported again.
 * Expectations are written out by hand from the export tables below.
 */
import { describe, expect, it } from 'vitest';
import { matchColumns } from '../../core/import/match-columns.js';
import { planImport } from '../../core/import/plan-import.js';
import { getFramework } from '../../core/framework/catalogue.js';
import { readReview } from '../../core/reader/read-review.js';
import type { CellValue } from '../../core/review/types.js';
import type { MemoryWorkbook } from '../../memory-host/index.js';
import { keyCol, newReview, snap, TODAY } from './helpers.js';

/** Microsoft Forms: ID, Start time, Completion time, Email, Name, then the questions. */
const MS_HEADERS = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'ASPIRE', 'ASPIRE comment', 'THINK'];

function names(wb: MemoryWorkbook): string[] {
  return readReview(snap(wb)).review.responses.map((r) => r.respondent);
}

function importInto(wb: MemoryWorkbook, table: CellValue[][], preferExport = false) {
  const out = planImport(snap(wb), table, TODAY, { preferExport });
  wb.applyNow(out.plan);
  return out.report;
}

describe('who a respondent is', () => {
  it('keeps three people called John Smith apart by the Microsoft Forms ID', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: [], respondentCount: 0 });
    const report = importInto(wb, [
      MS_HEADERS,
      [1, '1/3/26 10:00', '1/3/26 10:05', 'js1@example.org', 'John Smith', 3, 'first', 2],
      [2, '1/3/26 10:01', '1/3/26 10:06', 'js2@example.org', 'John Smith', 1, 'second', 1],
      [3, '1/3/26 10:02', '1/3/26 10:07', 'js3@example.org', 'John Smith', 2, 'third', 3],
    ]);
    expect(report.added).toEqual(['John Smith', 'John Smith', 'John Smith']);
    expect(report.updated).toEqual([]);
    expect(names(wb)).toEqual(['John Smith', 'John Smith', 'John Smith']);
    const aspire = keyCol(wb, 'Responses', 'ASPIRE|score').col;
    expect([6, 7, 8].map((r) => wb.getCell('Responses', r, aspire))).toEqual([3, 1, 2]);
    // the same export again: nobody added, nobody merged
    const again = planImport(
      snap(wb),
      [
        MS_HEADERS,
        [1, '', '', 'js1@example.org', 'John Smith', 3, 'first', 2],
        [2, '', '', 'js2@example.org', 'John Smith', 1, 'second', 1],
        [3, '', '', 'js3@example.org', 'John Smith', 2, 'third', 3],
      ],
      TODAY,
    );
    expect(again.report.added).toEqual([]);
    expect(again.plan.tabs).toEqual([]);
  });

  it('imports every row of an anonymous Microsoft Forms export, each under its own label', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: [], respondentCount: 0 });
    const report = importInto(wb, [
      MS_HEADERS,
      [11, '', '', 'anonymous', 'anonymous', 3, '', 2],
      [12, '', '', 'anonymous', 'anonymous', 1, '', 1],
      [13, '', '', 'anonymous', 'anonymous', 2, '', 3],
    ]);
    expect(report.added).toEqual(['Anonymous (response id 11)', 'Anonymous (response id 12)', 'Anonymous (response id 13)']);
    expect(names(wb)).toHaveLength(3);
  });

  it('uses the email when there is no id, and the row when there is nothing else', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: [], respondentCount: 0 });
    importInto(wb, [
      ['Email address', 'ASPIRE'],
      ['a@example.org', 3],
      ['b@example.org', 2],
      ['c@example.org', 1],
    ]);
    const id = keyCol(wb, 'Responses', 'importId').col;
    expect([6, 7, 8].map((r) => wb.getCell('Responses', r, id))).toEqual([
      'email:a@example.org',
      'email:b@example.org',
      'email:c@example.org',
    ]);
    expect(names(wb)).toEqual(['a@example.org', 'b@example.org', 'c@example.org']);
    const rows = newReview({ framework: 'partnership-tree', respondents: [], respondentCount: 0 });
    const r = importInto(rows, [
      ['Name', 'ASPIRE'],
      ['anonymous', 3],
      ['', 2],
    ]);
    expect(r.added).toEqual(['Anonymous (row 2 of the export)', 'Anonymous (row 3 of the export)']);
  });

  it('takes a Google Forms timestamp as the id; two answers in the same second are two people', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: [], respondentCount: 0 });
    const table: CellValue[][] = [
      ['Timestamp', 'Email address', 'Your name', 'ASPIRE'],
      ['2026/03/01 10:00:00', 'p@example.org', 'Pat', 3],
      ['2026/03/01 10:00:00', 'q@example.org', 'Pat', 1],
    ];
    const report = importInto(wb, table);
    expect(report.added).toEqual(['Pat', 'Pat']);
    const id = keyCol(wb, 'Responses', 'importId').col;
    expect([6, 7].map((r) => wb.getCell('Responses', r, id))).toEqual(['time:2026/03/01 10:00:00#1', 'time:2026/03/01 10:00:00#2']);
  });

  it('recognises the wordings forms use for the respondent columns, and re-import with other wordings adds nobody', () => {
    const tree = getFramework('partnership-tree');
    const m = matchColumns(
      ['ID', 'What is your full name?', 'Which partnership are you assessing?', 'Your organisation (optional)', 'Agency', 'ASPIRE'],
      tree,
    );
    expect([m.responseId, m.name, m.partnership, m.organisation]).toEqual([0, 1, 2, 3]);
    expect(m.unknown).toEqual([{ index: 4, header: 'Agency' }]); // a second organisation column is not guessed
    const wb = newReview({ framework: 'partnership-tree', partnerships: ['North', 'South'], respondents: [], respondentCount: 0 });
    const first = importInto(wb, [
      ['ID', 'Name', 'Partnership', 'Organisation', 'ASPIRE'],
      [1, 'Ann', 'north', 'Police', 3],
      [2, 'Bob', 'South', 'Council', 2],
    ]);
    expect(first.added).toEqual(['Ann', 'Bob']);
    expect(wb.getCell('Responses', 6, 2)).toBe('North'); // the listed spelling
    expect(wb.getCell('Responses', 6, 3)).toBe('Police');
    const second = importInto(wb, [
      ['ID', 'Full name', 'Which partnership are you assessing?', 'Your organisation', 'ASPIRE'],
      [1, 'Ann', 'North', 'Police', 3],
      [2, 'Bob', 'South', 'County Council', 2],
    ]);
    expect(second.added).toEqual([]);
    expect(second.updated).toEqual(['Bob']);
    expect(names(wb)).toEqual(['Ann', 'Bob']);
    expect(wb.getCell('Responses', 7, 3)).toBe('County Council');
  });
});

describe('corrections made between imports', () => {
  const table = (aspire: CellValue, comment: CellValue): CellValue[][] => [
    MS_HEADERS,
    [1, '', '', 'alice@example.org', 'Alice', aspire, comment, 2],
  ];

  it('keeps a corrected score and comment, reports each conflict, and updates what nobody touched', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: [], respondentCount: 0 });
    importInto(wb, table(3, 'Good start'));
    const aspire = keyCol(wb, 'Responses', 'ASPIRE|score').col;
    const comment = keyCol(wb, 'Responses', 'ASPIRE|comment').col;
    const think = keyCol(wb, 'Responses', 'THINK|score').col;
    expect([wb.getCell('Responses', 6, aspire), wb.getCell('Responses', 6, comment), wb.getCell('Responses', 6, think)]).toEqual([
      3,
      'Good start',
      2,
    ]);
    // a person corrects the score (3 → 1) and the comment
    wb.setCell('Responses', 6, aspire, 1);
    wb.setCell('Responses', 6, comment, 'Corrected at the workshop');
    // the same export again, with THINK changed in the form
    const t = table(3, 'Good start');
    t[1]![7] = 3;
    const report = importInto(wb, t);
    expect(report.conflicts).toEqual([
      { at: { sheet: 'Responses', row: 6, col: aspire }, respondent: 'Alice', column: 'ASPIRE', workbook: 1, export: 3, kept: 'workbook' },
      {
        at: { sheet: 'Responses', row: 6, col: comment },
        respondent: 'Alice',
        column: 'ASPIRE comment',
        workbook: 'Corrected at the workshop',
        export: 'Good start',
        kept: 'workbook',
      },
    ]);
    expect(report.updated).toEqual(['Alice']);
    expect([wb.getCell('Responses', 6, aspire), wb.getCell('Responses', 6, comment), wb.getCell('Responses', 6, think)]).toEqual([
      1,
      'Corrected at the workshop',
      3,
    ]);
    expect(names(wb)).toEqual(['Alice']);
  });

  it('takes the export values when asked (--prefer-export), and a cell cleared by a person counts as changed', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: [], respondentCount: 0 });
    importInto(wb, table(3, 'Good start'));
    const aspire = keyCol(wb, 'Responses', 'ASPIRE|score').col;
    const comment = keyCol(wb, 'Responses', 'ASPIRE|comment').col;
    wb.setCell('Responses', 6, aspire, 1);
    wb.setCell('Responses', 6, comment, null);
    const kept = planImport(snap(wb), table(3, 'Good start'), TODAY);
    expect(kept.report.conflicts.map((c) => [c.column, c.workbook, c.export])).toEqual([
      ['ASPIRE', 1, 3],
      ['ASPIRE comment', null, 'Good start'],
    ]);
    const report = importInto(wb, table(3, 'Good start'), true);
    expect(report.conflicts.map((c) => c.kept)).toEqual(['export', 'export']);
    expect([wb.getCell('Responses', 6, aspire), wb.getCell('Responses', 6, comment)]).toEqual([3, 'Good start']);
    // now in step with the export: nothing to report
    expect(planImport(snap(wb), table(3, 'Good start'), TODAY).report.conflicts).toEqual([]);
  });

  it('follows a respondent whose row was moved (the identity travels with the row)', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: [], respondentCount: 0 });
    importInto(wb, [MS_HEADERS, [1, '', '', '', 'Ann', 3, '', 2], [2, '', '', '', 'Bob', 1, '', 1]]);
    const width = wb.tab('Responses').values()[5]!.length;
    // a person sorts the rows: Bob first
    const row6 = wb.tab('Responses').values()[5]!.slice();
    const row7 = wb.tab('Responses').values()[6]!.slice();
    for (let c = 1; c <= width; c++) {
      wb.setCell('Responses', 6, c, row7[c - 1] ?? null);
      wb.setCell('Responses', 7, c, row6[c - 1] ?? null);
    }
    const aspire = keyCol(wb, 'Responses', 'ASPIRE|score').col;
    const report = importInto(wb, [MS_HEADERS, [1, '', '', '', 'Ann', 2, '', 2], [2, '', '', '', 'Bob', 1, '', 1]]);
    expect(report.updated).toEqual(['Ann']);
    expect([wb.getCell('Responses', 6, 1), wb.getCell('Responses', 6, aspire)]).toEqual(['Bob', 1]);
    expect([wb.getCell('Responses', 7, 1), wb.getCell('Responses', 7, aspire)]).toEqual(['Ann', 2]);
  });
});
