/**
 * Issue #16, the two-stage delivery review (seed 004, annex A): stage 1, the co-ordinator scores each Progress Tracker
 * row 5 (achieved) to 1 (not achieved); stage 2, the champions confirm it (or not), say why an outcome was not met,
 * and name the key actions and the support needed. The champions' confirmed score wins where there is one; the
 * Summary, `summarise --json`, the report and the plan show where they changed the co-ordinator's view. A tracker made
 * before the champions' column scores exactly as before. Typed by hand on the in-memory workbook; every expected
 * figure is worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import { FrameworkSchema } from '../../core/framework/schema.js';
import { checkReview } from '../../core/operations/check.js';
import { planSummary } from '../../core/operations/summarise.js';
import { reportFromSnapshot } from '../../core/report/from-snapshot.js';
import type { MemoryWorkbook } from '../../memory-host/index.js';
import { expectFormulasMatch, keyCol, newReview, rowOf, snap, TODAY } from './helpers.js';
import { FormulaEvaluator } from '../sheet-plan/formula-eval.js';

const TRACKER = 'Progress Tracker';
/** The Summary's "Delivery by theme" header as trackers have always had it. */
const DELIVERY_HEADER = ['#', 'Theme', 'Rows', 'Scored', 'Mean achievement', 'Share achieved', 'Rows with low appropriateness'];

/** Types one Progress Tracker row (row 5 is the first data row), by the columns' hidden keys. */
function typeRow(wb: MemoryWorkbook, row: number, cells: Record<string, string | number>): void {
  for (const [key, v] of Object.entries(cells)) wb.setCell(TRACKER, row, keyCol(wb, TRACKER, key).col, v);
}

/** Cells of a Summary row, columns A to `n`. */
function summaryRow(wb: MemoryWorkbook, row: number, n: number): unknown[] {
  return Array.from({ length: n }, (_, i) => wb.getCell('Summary', row, i + 1));
}

function filled(): MemoryWorkbook {
  const wb = newReview({ framework: 'delivery-tracker' });
  // the first rows start with a theme each (Crime, Education, Employment, Health, …): type over them
  typeRow(wb, 5, {
    theme: 'Crime',
    issue: 'Fear of crime higher than the borough average',
    achievement: 2,
    confirmed: 4,
    whyNotMet: 'The survey was a year old',
  });
  typeRow(wb, 6, { theme: 'Crime', issue: 'Burglary', achievement: 3, confirmed: 3 });
  typeRow(wb, 7, {
    theme: 'Education',
    issue: 'Attainment at 16 below the borough average',
    achievement: 4,
    confirmed: 1,
    whyNotMet: 'Policy changes: the school funding formula changed',
    keyActions: 'Agree a joint attainment plan with both schools by July',
    supportNeeded: 'Data from the education department, ward by ward',
  });
  // the co-ordinator felt unable to judge: the champions scored it at stage 2
  typeRow(wb, 8, { theme: 'Employment', issue: 'Worklessness', confirmed: 'not achieved' });
  // not yet confirmed: the co-ordinator's score counts
  typeRow(wb, 9, { theme: 'Health', issue: 'Low take-up of health checks', achievement: 'partially achieved' });
  return wb;
}

describe('two-stage delivery review: the champions’ confirmed score wins and the changes are shown', () => {
  it('scores each theme with the confirmed score where there is one, and counts each stage', () => {
    const { summary } = planSummary(snap(filled()), { today: TODAY });
    const byTheme = Object.fromEntries((summary.tracker ?? []).map((t) => [t.theme, t]));
    // Crime: champions 4 (not the co-ordinator's 2) and 3 → mean 3.5; both confirmed, one changed
    expect(byTheme['Crime']).toMatchObject({ rows: 2, scored: 2, meanAchievement: 3.5, coordinatorScored: 2, confirmed: 2, changed: 1 });
    // Education: champions 1 (the co-ordinator said 4)
    expect(byTheme['Education']).toMatchObject({ rows: 1, scored: 1, meanAchievement: 1, coordinatorScored: 1, confirmed: 1, changed: 1 });
    // Employment: the champions' "not achieved" = 1; no co-ordinator's score, so no change
    expect(byTheme['Employment']).toMatchObject({ rows: 1, scored: 1, meanAchievement: 1, coordinatorScored: 0, confirmed: 1, changed: 0 });
    // Health: the co-ordinator's "partially achieved" = 3, not yet confirmed
    expect(byTheme['Health']).toMatchObject({ rows: 1, scored: 1, meanAchievement: 3, coordinatorScored: 1, confirmed: 0, changed: 0 });
    expect((summary.trackerRows ?? []).filter((r) => r.changed).map((r) => [r.row, r.coordinator, r.confirmed, r.used])).toEqual([
      [5, 2, 4, 4],
      [7, 4, 1, 1],
    ]);
  });

  it('the Summary shows the counts and a table of every change, "Co-ordinator 2 → champions 4"', () => {
    const wb = filled();
    wb.applyNow(planSummary(snap(wb), { today: TODAY }).plan);
    const top = rowOf(wb, 'Summary', '#', rowOf(wb, 'Summary', 'Delivery by theme (Progress Tracker)'));
    expect(summaryRow(wb, top, 10)).toEqual([
      ...DELIVERY_HEADER,
      "Co-ordinator's scores",
      'Confirmed by champions',
      'Changed by champions',
    ]);
    // the framework's themes in order: Crime first
    expect(summaryRow(wb, top + 1, 10)).toEqual([1, 'Crime', 2, 2, 3.5, 0, null, 2, 2, 1]);
    const changes = rowOf(wb, 'Summary', "Where the champions changed the co-ordinator's score (Progress Tracker)");
    expect(summaryRow(wb, changes + 1, 6)).toEqual(['Row', 'Issue', 'Theme', "Co-ordinator's score", "Champions' score", 'Change']);
    expect(summaryRow(wb, changes + 2, 6)).toEqual([
      5,
      'Fear of crime higher than the borough average',
      'Crime',
      2,
      4,
      'Co-ordinator 2 → champions 4 (raised)',
    ]);
    expect(summaryRow(wb, changes + 3, 6)).toEqual([
      7,
      'Attainment at 16 below the borough average',
      'Education',
      4,
      1,
      'Co-ordinator 4 → champions 1 (lowered)',
    ]);
    // the Delivery and scores-that-count tables are live formulas over the Progress Tracker, giving core's figures
    const { count, functions } = expectFormulasMatch(wb, 'Summary');
    expect(count).toBeGreaterThan(0);
    expect(functions.has('COUNTIFS')).toBe(true);
    const counts = rowOf(
      wb,
      'Summary',
      '#',
      rowOf(wb, 'Summary', "Scores that count, by theme (the champions' confirmed score where there is one, otherwise the co-ordinator's)"),
    );
    expect(summaryRow(wb, counts, 7)).toEqual([
      '#',
      'Theme',
      'Count of 1 (not achieved)',
      'Count of 2',
      'Count of 3 (partially achieved)',
      'Count of 4',
      'Count of 5 (achieved)',
    ]);
    // Crime counts the champions' 4 and 3 (not the co-ordinator's 2); Employment the champions' 1 alone;
    // Health the co-ordinator's 3, not yet confirmed
    expect(summaryRow(wb, counts + 1, 7)).toEqual([1, 'Crime', 0, 0, 1, 1, 0]);
    expect(summaryRow(wb, counts + 2, 7)).toEqual([2, 'Education', 1, 0, 0, 0, 0]);
    expect(summaryRow(wb, counts + 3, 7)).toEqual([3, 'Employment', 1, 0, 0, 0, 0]);
    expect(summaryRow(wb, counts + 4, 7)).toEqual([4, 'Health', 0, 0, 1, 0, 0]);
    // what the champions wrote, word for word
    const texts = wb
      .tab('Summary')
      .values()
      .flatMap((r) => r.filter((v): v is string => typeof v === 'string'));
    expect(texts).toContain('Policy changes: the school funding formula changed');
    expect(texts).toContain('Agree a joint attainment plan with both schools by July');
  });

  it('the live formulas follow the rule as people type: a new confirmed score counts before the Summary is rebuilt', () => {
    const wb = filled();
    wb.applyNow(planSummary(snap(wb), { today: TODAY }).plan);
    const top = rowOf(wb, 'Summary', '#', rowOf(wb, 'Summary', 'Delivery by theme (Progress Tracker)'));
    // the champions now lower Burglary (row 6) from 3 to 1 and give Health (row 9) a 5
    typeRow(wb, 6, { confirmed: 1 });
    typeRow(wb, 9, { confirmed: 'achieved' });
    const ev = new FormulaEvaluator(wb);
    const figures = (row: number) => [4, 5, 6, 8, 9].map((col) => ev.cell('Summary', row, col));
    // Crime: 4 and 1 → 2.5, none achieved; co-ordinator scored 2, champions 2
    expect(figures(top + 1)).toEqual([2, 2.5, 0, 2, 2]);
    // Health: the champions' 5 replaces the co-ordinator's 3 → 5, all achieved; one confirmed
    expect(figures(top + 4)).toEqual([1, 5, 1, 1, 1]);
  });

  it("the plan: the champions' key actions and support word for word; the drafted rows follow the confirmed score", () => {
    const { summary } = planSummary(snap(filled()), { today: TODAY });
    const rows = summary.plan.map((r) => [r.ref, r.action, r.supportNeeded, r.sourceItems]);
    // Education (1 of 5) and Employment (1 of 5) are weak; Crime is not (the champions raised its 2 to 4), nor Health (3)
    expect(rows.map((r) => r[0])).toEqual([
      'Education – key actions agreed with the champions, “Attainment at 16 below the borough average”',
      'Delivery – Education',
      'Delivery – Employment',
    ]);
    expect(rows[0]!.slice(1)).toEqual([
      'Agree a joint attainment plan with both schools by July',
      'Data from the education department, ward by ward',
      'Progress Tracker row 7',
    ]);
    const education = summary.plan[1]!.action;
    expect(education).toContain(
      "“Attainment at 16 below the borough average” not achieved (1 of 5) (the co-ordinator's score was 4; the champions changed it)",
    );
    expect(education).toContain('Why not met, the champions: “Policy changes: the school funding formula changed”.');
    expect(summary.planning.alsoWeak).toEqual([]);
  });

  it('the report lists the changes', () => {
    const { content } = reportFromSnapshot(snap(filled()), { today: TODAY });
    const table = content.blocks.find((b) => b.kind === 'table' && b.caption === "Where the champions changed the co-ordinator's score");
    expect(table).toMatchObject({
      header: ['Row', 'Issue', 'Theme', 'Change', 'Why not met'],
      rows: [
        ['5', 'Fear of crime higher than the borough average', 'Crime', 'Co-ordinator 2 → champions 4', 'The survey was a year old'],
        [
          '7',
          'Attainment at 16 below the borough average',
          'Education',
          'Co-ordinator 4 → champions 1',
          'Policy changes: the school funding formula changed',
        ],
      ],
    });
  });

  it('check: both score columns are checked on the scale; a confirmed score without the co-ordinator’s is fine', () => {
    const wb = filled();
    typeRow(wb, 10, { theme: 'Housing', issue: 'Overcrowding', achievement: 6, confirmed: 7 });
    const result = checkReview(snap(wb), TODAY);
    const achievementCol = keyCol(wb, TRACKER, 'achievement').col;
    const confirmedCol = keyCol(wb, TRACKER, 'confirmed').col;
    const onRow10 = result.errors.filter((p) => p.at?.row === 10).map((p) => [p.at?.col, p.message.split(':')[0]]);
    expect(onRow10).toEqual([
      [achievementCol, "Co-ordinator's Achievement Score"],
      [confirmedCol, "Champions' Confirmed Score"],
    ]);
    // row 8 has the champions' score only: nothing to say about it
    expect([...result.errors, ...result.reminders].filter((p) => p.at?.sheet === TRACKER && p.at.row === 8)).toEqual([]);
  });

  it('check reminds, at the "Why not met" cell, where the champions changed a score and gave no reason', () => {
    const wb = filled();
    // row 6 (Burglary): the champions lower the co-ordinator's 3 to 2 and write nothing under Why not met
    typeRow(wb, 6, { confirmed: 2 });
    // row 10: raised from 2 to 5 (achieved): nothing was unmet, so no reminder
    typeRow(wb, 10, { theme: 'Housing', issue: 'Overcrowding', achievement: 2, confirmed: 5 });
    // row 11: raised from 1 to 3 with no reason: a reminder
    typeRow(wb, 11, { theme: 'Housing', issue: 'Empty homes', achievement: 1, confirmed: 3 });
    const result = checkReview(snap(wb), TODAY);
    const whyCol = keyCol(wb, TRACKER, 'whyNotMet').col;
    const letter = String.fromCharCode(64 + whyCol);
    const mine = result.reminders.filter((p) => p.code === 'tracker.why-not-met');
    // rows 5 and 7 changed too, but their Why not met is filled in; row 9 is not confirmed
    expect(mine.map((p) => [p.at?.sheet, p.at?.row, p.at?.col])).toEqual([
      [TRACKER, 6, whyCol],
      [TRACKER, 11, whyCol],
    ]);
    expect(result.reminderLines).toContain(
      `Progress Tracker!${letter}6: The champions changed the co-ordinator's score for “Burglary” (3 to 2) but “Why not met” is blank. Write why the outcome was not met, as stage 2 of the review asks.`,
    );
    expect(result.errors).toEqual([]);
  });
});

describe('a tracker made before the champions’ column', () => {
  /** The delivery tracker as workbooks made before issue #16 stored it in PR_Meta: one "Achievement Score" column. */
  function oldFramework() {
    const now = getFramework('delivery-tracker');
    const stage2 = new Set(['confirmed', 'whyNotMet', 'keyActions', 'supportNeeded']);
    return FrameworkSchema.parse({
      ...now,
      register: {
        ...now.register!,
        columns: now
          .register!.columns.filter((c) => !stage2.has(c.id))
          .map((c) => (c.id === 'achievement' ? { ...c, header: 'Achievement Score' } : c)),
      },
    });
  }

  it('reads and scores as before: its one score counts, and nothing about champions is shown', () => {
    const wb = newReview({ framework: oldFramework() });
    expect(() => keyCol(wb, TRACKER, 'confirmed')).toThrow();
    typeRow(wb, 5, { theme: 'Crime', issue: 'Fear of crime', achievement: 2 });
    typeRow(wb, 6, { theme: 'Crime', issue: 'Burglary', achievement: 5 });
    const { plan, summary } = planSummary(snap(wb), { today: TODAY });
    // (2 + 5) / 2 = 3.5; one of two achieved
    expect(summary.tracker?.[0]).toEqual({
      theme: 'Crime',
      rows: 2,
      scored: 2,
      meanAchievement: 3.5,
      shareAchieved: 0.5,
      lowAppropriatenessRows: [],
      coordinatorScored: 2,
      confirmed: 0,
      changed: 0,
    });
    expect(summary.trackerRows).toBeUndefined();
    // the 2 is weak: one drafted row for Crime, as before
    expect(summary.plan.map((r) => r.ref)).toEqual(['Delivery – Crime']);
    wb.applyNow(plan);
    const top = rowOf(wb, 'Summary', '#', rowOf(wb, 'Summary', 'Delivery by theme (Progress Tracker)'));
    // the table as before: no champions' columns after it
    expect(summaryRow(wb, top, 8)).toEqual([...DELIVERY_HEADER, null]);
    expect(() => rowOf(wb, 'Summary', "Where the champions changed the co-ordinator's score (Progress Tracker)")).toThrow();
    expect(checkReview(snap(wb), TODAY).errors).toEqual([]);
  });
});
