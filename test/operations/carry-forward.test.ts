/**
 * Issue #16, carry forward, on the in-memory workbook: last cycle's Improvement Plan rows come into this cycle's plan
 * (summarise with last cycle's workbook) as people left them, with their status; "Achieved?" and "Carry forward?"
 * are people's and survive every later run; untouched carried rows follow a corrected last-cycle workbook, edited
 * ones do not; closed rows are noted (Summary, report) and not carried again; an older plan tab gets the columns.
 * Expectations are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkReview } from '../../core/operations/check.js';
import { planMark } from '../../core/operations/ownership.js';
import { previousFromSnapshot } from '../../core/operations/previous.js';
import { planSummary } from '../../core/operations/summarise.js';
import { reportFromSnapshot } from '../../core/report/from-snapshot.js';
import type { CellValue } from '../../core/review/types.js';
import type { MemoryWorkbook } from '../../memory-host/index.js';
import { TODAY, keyCol, newReview, snap } from './helpers.js';

const PLAN = 'Improvement Plan';
const LAST_DAY = '2025-05-01';

/** Partnership tree, Ann and Bob: ASPIRE in D, THINK in F. */
function review(cycle: string, id: string, aspire: [number, number], think: [number, number]): MemoryWorkbook {
  const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann', 'Bob'], cycle, reviewId: id });
  wb.setCell('Responses', 6, 4, aspire[0]);
  wb.setCell('Responses', 7, 4, aspire[1]);
  wb.setCell('Responses', 6, 6, think[0]);
  wb.setCell('Responses', 7, 6, think[1]);
  return wb;
}

/**
 * Last cycle (2025/26): ASPIRE 1 and THINK 1.5, both red, so the plan drafted rows 5 "ASPIRE" and 6 "THINK". People
 * then set ASPIRE's status to "In progress" with Jo as key contact, and added their own row 7 with no Ref.
 */
function lastCycle(): MemoryWorkbook {
  const wb = review('2025/26', 'id-last', [1, 1], [1, 2]);
  wb.applyNow(planSummary(snap(wb), { today: LAST_DAY }).plan);
  const c = (k: string) => keyCol(wb, PLAN, k).col;
  expect([wb.getCell(PLAN, 5, 1), wb.getCell(PLAN, 6, 1)]).toEqual(['ASPIRE', 'THINK']);
  wb.setCell(PLAN, 5, c('status'), 'In progress');
  wb.setCell(PLAN, 5, c('keyContact'), 'Jo');
  wb.setCell(PLAN, 7, c('part'), 'Part 2 Partnership');
  wb.setCell(PLAN, 7, c('action'), 'Publish the partnership newsletter every quarter');
  wb.setCell(PLAN, 7, c('status'), 'Completed');
  return wb;
}

function cells(wb: MemoryWorkbook, row: number, keys: string[]): CellValue[] {
  return keys.map((k) => wb.getCell(PLAN, row, keyCol(wb, PLAN, k).col));
}

const WHAT = ['ref', 'keyContact', 'status', 'carriedFrom', 'achieved', 'carryForward'];

describe('carrying last cycle’s plan forward', () => {
  it('check asks the paper’s question of each open carried row: achieved, partly or not — carry forward?', () => {
    const wb = review('2026/27', 'id-now', [3, 3], [1, 1]);
    wb.applyNow(planSummary(snap(wb), { today: TODAY, previous: previousFromSnapshot(snap(lastCycle())), fillPrevious: true }).plan);
    const c = (k: string) => keyCol(wb, PLAN, k).col;
    // row 5 judged partly achieved, no choice yet; row 6 not judged; row 7 achieved (closed: nothing to ask)
    wb.setCell(PLAN, 5, c('achieved'), 'Partly achieved');
    wb.setCell(PLAN, 7, c('achieved'), 'Achieved');
    const asks = checkReview(snap(wb), TODAY).problems.filter((p) => p.code.startsWith('plan.carried'));
    expect(asks.map((p) => [p.at?.row, p.at?.col, p.message])).toEqual([
      [
        5,
        15,
        `Last cycle's action “ASPIRE (2025/26)” (from the 2025/26 plan) is partly achieved. In “Carry forward?” choose Yes to keep it as an action of this cycle, or No to close it.`,
      ],
      [
        6,
        14,
        `Last cycle's action “THINK (2025/26)” (from the 2025/26 plan) is not judged yet. In “Achieved?” choose Achieved, Partly achieved or Not achieved, then say in “Carry forward?” whether it stays an action of this cycle.`,
      ],
    ]);
    // answered: nothing more is asked
    wb.setCell(PLAN, 5, c('carryForward'), 'Yes');
    wb.setCell(PLAN, 6, c('achieved'), 'Not achieved');
    wb.setCell(PLAN, 6, c('carryForward'), 'No');
    expect(checkReview(snap(wb), TODAY).problems.filter((p) => p.code.startsWith('plan.carried'))).toEqual([]);
  });

  it('brings every row of last cycle’s plan first, as people left it, then drafts this cycle’s own rows', () => {
    // this cycle: ASPIRE 3 (green), THINK 1 (red): only THINK is drafted anew
    const wb = review('2026/27', 'id-now', [3, 3], [1, 1]);
    const { summary } = planSummary(snap(wb), {
      today: TODAY,
      previous: previousFromSnapshot(snap(lastCycle())),
      fillPrevious: true,
      previousLabel: 'last.xlsx',
    });
    wb.applyNow(planSummary(snap(wb), { today: TODAY, previous: previousFromSnapshot(snap(lastCycle())), fillPrevious: true }).plan);
    expect(cells(wb, 5, WHAT)).toEqual(['ASPIRE (2025/26)', 'Jo', 'In progress', '2025/26', null, null]);
    expect(cells(wb, 6, WHAT)).toEqual(['THINK (2025/26)', null, 'Not started', '2025/26', null, null]);
    expect(cells(wb, 7, WHAT)).toEqual(['Row 7 (2025/26)', null, 'Completed', '2025/26', null, null]);
    expect(cells(wb, 7, ['action'])).toEqual(['Publish the partnership newsletter every quarter']);
    // this cycle's own row, after them, with no "Carried from"
    expect(cells(wb, 8, ['ref', 'carriedFrom'])).toEqual(['THINK', null]);
    expect(wb.getCell(PLAN, 9, 1)).toBeNull();
    expect(cells(wb, 5, ['sourceStatus'])).toEqual(['From the 2025/26 plan: achieved? Choose Achieved, Partly achieved or Not achieved']);
    // the dropdowns offer the judgement (column N) and the choice (column O)
    const lists = wb
      .tab(PLAN)
      .validations.flatMap((v) => (v.rule.kind === 'list' && v.range.row === 5 ? [[v.range.col, v.rule.values]] : []));
    expect(lists).toContainEqual([14, ['Achieved', 'Partly achieved', 'Not achieved']]);
    expect(lists).toContainEqual([15, ['Yes', 'No']]);
    expect(summary.carried).toMatchObject({ from: ['2025/26'], achieved: 0, partly: 0, notAchieved: 0, notAssessed: 3, open: 3 });
  });

  it('keeps a person’s judgement and choice on every later run, and notes which actions were achieved', () => {
    const wb = review('2026/27', 'id-now', [3, 3], [1, 1]);
    const last = () => previousFromSnapshot(snap(lastCycle()));
    wb.applyNow(planSummary(snap(wb), { today: TODAY, previous: last(), fillPrevious: true }).plan);
    const c = (k: string) => keyCol(wb, PLAN, k).col;
    wb.setCell(PLAN, 5, c('achieved'), 'Partly achieved');
    wb.setCell(PLAN, 5, c('carryForward'), 'Yes');
    wb.setCell(PLAN, 6, c('achieved'), 'Not achieved');
    wb.setCell(PLAN, 6, c('carryForward'), 'No');
    wb.setCell(PLAN, 7, c('achieved'), 'Achieved');
    // again with last cycle's workbook, then without it: nothing a person chose is written over, nothing doubled
    for (const opts of [{ previous: last(), fillPrevious: true }, {}]) {
      wb.applyNow(planSummary(snap(wb), { today: TODAY, ...opts }).plan);
      expect(cells(wb, 5, WHAT)).toEqual(['ASPIRE (2025/26)', 'Jo', 'In progress', '2025/26', 'Partly achieved', 'Yes']);
      expect(cells(wb, 6, WHAT)).toEqual(['THINK (2025/26)', null, 'Not started', '2025/26', 'Not achieved', 'No']);
      expect(cells(wb, 7, WHAT)).toEqual(['Row 7 (2025/26)', null, 'Completed', '2025/26', 'Achieved', null]);
      expect(wb.getCell(PLAN, 8, 1)).toBe('THINK');
      expect(wb.getCell(PLAN, 9, 1)).toBeNull();
    }
    expect(cells(wb, 5, ['sourceStatus'])).toEqual(['Partly achieved (2025/26): carried forward']);
    expect(cells(wb, 6, ['sourceStatus', 'smart'])).toEqual([
      'Not achieved (2025/26): not carried forward',
      'Not checked: not carried forward',
    ]);
    expect(cells(wb, 7, ['sourceStatus', 'smart'])).toEqual([
      'Achieved (2025/26): noted, not carried forward',
      'Not checked: not carried forward',
    ]);
    // the open one is checked as any action: its date (01/11/2025) has passed
    expect(cells(wb, 5, ['smart'])).toEqual(['Not SMART: date already past']);

    const { summary } = planSummary(snap(wb), { today: TODAY });
    expect(summary.carried).toMatchObject({ achieved: 1, partly: 1, notAchieved: 1, notAssessed: 0, open: 1 });
    const tab = wb.tab('Summary').values();
    const at = tab.findIndex((r) => r[0] === "Last cycle's actions (2025/26): achieved, partly or not, and carried forward?");
    expect(at).toBeGreaterThan(0);
    expect(tab[at + 2]!.slice(0, 6)).toEqual(['ASPIRE (2025/26)', expect.any(String), 'ASPIRE', 'In progress', 'Partly achieved', 'Yes']);
    expect(tab[at + 3]!.slice(3, 6)).toEqual(['Not started', 'Not achieved', 'No']);
    expect(tab[at + 4]!.slice(3, 6)).toEqual(['Completed', 'Achieved', 'No (achieved)']);
    expect(tab[at + 5]![0]).toMatch(
      /^Of 3 actions from last cycle's plan: 1 achieved, 1 partly achieved, 1 not achieved, 0 not yet judged; 1 still open/,
    );
    // check: the closed rows' past dates are no reminder; the open one's is
    const reminders = checkReview(snap(wb), TODAY).problems.filter((p) => p.code === 'plan.to-complete');
    expect(reminders.map((p) => [p.at?.row, p.message])).toEqual([
      [5, 'Plan row “ASPIRE (2025/26)” still needs a new date (the date has passed).'],
      [8, 'Plan row “THINK” still needs a key contact.'],
    ]);
    // the board report notes the achieved action
    const { content } = reportFromSnapshot(snap(wb), { today: TODAY });
    const bullets = content.blocks.flatMap((b) => (b.kind === 'bullets' ? b.items : []));
    expect(bullets).toContain('Achieved: Publish the partnership newsletter every quarter');
    const paras = content.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paras).toContain(
      "3 actions came forward from last cycle's improvement plan: 1 achieved, 1 partly achieved, 1 not achieved and 0 not yet judged. 1 action stays open in this cycle's plan.",
    );
  });

  it('refreshes a carried row nobody touched from a corrected last-cycle workbook, and keeps an edited one', () => {
    const wb = review('2026/27', 'id-now', [3, 3], [1, 1]);
    wb.applyNow(planSummary(snap(wb), { today: TODAY, previous: previousFromSnapshot(snap(lastCycle())), fillPrevious: true }).plan);
    const c = (k: string) => keyCol(wb, PLAN, k).col;
    wb.setCell(PLAN, 5, c('action'), 'Our words now'); // ASPIRE's carried row edited this cycle
    // last cycle's workbook corrected afterwards: both rows' status set to Completed there
    const corrected = lastCycle();
    corrected.setCell(PLAN, 5, keyCol(corrected, PLAN, 'status').col, 'Completed');
    corrected.setCell(PLAN, 6, keyCol(corrected, PLAN, 'status').col, 'Completed');
    const { summary } = planSummary(snap(wb), { today: TODAY, previous: previousFromSnapshot(snap(corrected)), fillPrevious: true });
    wb.applyNow(planSummary(snap(wb), { today: TODAY, previous: previousFromSnapshot(snap(corrected)), fillPrevious: true }).plan);
    expect(cells(wb, 5, ['action', 'status'])).toEqual(['Our words now', 'In progress']);
    expect(cells(wb, 6, ['status'])).toEqual(['Completed']);
    expect(summary.plan.slice(0, 2).map((r) => r.origin)).toEqual(['edited', 'drafted']);
    expect(cells(wb, 5, ['sourceStatus'])).toEqual([
      'From the 2025/26 plan: achieved? Choose Achieved, Partly achieved or Not achieved; edited, kept as typed',
    ]);
  });

  it('does not bring again what last cycle closed, and keeps the first Ref of a row carried twice', () => {
    const mid = review('2026/27', 'id-mid', [3, 3], [1, 1]);
    mid.applyNow(planSummary(snap(mid), { today: TODAY, previous: previousFromSnapshot(snap(lastCycle())), fillPrevious: true }).plan);
    const c = (k: string) => keyCol(mid, PLAN, k).col;
    mid.setCell(PLAN, 5, c('achieved'), 'Partly achieved'); // open: comes again
    mid.setCell(PLAN, 6, c('carryForward'), 'No'); // closed
    mid.setCell(PLAN, 7, c('achieved'), 'Achieved'); // closed
    const next = review('2027/28', 'id-next', [3, 3], [3, 3]);
    next.applyNow(planSummary(snap(next), { today: '2027-05-01', previous: previousFromSnapshot(snap(mid)), fillPrevious: true }).plan);
    // ASPIRE (2025/26) open, then this year's THINK row from 2026/27; nothing drafted (all green now)
    expect(cells(next, 5, WHAT)).toEqual(['ASPIRE (2025/26)', 'Jo', 'In progress', '2026/27', null, null]);
    expect(cells(next, 6, ['ref', 'carriedFrom'])).toEqual(['THINK (2026/27)', '2026/27']);
    expect(next.getCell(PLAN, 7, 1)).toBeNull();
  });

  it('adds the three columns on the right of an Improvement Plan made before them, and records its new key row', () => {
    const wb = review('2026/27', 'id-now', [3, 3], [1, 1]);
    // a plan tab of the layout before carry forward: 15 columns, Status then SMART check, Source status, fingerprint
    const oldKeys = ['ref', 'part', 'heading', 'sourceItems', 'action', 'date', 'keyContact', 'leadAgency', 'supportNeeded'];
    oldKeys.push('howSupportProvided', 'progressReportDate', 'status', 'smart', 'sourceStatus', 'draftHash');
    const t = wb.tab(PLAN);
    for (let col = 13; col <= 18; col++) for (const row of [3, 4]) wb.setCell(PLAN, row, col, null);
    oldKeys.forEach((k, i) => wb.setCell(PLAN, 4, i + 1, k));
    ['SMART check', 'Source status', 'Draft fingerprint'].forEach((h, i) => wb.setCell(PLAN, 3, 13 + i, h));
    wb.setCell(PLAN, 3, 16, 'My notes'); // a person's own column beyond them
    const meta = wb.tab('PR_Meta').values();
    const markRow = meta.findIndex((r) => r[0] === 'mark:plan') + 1;
    wb.setCell('PR_Meta', markRow, 2, planMark(oldKeys));
    expect(t.values()[3]!.slice(12, 16)).toEqual(['smart', 'sourceStatus', 'draftHash', null]);

    wb.applyNow(planSummary(snap(wb), { today: TODAY, previous: previousFromSnapshot(snap(lastCycle())), fillPrevious: true }).plan);
    // Q, R, S: after the person's column P
    expect(t.values()[2]!.slice(15, 19)).toEqual(['My notes', 'Carried from', "Achieved? (last cycle's action)", 'Carry forward?']);
    expect(t.values()[3]!.slice(16, 19)).toEqual(['carriedFrom', 'achieved', 'carryForward']);
    expect(cells(wb, 5, WHAT)).toEqual(['ASPIRE (2025/26)', 'Jo', 'In progress', '2025/26', null, null]);
    expect(wb.getCell(PLAN, 5, 14)).toBe('From the 2025/26 plan: achieved? Choose Achieved, Partly achieved or Not achieved');
    // the next run proves the tab with the key row it now has
    wb.setCell(PLAN, 5, 18, 'Achieved');
    wb.applyNow(planSummary(snap(wb), { today: TODAY }).plan);
    expect(wb.getCell(PLAN, 5, 14)).toBe('Achieved (2025/26): noted, not carried forward');
  });

  it('takes a row a person pasted from last cycle’s plan and marked in "Carried from" for a carried row (the panes’ route)', () => {
    const wb = review('2026/27', 'id-now', [3, 3], [3, 3]);
    const c = (k: string) => keyCol(wb, PLAN, k).col;
    wb.setCell(PLAN, 5, c('ref'), 'ASPIRE');
    wb.setCell(PLAN, 5, c('action'), 'Hold two joint workshops by 30/09/2025');
    wb.setCell(PLAN, 5, c('status'), 'Completed');
    wb.setCell(PLAN, 5, c('carriedFrom'), '2025/26');
    wb.setCell(PLAN, 5, c('achieved'), 'achieved');
    const { plan, summary } = planSummary(snap(wb), { today: TODAY });
    wb.applyNow(plan);
    expect(summary.plan.map((r) => [r.ref, r.origin, r.carry])).toEqual([
      ['ASPIRE', 'added', { from: '2025/26', achieved: 'achieved', carryForward: '' }],
    ]);
    expect(cells(wb, 5, ['ref', 'achieved', 'sourceStatus', 'smart'])).toEqual([
      'ASPIRE',
      'achieved',
      'Achieved (2025/26): noted, not carried forward',
      'Not checked: not carried forward',
    ]);
    expect(summary.carried).toMatchObject({ achieved: 1, open: 0 });
  });

  it('is told on the Instructions tab, under how the plan is drafted', () => {
    const lines = newReview({ framework: 'delivery-tracker' })
      .tab('Instructions')
      .values()
      .map((r) => r[0]);
    const at = lines.indexOf('How the Improvement Plan is drafted');
    expect(lines.slice(at)).toContain(
      'Last cycle\'s actions: summarise with last cycle\'s workbook (or paste its plan rows and type last cycle in "Carried from") brings them in first, as people left them. "Achieved?" and "Carry forward?" are yours and stay blank until you choose; a row stays an open action until "Carry forward?" is No, or it is Achieved and "Carry forward?" is not Yes. Closed rows are noted on the Summary, not SMART-checked and not carried again.',
    );
  });
});
