/**
 * Workbooks people changed under the reader: columns inserted before the Review Settings labels, and a PR_Meta that
 * records a tab name the workbook no longer has.
 */
import { describe, expect, it } from 'vitest';
import { planSummary } from '../../core/operations/summarise.js';
import { readPlanRows } from '../../core/reader/plan-rows.js';
import { readReview } from '../../core/reader/read-review.js';
import { labelColumn } from '../../core/reader/settings.js';
import type { MemoryWorkbook } from '../../memory-host/index.js';
import { newReview, snap, TODAY } from '../operations/helpers.js';

describe('Review Settings with columns inserted before the labels', () => {
  it('finds the labels in column C and reads cycle and partnerships from column D', () => {
    const wb = newReview({ framework: 'hallmarks', partnerships: ['North', 'South'] });
    wb.insertColumn('Review Settings', 1, 2);
    expect(labelColumn(wb.readNow().tabs['Review Settings']!)).toBe(3);
    const r = readReview(snap(wb));
    expect(r.review.settings.partnerships).toEqual(['North', 'South']);
    expect(r.review.settings.cycle).toBe('2026/27');
    // Cycle is on row 4: problems about it point at D4
    expect(r.review.settings.cycleAt).toEqual({ sheet: 'Review Settings', row: 4, col: 4 });
    expect(r.problems.filter((p) => p.code.startsWith('settings'))).toEqual([]);
  });

  it('reads the in-depth table (choice and last year) beside the shifted labels', () => {
    const wb = newReview({ framework: 'nru-partnership', partnerships: ['Crime'] });
    const before = readReview(snap(wb)).review.settings;
    const head =
      wb
        .tab('Review Settings')
        .values()
        .findIndex((row) => row[0] === 'Section id') + 1;
    expect(head).toBeGreaterThan(0);
    const firstId = String(wb.getCell('Review Settings', head + 1, 1));
    wb.setCell('Review Settings', head + 1, 3, 'Yes');
    wb.setCell('Review Settings', head + 1, 4, 2024);
    wb.insertColumn('Review Settings', 1, 1);
    const s = readReview(snap(wb)).review.settings;
    expect(s.partnerships).toEqual(before.partnerships);
    expect(before.inDepthSections).toEqual([]);
    expect(s.inDepthSections).toEqual([firstId]);
    expect(s.lastInDepth[firstId]).toBe(2024);
    expect(s.lastInDepthAt?.[firstId]).toEqual({ sheet: 'Review Settings', row: head + 1, col: 5 });
  });

  it('says at A1 that Review Settings cannot be read when no label is left, and how to put them back', () => {
    const wb = newReview({ framework: 'hallmarks', partnerships: ['North'] });
    const values = wb.tab('Review Settings').values();
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === 'Cycle' || v === 'Partnership' || v === 'Section id') wb.setCell('Review Settings', r + 1, c + 1, 'Setting');
      }),
    );
    const r = readReview(snap(wb));
    expect(r.review.settings.partnerships).toEqual([]);
    const p = r.problems.find((x) => x.code === 'settings.unreadable')!;
    expect(p.at).toEqual({ sheet: 'Review Settings', row: 1, col: 1 });
    expect(p.message).toContain('Review Settings could not be read');
    expect(p.message).toContain('Put the labels back');
  });
});

/** A review whose summary was built once, with two rows typed on the plan, and PR_Meta's `tab:plan` changed. */
function planRecordedAs(name: string): MemoryWorkbook {
  const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann'] });
  wb.setCell('Responses', 6, 4, 1); // ASPIRE 1: red, so a row is drafted
  wb.applyNow(planSummary(snap(wb), { today: TODAY }).plan);
  wb.setCell('Improvement Plan', 5, 5, 'My own action, typed');
  wb.setCell('Improvement Plan', 6, 5, 'Another row I added');
  const metaRow =
    wb
      .tab('PR_Meta')
      .values()
      .findIndex((r) => r[0] === 'tab:plan') + 1;
  wb.setCell('PR_Meta', metaRow, 2, name);
  return wb;
}

describe('PR_Meta records a tab name the workbook does not have', () => {
  it('reads the tab of the layout name instead, and says so', () => {
    const wb = planRecordedAs('Plan');
    const r = readReview(snap(wb));
    expect(r.layout.plan?.name).toBe('Improvement Plan');
    expect(r.layout.present.plan).toBe('Improvement Plan');
    const p = r.problems.find((x) => x.code === 'meta.tab-name')!;
    expect(p.severity).toBe('warning');
    expect(p.message).toBe(
      'PR_Meta records the tab “Plan”, which this workbook does not have, so the tab “Improvement Plan” was read in its place. If “Plan” was renamed, nothing needs doing: the add-in now records “Improvement Plan”.',
    );
    expect(readPlanRows(snap(wb)).map((row) => row.action)).toEqual(['My own action, typed', 'Another row I added']);
  });

  it('merges the plan with the typed rows (update, generated columns only) and records the name again', () => {
    const wb = planRecordedAs('Plan');
    const { plan } = planSummary(snap(wb), { today: TODAY });
    const planTab = plan.tabs.find((t) => t.role === 'plan')!;
    expect([planTab.name, planTab.mode]).toEqual(['Improvement Plan', 'update']);
    wb.applyNow(plan);
    expect(wb.getCell('Improvement Plan', 5, 5)).toBe('My own action, typed');
    expect(wb.getCell('Improvement Plan', 6, 5)).toBe('Another row I added');
    const metaRow =
      wb
        .tab('PR_Meta')
        .values()
        .findIndex((r) => r[0] === 'tab:plan') + 1;
    expect(wb.getCell('PR_Meta', metaRow, 2)).toBe('Improvement Plan');
    expect(readReview(snap(wb)).problems.filter((p) => p.code === 'meta.tab-name')).toEqual([]);
  });

  it('keeps the recorded name when that tab exists (a renamed plan tab is not swapped for another)', () => {
    const wb = planRecordedAs('Plan');
    wb.renameTab('Improvement Plan', 'Plan');
    const r = readReview(snap(wb));
    expect(r.layout.present.plan).toBe('Plan');
    expect(r.problems.filter((p) => p.code === 'meta.tab-name')).toEqual([]);
  });
});
