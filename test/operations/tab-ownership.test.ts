/**
 * Issue #11: a tab is written over only when core has proven the add-in made it; PR_Meta's pointers never make an
 * input tab a target; a damaged key row stops the operations. Each case: the refusal names the tab and the fix, and
 * the workbook is exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import { planImport } from '../../core/import/plan-import.js';
import { checkReview } from '../../core/operations/check.js';
import { moreTabsToRead, READ_TABS } from '../../core/operations/read-tabs.js';
import { planImprovement, planSummary } from '../../core/operations/summarise.js';
import { ReviewRequestError } from '../../core/operations/types.js';
import { readReview } from '../../core/reader/read-review.js';
import type { MemoryWorkbook } from '../../memory-host/index.js';
import { newReview, snap, TODAY, typedCells } from './helpers.js';

function metaRow(wb: MemoryWorkbook, key: string): number {
  const values = wb.tab('PR_Meta').values();
  const i = values.findIndex((r) => r[0] === key);
  if (i < 0) throw new Error(`no ${key} on PR_Meta`);
  return i + 1;
}

/** A row deleted as a person deletes it: everything below moves up one. */
function deleteRow(wb: MemoryWorkbook, sheet: string, row: number): void {
  const values = wb.tab(sheet).values();
  for (let r = row; r <= values.length; r++) {
    const below = values[r] ?? [];
    for (let c = 1; c <= (values[0]?.length ?? 0); c++) wb.setCell(sheet, r, c, below[c - 1] ?? null);
  }
}

function everything(wb: MemoryWorkbook): Map<string, unknown> {
  return typedCells(wb, wb.tabNames());
}

describe('tabs the add-in may write over', () => {
  it('refuses to write over a person’s tab renamed “Summary”, and leaves every cell as it was', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann'] });
    wb.setCell('Responses', 6, 4, 2);
    wb.deleteTab('Summary');
    wb.renameTab('Workshop Notes', 'Summary');
    wb.setCell('Summary', 6, 2, 'Our notes from the away day');
    const before = everything(wb);
    expect(() => planSummary(snap(wb), { today: TODAY })).toThrow(ReviewRequestError);
    expect(() => planSummary(snap(wb), { today: TODAY })).toThrow(
      /The tab “Summary” does not carry the mark .* rename it \(for example “Summary \(notes\)”\)/,
    );
    expect(everything(wb)).toEqual(before);
  });

  it('writes over its own Summary, and records a new mark each time', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann'] });
    const mark1 = wb.getCell('PR_Meta', metaRow(wb, 'mark:summary'), 2);
    expect(typeof mark1).toBe('string');
    wb.applyNow(planSummary(snap(wb), { today: '2026-06-01' }).plan);
    const mark2 = wb.getCell('PR_Meta', metaRow(wb, 'mark:summary'), 2);
    expect(mark2).not.toBe(mark1); // the "Built by … on" date changed
    wb.applyNow(planSummary(snap(wb), { today: '2026-06-02' }).plan);
    // a person types over the Summary's title: no longer proven
    wb.setCell('Summary', 1, 1, 'My own summary');
    expect(() => planSummary(snap(wb), { today: TODAY })).toThrow(/The tab “Summary” does not carry the mark/);
  });

  it('writes over its own Comments tab (issue #13) only while its first rows carry the mark recorded in PR_Meta', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann'] });
    wb.setCell('Responses', 6, 4, 2);
    wb.setCell('Responses', 6, 5, 'Needs a named lead');
    wb.applyNow(planSummary(snap(wb), { today: '2026-06-01' }).plan);
    expect(wb.getCell('Comments', 5, 2)).toBe('• Needs a named lead');
    expect(typeof wb.getCell('PR_Meta', metaRow(wb, 'mark:comments'), 2)).toBe('string');
    // a person types over the Comments tab's title: no longer proven, nothing written
    wb.setCell('Comments', 1, 1, 'Our own comments');
    const before = everything(wb);
    expect(() => planSummary(snap(wb), { today: TODAY })).toThrow(/The tab “Comments” does not carry the mark .* Comments tab/);
    expect(everything(wb)).toEqual(before);
  });

  it('leaves a person’s own “Comments” tab in a workbook made before the Comments tab, and writes its own beside it', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann'] });
    wb.setCell('Responses', 6, 4, 2);
    wb.setCell('Responses', 6, 5, 'Needs a named lead');
    // as a workbook made before issue #13: no Comments tab, PR_Meta records none; a person has a tab of that name
    wb.deleteTab('Comments');
    deleteRow(wb, 'PR_Meta', metaRow(wb, 'mark:comments'));
    deleteRow(wb, 'PR_Meta', metaRow(wb, 'tab:comments'));
    wb.addTab('Comments');
    wb.setCell('Comments', 1, 1, 'What the board said');
    wb.setCell('Comments', 2, 1, 'Keep the spring meeting');
    const { plan } = planSummary(snap(wb), { today: TODAY });
    expect(plan.tabs.find((t) => t.role === 'comments')).toMatchObject({ name: 'Review comments', mode: 'create' });
    wb.applyNow(plan);
    expect([wb.getCell('Comments', 1, 1), wb.getCell('Comments', 2, 1)]).toEqual(['What the board said', 'Keep the spring meeting']);
    expect(wb.getCell('Review comments', 5, 2)).toBe('• Needs a named lead');
    expect(wb.getCell('PR_Meta', metaRow(wb, 'tab:comments'), 2)).toBe('Review comments');
    // the next run reads the tab PR_Meta now names (the second, small read of run.ts), writes over it again, and still
    // leaves the person's alone
    wb.setCell('Responses', 6, 5, 'Named lead agreed');
    const first = snap(wb);
    expect(moreTabsToRead(first)).toEqual(['Review comments']);
    const both = wb.readNow({ tabs: [...READ_TABS, ...moreTabsToRead(first)] });
    wb.applyNow(planSummary(both, { today: TODAY }).plan);
    expect(wb.getCell('Review comments', 5, 2)).toBe('• Named lead agreed');
    expect(wb.getCell('Comments', 1, 1)).toBe('What the board said');
  });

  it('refuses when PR_Meta points the Summary or the plan at Responses (one edited cell), and check says so', () => {
    for (const key of ['tab:summary', 'tab:plan']) {
      const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann', 'Bob'] });
      wb.setCell('Responses', 6, 4, 3);
      wb.setCell('PR_Meta', metaRow(wb, key), 2, 'Responses');
      const before = everything(wb);
      const role = key === 'tab:summary' ? 'Summary' : 'Improvement Plan';
      const want = new RegExp(
        `names “Responses” as the ${role} tab, but “Responses” is the answers tab.*set the value of “${key}” back to “${role}”`,
      );
      expect(() => planSummary(snap(wb), { today: TODAY })).toThrow(want);
      expect(() => planImprovement(snap(wb), { today: TODAY })).toThrow(want);
      expect(() =>
        planImport(
          snap(wb),
          [
            ['ID', 'Name', 'ASPIRE'],
            [1, 'Cat', 2],
          ],
          TODAY,
        ),
      ).toThrow(want);
      expect(everything(wb)).toEqual(before);
      const problems = checkReview(snap(wb), TODAY).problems.filter((p) => p.code === 'meta.pointer');
      expect(problems.map((p) => p.severity)).toEqual(['error']);
    }
  });

  it('refuses to update a tab renamed “Improvement Plan” that has no plan key row', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann'] });
    wb.setCell('Responses', 6, 4, 1);
    wb.deleteTab('Improvement Plan');
    wb.addTab('My actions');
    wb.setCell('My actions', 1, 1, 'Action');
    wb.setCell('My actions', 5, 1, 'Ring the council');
    wb.renameTab('My actions', 'Improvement Plan');
    const before = everything(wb);
    expect(() => planImprovement(snap(wb), { today: TODAY })).toThrow(
      /The tab “Improvement Plan” does not have the hidden key row of an Improvement Plan/,
    );
    expect(everything(wb)).toEqual(before);
  });

  it('refuses to score, plan or import with the Responses key row deleted; check gives an error naming the tab', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann', 'Bob'] });
    wb.setCell('Responses', 6, 4, 1);
    wb.setCell('Responses', 7, 4, 3);
    deleteRow(wb, 'Responses', 5);
    const before = everything(wb);
    expect(() => planSummary(snap(wb), { today: TODAY })).toThrow(
      /hidden key row of Responses .* is missing or damaged.*restore it with Undo/,
    );
    expect(() => planImprovement(snap(wb), { today: TODAY })).toThrow(/hidden key row of Responses/);
    expect(() =>
      planImport(
        snap(wb),
        [
          ['ID', 'Name', 'ASPIRE'],
          [1, 'Cat', 2],
        ],
        TODAY,
      ),
    ).toThrow(/hidden key row of Responses/);
    expect(everything(wb)).toEqual(before);
    const errors = checkReview(snap(wb), TODAY).problems.filter((p) => p.code === 'layout.no-key-row');
    expect(errors.map((p) => p.severity)).toEqual(['error']);
    expect(readReview(snap(wb)).problems.some((p) => p.code === 'layout.no-key-row')).toBe(true);
  });
});
