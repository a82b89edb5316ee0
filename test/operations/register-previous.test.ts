/**
 * Issue #16, the previous review of the delivery tracker and the risk exercise, on the in-memory workbook: last
 * cycle's figure per theme (mean achievement; mean risk level Green 1, Amber 2, Red 3) is compared with this cycle's
 * under the framework's threshold, kept on a Previous Review tab (later runs compare with it), and refused as for the
 * questionnaires (another framework, the same review, a typed value). Every figure is worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { checkReview } from '../../core/operations/check.js';
import { previousFromSnapshot } from '../../core/operations/previous.js';
import { planSummary } from '../../core/operations/summarise.js';
import { ReviewRequestError } from '../../core/operations/types.js';
import { reportFromSnapshot } from '../../core/report/from-snapshot.js';
import type { CellValue } from '../../core/review/types.js';
import type { MemoryWorkbook } from '../../memory-host/index.js';
import { TODAY, keyCol, newReview, snap } from './helpers.js';

type Row = Record<string, CellValue>;

function register(framework: 'delivery-tracker' | 'risk-exercise', cycle: string, id: string, rows: Row[]): MemoryWorkbook {
  const wb = newReview({ framework, cycle, reviewId: id });
  const tab = framework === 'delivery-tracker' ? 'Progress Tracker' : 'Risk Register';
  rows.forEach((r, i) => {
    for (const [k, v] of Object.entries(r)) wb.setCell(tab, 5 + i, keyCol(wb, tab, k).col, v);
  });
  return wb;
}

const tracker = (cycle: string, id: string, scores: [string, number][]) =>
  register(
    'delivery-tracker',
    cycle,
    id,
    scores.map(([theme, achievement], i) => ({ theme, issue: `Issue ${i + 1}`, achievement })),
  );

// last cycle: Crime 1, 3 → 2; Education 5; Employment 3, 4, 4 → 3.6667; Health 2; Housing 4; all 26 / 8 = 3.25
const LAST_TRACKER: [string, number][] = [
  ['Crime', 1],
  ['Crime', 3],
  ['Education', 5],
  ['Employment', 3],
  ['Employment', 4],
  ['Employment', 4],
  ['Health', 2],
  ['Housing', 4],
];
// now: Crime 4, 4 → 4 (+2 improved); Education 5 (unchanged); Employment 3, 4 → 3.5 (−0.17, under 0.4: unchanged);
// Health 2, 3 → 2.5 (+0.5 improved); Housing 2 (−2 declined); all 27 / 8 = 3.375 (+0.125 unchanged)
const NOW_TRACKER: [string, number][] = [
  ['Crime', 4],
  ['Crime', 4],
  ['Education', 5],
  ['Employment', 3],
  ['Employment', 4],
  ['Health', 2],
  ['Health', 3],
  ['Housing', 2],
];

const prevCol = (wb: MemoryWorkbook, rows: number[]) => rows.map((r) => wb.getCell('Previous Review', r, 3));
const round = (v: CellValue) => (typeof v === 'number' ? Math.round(v * 1e4) / 1e4 : v);

describe('the delivery tracker’s previous review', () => {
  it('is a Previous Review tab with a row per theme and Overall, made with the workbook', () => {
    const wb = tracker('2026/27', 'id-now', []);
    expect(wb.tabNames()).toContain('Previous Review');
    const v = wb.tab('Previous Review').values();
    expect(v[2]!.slice(0, 3)).toEqual(['Id', 'Theme', 'Previous mean achievement']);
    expect(v.slice(4, 12).map((r) => r[0])).toEqual([
      'Crime',
      'Education',
      'Employment',
      'Health',
      'Housing',
      'Environment & Transport',
      'Liveability',
      'overall',
    ]);
    // no figures yet: no comparison, and a workbook made before the tab existed is not warned about it
    expect(planSummary(snap(wb), { today: TODAY }).summary.registerComparison).toBeUndefined();
  });

  it('compares each theme under the threshold, fills the tab, and later runs compare with the tab', () => {
    const last = previousFromSnapshot(snap(tracker('2025/26', 'id-last', LAST_TRACKER)));
    const wb = tracker('2026/27', 'id-now', NOW_TRACKER);
    const { plan, summary } = planSummary(snap(wb), { today: TODAY, previous: last, fillPrevious: true, previousLabel: 'last.xlsx' });
    wb.applyNow(plan);
    expect(wb.getCell('Previous Review', 2, 2)).toBe('2025/26');
    expect(prevCol(wb, [5, 6, 7, 8, 9, 10, 11, 12]).map(round)).toEqual([2, 5, 3.6667, 2, 4, null, null, 3.25]);
    const expected = [
      ['Crime', 2, 4, 'improved'],
      ['Education', 5, 5, 'unchanged'],
      ['Employment', 3.6667, 3.5, 'unchanged'],
      ['Health', 2, 2.5, 'improved'],
      ['Housing', 4, 2, 'declined'],
      ['Environment & Transport', null, null, 'not scored'],
      ['Liveability', null, null, 'not scored'],
    ];
    const shown = (s: typeof summary) => s.registerComparison!.themes.map((r) => [r.id, round(r.previous), round(r.current), r.change]);
    expect(shown(summary)).toEqual(expected);
    expect(summary.registerComparison!.overall).toMatchObject({ previous: 3.25, current: 3.375, change: 'unchanged', threshold: 0.4 });
    // a plain run compares with what the tab now holds
    const plain = planSummary(snap(wb), { today: TODAY });
    expect(shown(plain.summary)).toEqual(expected);
    wb.applyNow(plain.plan);
    const tab = wb.tab('Summary').values();
    const at = tab.findIndex((r) => r[0] === 'Change since the previous review (2025/26): mean achievement by theme');
    expect(tab[at + 1]!.slice(0, 6)).toEqual(['#', 'Theme', 'Previous mean achievement', 'Mean achievement now', 'Change', 'Direction']);
    expect(tab[at + 2]!.slice(0, 6)).toEqual([1, 'Crime', 2, 4, 2, 'Improved']);
    expect(tab[at + 6]!.slice(1, 6)).toEqual(['Housing', 4, 2, -2, 'Declined']);
    expect(tab[at + 9]![1]).toBe('Overall (every row)');
    expect(tab[at + 10]![0]).toBe(
      'Mean achievement: the mean of the scored rows (5 achieved … 1 not achieved); higher is better. Improved or Declined only when it moved by at least 10% of the range (0.4 on 1–5); a smaller move is Unchanged (a setting of the framework).',
    );
    const { content } = reportFromSnapshot(snap(wb), { today: TODAY });
    expect(content.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))).toContain(
      'Compared with the last review (2025/26), by theme (mean achievement): 2 improved, 1 declined, 2 unchanged. Over every row: 3.25 then, 3.38 now (unchanged). Achievement is scored 5 (achieved) to 1 (not achieved); higher is better.',
    );
  });

  it('never writes over a figure a person typed, and refuses another framework or the same review', () => {
    const lastWb = tracker('2025/26', 'id-last', LAST_TRACKER);
    const wb = tracker('2026/27', 'id-now', NOW_TRACKER);
    wb.setCell('Previous Review', 5, 3, 2.5); // Crime, typed by a person
    expect(() =>
      planSummary(snap(wb), { today: TODAY, previous: previousFromSnapshot(snap(lastWb)), fillPrevious: true, previousLabel: 'last.xlsx' }),
    ).toThrow(/Previous Review!C5 holds 2\.5, last\.xlsx gives 2\b.*nothing was written/);
    expect(wb.getCell('Previous Review', 6, 3)).toBeNull();
    const risk = previousFromSnapshot(snap(register('risk-exercise', '2025/26', 'id-risk', [])));
    expect(() => planSummary(snap(wb), { today: TODAY, previous: risk, fillPrevious: true, previousLabel: 'risk.xlsx' })).toThrow(
      'risk.xlsx is a review of “Risk exercise”, but this review uses “Reviewing delivery (progress trackers)”, so their scores cannot be compared.',
    );
    const self = previousFromSnapshot(snap(wb));
    expect(() => planSummary(snap(wb), { today: TODAY, previous: self, fillPrevious: true, previousLabel: 'copy.xlsx' })).toThrow(
      ReviewRequestError,
    );
  });

  it('makes the tab in a tracker workbook made before it existed', () => {
    const wb = tracker('2026/27', 'id-now', NOW_TRACKER);
    wb.deleteTab('Previous Review');
    const meta = wb.tab('PR_Meta').values();
    const row = meta.findIndex((r) => r[0] === 'tab:previous') + 1;
    expect(row).toBeGreaterThan(0);
    wb.setCell('PR_Meta', row, 1, null);
    wb.setCell('PR_Meta', row, 2, null);
    // an older workbook: check says nothing about a Previous Review tab it never had
    expect(checkReview(snap(wb), TODAY).problems.filter((p) => /Previous Review/.test(p.message))).toEqual([]);
    const last = previousFromSnapshot(snap(tracker('2025/26', 'id-last', LAST_TRACKER)));
    wb.applyNow(planSummary(snap(wb), { today: TODAY, previous: last, fillPrevious: true }).plan);
    expect(prevCol(wb, [5, 12]).map(round)).toEqual([2, 3.25]);
    expect(planSummary(snap(wb), { today: TODAY }).summary.registerComparison!.themes[0]).toMatchObject({
      id: 'Crime',
      change: 'improved',
    });
  });
});

describe('the risk exercise’s previous review', () => {
  // last: Legal Red, Amber → 2.5; Governance Red → 3; Skills Green → 1; Objectives Amber → 2; all 11 / 5 = 2.2
  const LAST: Row[] = [
    { theme: 'Legal', scenario: 'A', rating: 'Red' },
    { theme: 'Legal', scenario: 'B', rating: 'Amber' },
    { theme: 'Governance', scenario: 'C', rating: 'Red' },
    { theme: 'Skills', scenario: 'D', rating: 'Green' },
    { theme: 'Objectives', scenario: 'E', rating: 'Amber' },
  ];
  // now: Legal Amber, Amber → 2 (−0.5: lower is better, improved); Governance Green → 1 (improved); Skills Red → 3
  // (declined); Objectives: likelihood 4 × impact 4 = 16, 15 or more is Red → 3 (declined); Stakeholders Amber →
  // 2 (new); all 13 / 6 = 2.1667 (−0.033, under 0.2: unchanged)
  const NOW: Row[] = [
    { theme: 'Legal', scenario: 'A', rating: 'Amber' },
    { theme: 'Legal', scenario: 'B', rating: 'amber' },
    { theme: 'Governance', scenario: 'C', rating: 'Green' },
    { theme: 'Skills', scenario: 'D', rating: 'High' },
    { theme: 'Objectives', scenario: 'E', likelihood: 4, impact: 4 },
    { theme: 'Stakeholders', scenario: 'F', rating: 'Amber' },
  ];

  it('compares the mean risk level per theme (a fall is improved), and keeps it on the Previous Review tab', () => {
    const last = previousFromSnapshot(snap(register('risk-exercise', '2025/26', 'id-last', LAST)));
    const wb = register('risk-exercise', '2026/27', 'id-now', NOW);
    const { plan, summary } = planSummary(snap(wb), { today: TODAY, previous: last, fillPrevious: true });
    wb.applyNow(plan);
    const byTheme = Object.fromEntries(
      summary.registerComparison!.themes.map((r) => [r.id, [round(r.previous), round(r.current), r.change]]),
    );
    expect(byTheme).toMatchObject({
      Legal: [2.5, 2, 'improved'],
      Governance: [3, 1, 'improved'],
      Skills: [1, 3, 'declined'],
      Objectives: [2, 3, 'declined'],
      Stakeholders: [null, 2, 'new'],
      Resources: [null, null, 'not scored'],
    });
    expect(round(summary.registerComparison!.overall.current)).toBe(2.1667);
    expect(summary.registerComparison!.overall).toMatchObject({ previous: 2.2, change: 'unchanged', threshold: 0.2 });
    // the tab: the 13 themes in the framework's order (Objectives 2nd, Legal 3rd), then Overall in row 18
    expect(wb.getCell('Previous Review', 3, 3)).toBe('Previous mean risk level');
    expect([wb.getCell('Previous Review', 6, 1), wb.getCell('Previous Review', 7, 1), wb.getCell('Previous Review', 18, 1)]).toEqual([
      'Objectives',
      'Legal',
      'overall',
    ]);
    expect(prevCol(wb, [6, 7, 18])).toEqual([2, 2.5, 2.2]);
    const again = planSummary(snap(wb), { today: TODAY }).summary.registerComparison!;
    expect(again.themes.find((r) => r.id === 'Skills')!.change).toBe('declined');
  });
});
