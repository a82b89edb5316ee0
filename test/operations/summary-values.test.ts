/** The Summary of small reviews, against figures worked out by hand. */
import { describe, expect, it } from 'vitest';
import { planSummary } from '../../core/operations/summarise.js';
import { previousFromSnapshot } from '../../core/operations/previous.js';
import type { MemoryWorkbook } from '../../memory-host/index.js';
import { expectFormulasMatch, keyCol, newReview, rowOf, snap, TODAY } from './helpers.js';

function tree(): MemoryWorkbook {
  const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann', 'Bob', 'Cat'] });
  // ASPIRE D/E, THINK F/G, LEAD H/I
  wb.setCell('Responses', 6, 4, 1);
  wb.setCell('Responses', 6, 5, 'We are too risk averse');
  wb.setCell('Responses', 7, 4, 'present in parts');
  wb.setCell('Responses', 7, 5, '=HYPERLINK("http://example.com")');
  wb.setCell('Responses', 8, 4, 3);
  wb.setCell('Responses', 6, 6, 3);
  wb.setCell('Responses', 7, 6, 'Strong');
  wb.setCell('Responses', 8, 6, 'N/A');
  wb.setCell('Responses', 8, 7, 'Good use of data');
  wb.setCell('Workshop Notes', 5, 3, 'Clear outcomes e.g. fire and safer communities');
  return wb;
}

const rowValues = (wb: MemoryWorkbook, row: number, cols: number) =>
  Array.from({ length: cols }, (_, i) => wb.getCell('Summary', row, i + 1));
/** The columns of a Summary table whose header row is `header`: its text spread across, its figures at the right. */
const tableCols = (wb: MemoryWorkbook, header: number): number[] =>
  Array.from({ length: 30 }, (_, i) => i + 1).filter((c) => wb.getCell('Summary', header, c) !== null);
const tableRow = (wb: MemoryWorkbook, header: number, row: number) => tableCols(wb, header).map((c) => wb.getCell('Summary', row, c));

describe('Summary of a partnership-tree workshop', () => {
  it('per item: n, missing, mean, median, SD, min, max, counts, percent, RAG, divided', () => {
    const wb = tree();
    const { plan, summary } = planSummary(snap(wb), { today: TODAY });
    wb.applyNow(plan);
    const items = rowOf(wb, 'Summary', 'Id', 10) + 1; // the items table follows the overall table
    // ASPIRE: 1, 2, 3 → mean 2, median 2, SD 1, 50 %: amber, and divided (1 and 3)
    expect(rowValues(wb, items, 15)).toEqual([
      'ASPIRE',
      'ASPIRE: How the partnership aspires',
      3,
      0,
      2,
      2,
      1,
      1,
      3,
      1,
      1,
      1,
      50,
      'Amber',
      'Yes',
    ]);
    // THINK: 3, 3, N/A → n 2, missing 1, SD 0, 100 %: green
    expect(rowValues(wb, items + 1, 15)).toEqual([
      'THINK',
      'THINK: How the partnership thinks',
      2,
      1,
      3,
      3,
      0,
      3,
      3,
      0,
      0,
      2,
      100,
      'Green',
      '',
    ]);
    // LEAD: nobody scored it
    expect(rowValues(wb, items + 2, 15)).toEqual([
      'LEAD',
      'LEAD: How the partnership leads',
      0,
      3,
      '',
      '',
      '',
      '',
      '',
      0,
      0,
      0,
      '',
      '',
      '',
    ]);
    // overall: the mean of the characteristics' means, (2 + 3) / 2 = 2.5, 75 %: green
    const overall = rowOf(wb, 'Summary', 'Overall', 8);
    expect(rowValues(wb, overall, 5)).toEqual(['Overall', 'All items', 2.5, 75, 'Green']);
    expect(wb.getCell('Summary', 4, 3)).toBe(3);
    expect(summary.strengths).toEqual(['THINK']);
    expect(summary.areasForImprovement).toEqual(['ASPIRE']);
    expect(summary.respondents).toBe(3);
    expectFormulasMatch(wb, 'Summary');
  });

  it('lists strengths, areas, the workshop notes and the comments grouped by score, all as text', () => {
    const wb = tree();
    wb.applyNow(planSummary(snap(wb), { today: TODAY }).plan);
    const strengths = rowOf(wb, 'Summary', 'Strengths (green and not divided, highest mean first)');
    expect(tableRow(wb, strengths + 1, strengths + 1)).toEqual(['Id', 'Item', 'Mean', 'RAG']);
    expect(tableRow(wb, strengths + 1, strengths + 2)).toEqual(['THINK', 'THINK: How the partnership thinks', 3, 'Green']);
    const areas = rowOf(wb, 'Summary', 'Areas for improvement (red, amber or divided opinion, lowest first)');
    expect(tableRow(wb, areas + 1, areas + 2)).toEqual(['ASPIRE', 'ASPIRE: How the partnership aspires', 2, 'Amber', 'Yes']);
    const notes = rowOf(wb, 'Summary', 'Strengths and areas for improvement agreed (Workshop Notes)');
    expect(rowValues(wb, notes + 1, 2)).toEqual(['ASPIRE', null]);
    expect(rowValues(wb, notes + 2, 2)).toEqual(['Strengths', 'Clear outcomes e.g. fire and safer communities']);
    expect(rowValues(wb, notes + 3, 2)).toEqual(['Areas for improvement', 'None recorded.']);
    // the comments are on a tab of their own (issue #13); the Summary says where
    const pointer = rowOf(wb, 'Summary', 'Specific comments, grouped by the score given with them');
    expect(rowValues(wb, pointer + 1, 1)).toEqual(['3 comments on 2 items: on the Comments tab, which prints on its own.']);
    const onTab = (row: number) => [wb.getCell('Comments', row, 1), wb.getCell('Comments', row, 2)];
    expect(onTab(3)).toEqual(['Item, and the score given', 'Comments (each one as typed)']);
    expect(onTab(4)).toEqual(['ASPIRE', 'ASPIRE: How the partnership aspires']);
    expect(onTab(5)).toEqual(['Score 1 (weak/needs improvement)', '• We are too risk averse']);
    expect(onTab(6)).toEqual(['Score 2 (present in parts)', '• =HYPERLINK("http://example.com")']);
    expect(wb.getFormula('Comments', 6, 2)).toBeUndefined();
    // only the comments that exist: no "Score 3" line for ASPIRE, no line at all for items nobody commented on
    expect(onTab(7)).toEqual(['THINK', 'THINK: How the partnership thinks']);
    expect(onTab(8)).toEqual(['No valid score', '• Good use of data']);
    expect(onTab(9)).toEqual([null, null]);
    const all = [...wb.allCells()].filter(([k]) => k.startsWith('Summary!')).map(([, c]) => String(c.value ?? ''));
    expect(all.some((v) => v.includes('No specific comments'))).toBe(false);
  });

  it('shows the change since the previous review, from the Previous Review tab or a previous workbook', () => {
    const last = tree();
    const previous = previousFromSnapshot(snap(last));
    // overall: the mean of the two sections scored, (2 + 3) / 2; where it came from, for refusing a wrong one
    expect(previous).toEqual({
      cycle: '2026/27',
      itemMeans: { ASPIRE: 2, THINK: 3, LEAD: null, COLLABORATE: null, ACCOUNT: null, DELIVER: null },
      sectionMeans: { ASPIRE: 2, THINK: 3, LEAD: null, COLLABORATE: null, ACCOUNT: null, DELIVER: null },
      overall: 2.5,
      source: { frameworkId: 'partnership-tree', frameworkTitle: 'Partnership tree self-assessment', cycle: '2026/27', created: TODAY },
    });
    const wb = tree();
    wb.setCell('Responses', 6, 4, 3); // ASPIRE now 3, 2, 3
    const { plan, summary } = planSummary(snap(wb), { today: TODAY, previous });
    wb.applyNow(plan);
    // a change counts from a tenth of the 1–3 scale's range: 0.2
    expect(summary.comparison!.items[0]).toEqual({
      id: 'ASPIRE',
      previous: 2,
      current: 8 / 3,
      delta: 8 / 3 - 2,
      change: 'improved',
      threshold: 0.2,
    });
    const top = rowOf(wb, 'Summary', 'Change since the previous review (2026/27)');
    expect(tableRow(wb, top + 1, top + 1)).toEqual(['Id', 'Item or section', 'Previous mean', 'Mean now', 'Change', 'Direction']);
    expect(tableRow(wb, top + 1, top + 2)).toEqual(['ASPIRE', 'ASPIRE: How the partnership aspires', 2, 8 / 3, 8 / 3 - 2, 'Improved']);
    expect(tableRow(wb, top + 1, top + 3)).toEqual(['THINK', 'THINK: How the partnership thinks', 3, 3, 0, 'Unchanged']);
    // the same from the Previous Review tab
    wb.setCell('Previous Review', 2, 2, '2025/26');
    wb.setCell('Previous Review', 5, 3, 2);
    const fromTab = planSummary(snap(wb), { today: TODAY });
    expect(fromTab.summary.comparison!.items[0]!.change).toBe('improved');
  });
});

describe('partnerships side by side (hallmarks)', () => {
  it('gives each partnership its own means, as live COUNTIFS formulas', () => {
    const wb = newReview({ framework: 'hallmarks', partnerships: ['Crime', 'Health'], respondents: [], respondentCount: 0 });
    const s11 = keyCol(wb, 'Responses', '1.1|score').col;
    const s12 = keyCol(wb, 'Responses', '1.2|score').col;
    const rows: [string, string, number | string, number | string][] = [
      ['Ann', 'Crime', 3, 'Yes'],
      ['Bob', 'crime', 'No', 2],
      ['Cat', 'Health', 'partly', "Don't know"],
      ['Dev', 'Health', 2, 1],
    ];
    rows.forEach(([n, p, a, b], i) => {
      wb.setCell('Responses', 6 + i, 1, n);
      wb.setCell('Responses', 6 + i, 2, p);
      wb.setCell('Responses', 6 + i, s11, a);
      wb.setCell('Responses', 6 + i, s12, b);
    });
    const { plan, summary } = planSummary(snap(wb), { today: TODAY });
    wb.applyNow(plan);
    const top = rowOf(wb, 'Summary', 'Partnerships side by side (mean scores)');
    expect(tableRow(wb, top + 1, top + 1)).toEqual(['Id', 'Item or section', 'Crime', 'Health']);
    // the figures at the table's right, the item texts spread across the columns before them
    const [, , crime, health] = tableCols(wb, top + 1) as [number, number, number, number];
    expect(crime).toBeGreaterThan(3);
    // Crime: 1.1 = (3 + 1) / 2 = 2, 1.2 = (3 + 2) / 2 = 2.5; Health: 1.1 = (2 + 2) / 2 = 2, 1.2 = 1 (Don't know not scored)
    const r11 = rowOf(wb, 'Summary', '1.1', top);
    const r12 = rowOf(wb, 'Summary', '1.2', top);
    expect([wb.getCell('Summary', r11, crime), wb.getCell('Summary', r11, health)]).toEqual([2, 2]);
    expect([wb.getCell('Summary', r12, crime), wb.getCell('Summary', r12, health)]).toEqual([2.5, 1]);
    expect(wb.getFormula('Summary', r11, crime)).toContain('COUNTIFS(');
    // section 1 for Crime: mean of its scored items (2 and 2.5)
    expect(wb.getCell('Summary', r11 - 1, crime)).toBe(2.25);
    expect(summary.partnerships!['Crime']!.sections[0]!.mean).toBe(2.25);
    expect(summary.partnerships!['Health']!.overall.mean).toBe(1.5);
    expectFormulasMatch(wb, 'Summary');
  });
});

describe('interview answers (framework-review)', () => {
  it('counts mentions per theme and groups the answers under their themes', () => {
    const wb = newReview({ framework: 'framework-review', respondents: ['Ann', 'Bob'] });
    const a = keyCol(wb, 'Responses', 'LB2|answer').col;
    const t = keyCol(wb, 'Responses', 'LB2|themes').col;
    wb.setCell('Responses', 6, a, 'Too many  plans');
    wb.setCell('Responses', 6, t, 'lack of clarity; Communication; LACK OF CLARITY');
    wb.setCell('Responses', 7, a, '=SUM(1,2) is not a plan');
    wb.setCell('Responses', 7, t, 'Communication, Weather');
    const { plan, summary } = planSummary(snap(wb), { today: TODAY });
    wb.applyNow(plan);
    expect(summary.themes!.counts['Lack of clarity']).toBe(1);
    expect(summary.themes!.counts['Communication']).toBe(2);
    expect(summary.themes!.unknownTags).toEqual(['Weather']);
    const top = rowOf(wb, 'Summary', 'Answers grouped by theme');
    expect(rowValues(wb, top + 1, 2)).toEqual(['Lack of clarity', '• [LB2] Too many plans']);
    expect(rowValues(wb, top + 2, 2)).toEqual(['Communication', '• [LB2] Too many plans']);
    expect(rowValues(wb, top + 3, 2)).toEqual([null, '• [LB2] =SUM(1,2) is not a plan']);
    expect(wb.getFormula('Summary', top + 3, 2)).toBeUndefined();
    // long text is merged across the width of the tables, with a row height to show it
    expect(wb.tab('Summary').merges).toContainEqual({ row: top + 3, col: 2, rows: 1, cols: 15 }); // B to P: a 4-point scale's items table
  });
});
