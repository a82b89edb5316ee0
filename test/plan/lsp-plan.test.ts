/**
 * The LSP improvement plan in core (core/operations/lsp-plan.ts, core/plan/lsp-merge.ts) on the in-memory workbook:
 * rows a person typed in a review's plan (no Ref) come in by their words; a copied row stays a person's; a row taken
 * out of its review's plan is flagged, never deleted; two files of one review (the same review id) are refused; a
 * part tab a person renamed is left alone and a new one is made; the reviews are never written.
 * Expected values are worked out by hand from the rows typed here.
 */
import { describe, expect, it } from 'vitest';
import { planLspImprovement, LSP_TAB } from '../../core/operations/lsp-plan.js';
import { planImprovement } from '../../core/operations/summarise.js';
import { ReviewRequestError } from '../../core/operations/types.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { keyCol, newReview, snap, TODAY } from '../operations/helpers.js';

type Row = Record<string, string>;
function rows(wb: MemoryWorkbook, sheet: string): Row[] {
  const values = wb.tab(sheet).values();
  const keys = values[3]!.map((k) => String(k ?? ''));
  return values
    .slice(4)
    .filter((r) => r.some((v) => v !== null && v !== ''))
    .map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] === null || r[i] === undefined ? '' : String(r[i])])));
}

/** A risk exercise with two red themes, summarised (its plan has the two rows). */
function riskReview(reviewId: string): MemoryWorkbook {
  const wb = newReview({ framework: 'risk-exercise', reviewId });
  const at = (k: string) => keyCol(wb, 'Risk Register', k).col;
  wb.setCell('Risk Register', 5, at('theme'), 'Governance');
  wb.setCell('Risk Register', 5, at('scenario'), 'Partners stop attending the board');
  wb.setCell('Risk Register', 5, at('rating'), 'Red');
  wb.setCell('Risk Register', 6, at('theme'), 'Skills');
  wb.setCell('Risk Register', 6, at('scenario'), 'No one can run the data');
  wb.setCell('Risk Register', 6, at('rating'), 'Red');
  wb.applyNow(planImprovement(snap(wb), { today: TODAY }).plan);
  return wb;
}

function build(plan: MemoryWorkbook | null, reviews: { label: string; wb: MemoryWorkbook }[], today = TODAY): MemoryWorkbook {
  const target = plan ?? new MemoryWorkbook();
  const existing = plan ? plan.readNow({ tabs: 'all' }) : null;
  const r = planLspImprovement(
    existing,
    reviews.map((x) => ({ label: x.label, snapshot: snap(x.wb) })),
    { today, planLabel: 'lsp.xlsx' },
  );
  target.applyNow(r.plan);
  return target;
}

describe('the LSP improvement plan in core', () => {
  it('marks a carried row its review closed (Achieved, not carried forward) as not checked, as the review plan does', () => {
    const risk = riskReview('risk-closed');
    const planTab = 'Improvement Plan';
    const c = (k: string) => keyCol(risk, planTab, k).col;
    risk.setCell(planTab, 7, c('heading'), 'Risk – Skills');
    risk.setCell(planTab, 7, c('action'), 'Run the data course');
    risk.setCell(planTab, 7, c('carriedFrom'), '2025/26');
    risk.setCell(planTab, 7, c('achieved'), 'Achieved');
    risk.setCell(planTab, 7, c('carryForward'), 'No');
    const part2 = rows(build(null, [{ label: 'risk.xlsx', wb: risk }]), LSP_TAB.Partnership);
    const closed = part2.find((r) => r['action'] === 'Run the data course')!;
    expect([closed['carriedFrom'], closed['achieved'], closed['carryForward'], closed['smart']]).toEqual([
      '2025/26',
      'Achieved',
      'No',
      'Not checked: not carried forward',
    ]);
    // the drafted rows of this cycle are checked as usual
    expect(
      part2.filter((r) => r['action'] !== 'Run the data course').every((r) => String(r['smart']) !== 'Not checked: not carried forward'),
    ).toBe(true);
  });

  it('brings a row a person typed in a review without a Ref, and flags a row taken out of its review', () => {
    const risk = riskReview('risk-1');
    const planTab = 'Improvement Plan';
    const refCol = keyCol(risk, planTab, 'ref').col;
    const actionCol = keyCol(risk, planTab, 'action').col;
    const headingCol = keyCol(risk, planTab, 'heading').col;
    // rows 5 and 6: Risk – Governance, Risk – Skills (the order the register gives); a person types row 7
    expect([risk.getCell(planTab, 5, refCol), risk.getCell(planTab, 6, refCol)]).toEqual(['Risk – Governance', 'Risk – Skills']);
    risk.setCell(planTab, 7, headingCol, 'Risk – Skills');
    risk.setCell(planTab, 7, actionCol, 'Train two analysts in each partner');
    // … as a row carried forward from last cycle's plan, not yet achieved
    risk.setCell(planTab, 7, keyCol(risk, planTab, 'carriedFrom').col, '2025/26');
    risk.setCell(planTab, 7, keyCol(risk, planTab, 'achieved').col, 'Partly');
    const before = JSON.stringify([...risk.allCells()]);
    const plan = build(null, [{ label: 'risk.xlsx', wb: risk }]);
    expect(JSON.stringify([...risk.allCells()])).toBe(before);
    expect(plan.tabNames()).toEqual([LSP_TAB.Delivery, LSP_TAB.Partnership, 'PR_Meta']);
    expect(rows(plan, LSP_TAB.Delivery)).toEqual([]);
    const part2 = rows(plan, LSP_TAB.Partnership);
    expect(part2.map((r) => [r['ref'], r['heading'], r['action'], r['sourceWorkbook'], r['partnership'], r['sourceStatus']])).toEqual([
      // a carried row comes in ahead of the new drafted rows (as on a review's plan)
      ['', 'Risk – Skills', 'Train two analysts in each partner', 'risk.xlsx', 'KCP', 'As in the plan of risk.xlsx'],
      [
        'Risk – Governance',
        'Risk – Governance',
        'Reduce the red risk under Governance: “Partners stop attending the board”. Agree the actions that will bring it to amber or green, who owns each, and review the rating.',
        'risk.xlsx',
        'KCP',
        'As in the plan of risk.xlsx',
      ],
      [
        'Risk – Skills',
        'Risk – Skills',
        'Reduce the red risk under Skills: “No one can run the data”. Agree the actions that will bring it to amber or green, who owns each, and review the rating.',
        'risk.xlsx',
        'KCP',
        'As in the plan of risk.xlsx',
      ],
    ]);
    // its carry cells come with it
    expect(part2.map((r) => [r['carriedFrom'], r['achieved']])).toEqual([
      ['2025/26', 'Partly'],
      ['', ''],
      ['', ''],
    ]);

    // in the review, someone clears the Skills row of its plan; in the LSP plan, someone copies the Governance row (row 6)
    for (let c = 1; c <= 15; c++) risk.setCell(planTab, 6, c, null);
    const width = plan.tab(LSP_TAB.Partnership).values()[3]!.length;
    for (let c = 1; c <= width; c++) plan.setCell(LSP_TAB.Partnership, 8, c, plan.getCell(LSP_TAB.Partnership, 6, c) ?? null);
    build(plan, [{ label: 'risk.xlsx', wb: risk }]);
    expect(rows(plan, LSP_TAB.Partnership).map((r) => [r['ref'], r['sourceStatus']])).toEqual([
      ['', 'As in the plan of risk.xlsx'],
      ['Risk – Governance', 'As in the plan of risk.xlsx'],
      ['Risk – Skills', 'No longer in the plan of risk.xlsx: review or close'],
      ['Risk – Governance', 'A copy of another row: kept as typed'],
    ]);
  });

  it('refuses two files of one review (a copy saved since: the same review id), writing nothing', () => {
    const a = riskReview('same-id');
    const b = riskReview('same-id');
    b.setCell('Risk Register', 7, 1, 'Political');
    const both = () =>
      planLspImprovement(
        null,
        [
          { label: 'risk.xlsx', snapshot: snap(a) },
          { label: 'risk (2).xlsx', snapshot: snap(b) },
        ],
        { today: TODAY, planLabel: 'lsp.xlsx' },
      );
    expect(both).toThrow(ReviewRequestError);
    expect(both).toThrow(/risk \(2\)\.xlsx and risk\.xlsx are the same review/);
  });

  it('leaves a part tab a person renamed alone and makes a new one', () => {
    const risk = riskReview('risk-2');
    const plan = build(null, [{ label: 'risk.xlsx', wb: risk }]);
    plan.renameTab(LSP_TAB.Partnership, 'Partnership actions (ours)');
    plan.setCell('Partnership actions (ours)', 5, 7, 'Our own wording');
    const kept = JSON.stringify(plan.tab('Partnership actions (ours)').values());
    build(plan, [{ label: 'risk.xlsx', wb: risk }]);
    expect(JSON.stringify(plan.tab('Partnership actions (ours)').values())).toBe(kept);
    expect(rows(plan, LSP_TAB.Partnership).map((r) => r['ref'])).toEqual(['Risk – Governance', 'Risk – Skills']);
  });

  it('makes the plan in a blank workbook (as a pane open in a new one would) and refuses one holding anything else', () => {
    const risk = riskReview('risk-3');
    const blank = new MemoryWorkbook();
    blank.addTab('Sheet1');
    const made = planLspImprovement(blank.readNow({ tabs: 'all' }), [{ label: 'risk.xlsx', snapshot: snap(risk) }], {
      today: TODAY,
      planLabel: 'this workbook',
    });
    expect(made.created).toBe(true);
    blank.applyNow(made.plan);
    expect(blank.tabNames()).toEqual([LSP_TAB.Delivery, LSP_TAB.Partnership, 'Sheet1', 'PR_Meta']);
    expect(rows(blank, LSP_TAB.Partnership).map((r) => r['ref'])).toEqual(['Risk – Governance', 'Risk – Skills']);

    const notes = new MemoryWorkbook();
    notes.addTab('Sheet1');
    notes.setCell('Sheet1', 2, 2, 'Budget notes');
    expect(() =>
      planLspImprovement(notes.readNow({ tabs: 'all' }), [{ label: 'risk.xlsx', snapshot: snap(risk) }], {
        today: TODAY,
        planLabel: 'budget.xlsx',
      }),
    ).toThrow(/budget\.xlsx is not an LSP improvement plan made by Partnership Review .* nothing was changed/);
  });
});
