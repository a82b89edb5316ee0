import { describe, expect, it } from 'vitest';
import { readReview } from '../../core/reader/read-review.js';
import { getFramework } from '../../core/framework/catalogue.js';
import { readPlanRows } from '../../core/reader/plan-rows.js';
import { checkReview } from '../../core/operations/check.js';
import { planSummary } from '../../core/operations/summarise.js';
import { NotAReviewError, ReviewRequestError } from '../../core/operations/types.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { expectFormulasMatch, keyCol, newReview, snap, TODAY, typedCells } from '../operations/helpers.js';

function treeWithAnswers(): MemoryWorkbook {
  const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann', 'Bob', 'Cat'] });
  // D ASPIRE score, E comment, F THINK score
  wb.setCell('Responses', 6, 4, 1);
  wb.setCell('Responses', 6, 5, 'We are too risk averse');
  wb.setCell('Responses', 7, 4, 'present in parts');
  wb.setCell('Responses', 8, 4, 3);
  wb.setCell('Responses', 8, 6, 'N/A');
  return wb;
}

describe('readReview: identifying the workbook', () => {
  it('refuses a workbook with no PR_Meta, saying what to do', () => {
    const wb = new MemoryWorkbook(['Sheet1']);
    wb.setCell('Sheet1', 1, 1, 'Name');
    expect(() => readReview(snap(wb))).toThrow(NotAReviewError);
    expect(() => readReview(snap(wb))).toThrow(
      'This workbook was not made by Partnership Review (no PR_Meta tab). Create a review with the add-in (Create review) or `partnership-review new`, or import your answers with `partnership-review import`.',
    );
  });

  it('refuses a PR_Meta from another tool, and a newer or unknown layout, with how to fix it', () => {
    const wb = treeWithAnswers();
    wb.setCell('PR_Meta', 2, 2, 'Something Else');
    expect(() => readReview(snap(wb))).toThrow(/not made by Partnership Review: its PR_Meta tab does not name "Partnership Review"/);
    wb.setCell('PR_Meta', 2, 2, 'Partnership Review');
    wb.setCell('PR_Meta', 3, 2, 2);
    expect(() => readReview(snap(wb))).toThrow(
      /made by a newer version of Partnership Review \(layout 2; this version reads layout 1\)\. Update the add-in/,
    );
    wb.setCell('PR_Meta', 3, 2, 0);
    expect(() => readReview(snap(wb))).toThrow(
      /uses layout 0, which this version cannot read\. Create a new review and copy the answers across/,
    );
    wb.setCell('PR_Meta', 3, 2, 1);
    expect(readReview(snap(wb)).framework.id).toBe('partnership-tree');
  });

  it('a stored framework exactly as built in is the built-in; one changed in the workbook is read as changed', () => {
    const wb = treeWithAnswers();
    expect(readReview(snap(wb)).framework).toBe(getFramework('partnership-tree'));
    const metaRow =
      wb
        .tab('PR_Meta')
        .values()
        .findIndex((r) => r[0] === 'frameworkJson.1') + 1;
    const stored = String(wb.tab('PR_Meta').values()[metaRow - 1]![1]);
    expect(stored).toContain('"title":"Partnership tree self-assessment"');
    wb.setCell('PR_Meta', metaRow, 2, stored.replace('"title":"Partnership tree self-assessment"', '"title":"Our own tree"'));
    const r = readReview(snap(wb));
    expect(r.framework.title).toBe('Our own tree');
    expect(r.framework.id).toBe('partnership-tree');
    expect(r.problems).toEqual([]);
  });

  it('falls back to the built-in framework when the stored JSON is damaged, with a warning', () => {
    const wb = treeWithAnswers();
    const metaRow =
      wb
        .tab('PR_Meta')
        .values()
        .findIndex((r) => r[0] === 'frameworkJson.1') + 1;
    wb.setCell('PR_Meta', metaRow, 2, '{"id": broken');
    const r = readReview(snap(wb));
    expect(r.framework.id).toBe('partnership-tree');
    expect(r.problems.map((p) => p.code)).toContain('meta.framework-json');
  });
});

describe('readReview: responses', () => {
  it('reads every row with something in it, with each entry’s cell; blank rows skipped; rows added far below read', () => {
    const wb = treeWithAnswers();
    wb.setCell('Responses', 30, 1, 'Late Lucy');
    wb.setCell('Responses', 30, 4, 'STRONG');
    const r = readReview(snap(wb));
    expect(r.problems).toEqual([]);
    expect(r.review.responses.map((x) => [x.respondent, x.at.row])).toEqual([
      ['Ann', 6],
      ['Bob', 7],
      ['Cat', 8],
      ['Late Lucy', 30],
    ]);
    const ann = r.review.responses[0]!;
    expect(ann.partnership).toBe('KCP');
    expect(ann.answers['ASPIRE']).toEqual({
      score: { value: 1, at: { sheet: 'Responses', row: 6, col: 4 } },
      comment: { value: 'We are too risk averse', at: { sheet: 'Responses', row: 6, col: 5 } },
    });
    expect(r.review.responses[2]!.answers['THINK']!.score).toEqual({ value: 'N/A', at: { sheet: 'Responses', row: 8, col: 6 } });
    expect(r.review.settings).toMatchObject({ frameworkId: 'partnership-tree', cycle: '2026/27', partnerships: ['KCP'] });
    expect(r.layout.entry).toMatchObject({ keyRow: 5, firstDataRow: 6, lastRow: 30 });
  });

  it('prefers the key row: a column inserted by a person moves nothing, and data in it is reported at its cell', () => {
    const wb = treeWithAnswers();
    wb.insertColumn('Responses', 4); // before ASPIRE score
    wb.setCell('Responses', 7, 4, 'my own note');
    const r = readReview(snap(wb));
    expect(r.review.responses[0]!.answers['ASPIRE']!.score).toEqual({ value: 1, at: { sheet: 'Responses', row: 6, col: 5 } });
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'layout.unread-column', severity: 'warning', at: { sheet: 'Responses', row: 7, col: 4 } }),
    ]);
    expect(checkReview(snap(wb), TODAY).lines[0]).toMatch(/^Responses!D7: Reminder: Column D holds entries but has no key/);
    // the Summary's formulas follow the moved column, and PR_Meta records it
    wb.applyNow(planSummary(snap(wb), { today: TODAY }).plan);
    expectFormulasMatch(wb, 'Summary');
    const metaRows = wb.tab('PR_Meta').values();
    expect(metaRows.find((x) => x[0] === 'col:ASPIRE.score')![1]).toBe(5);
  });

  it('finds the key row after rows are inserted above it', () => {
    const wb = treeWithAnswers();
    wb.insertRow('Responses', 1, 2);
    const r = readReview(snap(wb));
    expect(r.problems).toEqual([]);
    expect(r.layout.entry).toMatchObject({ keyRow: 7, firstDataRow: 8 });
    expect(r.review.responses.map((x) => x.at.row)).toEqual([8, 9, 10]);
  });

  it('falls back to PR_Meta when the key row is cleared, with a warning', () => {
    const wb = treeWithAnswers();
    for (let c = 1; c <= 15; c++) wb.setCell('Responses', 5, c, null);
    const r = readReview(snap(wb));
    expect(r.problems.map((p) => p.code)).toEqual(['layout.no-key-row']);
    expect(r.problems[0]!.message).toMatch(/hidden key row of Responses .* is missing/);
    expect(r.review.responses.map((x) => x.respondent)).toEqual(['Ann', 'Bob', 'Cat']);
    expect(r.review.responses[1]!.answers['ASPIRE']!.score!.value).toBe('present in parts');
  });

  it('one key cell cleared: PR_Meta’s column is used and the cell named', () => {
    const wb = treeWithAnswers();
    wb.setCell('Responses', 5, 4, null);
    const r = readReview(snap(wb));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'layout.key-restored', at: { sheet: 'Responses', row: 5, col: 4 } })]);
    expect(r.review.responses[0]!.answers['ASPIRE']!.score!.value).toBe(1);
  });
});

describe('readReview: tabs renamed, deleted, reordered', () => {
  it('a renamed Responses tab is a problem naming it and the fix, never a crash; summarise refuses with the same words', () => {
    const wb = treeWithAnswers();
    wb.renameTab('Responses', 'Answers');
    const r = readReview(snap(wb));
    const p = r.problems.find((x) => x.code === 'layout.missing-tab')!;
    expect(p).toMatchObject({ severity: 'error', at: null });
    expect(p.message).toBe(
      'The tab “Responses” is missing, so the answers cannot be read. If it was renamed (this workbook also has “Answers”), rename it back to “Responses”. If it was deleted, restore it (Undo, or version history) or create a new review and import the answers.',
    );
    expect(checkReview(snap(wb), TODAY).lines[0]).toMatch(/^Workbook: The tab “Responses” is missing/);
    expect(() => planSummary(snap(wb), { today: TODAY })).toThrow(ReviewRequestError);
    expect(() => planSummary(snap(wb), { today: TODAY })).toThrow(/rename it back to “Responses”/);
  });

  it('reordered tabs read the same; deleted Summary, Improvement Plan and Instructions are rebuilt in place', () => {
    const wb = treeWithAnswers();
    const first = readReview(snap(wb)).review;
    wb.moveTab('PR_Meta', 0);
    wb.moveTab('Responses', 5);
    expect(readReview(snap(wb)).review).toEqual(first);
    const typed = typedCells(wb, ['Responses', 'Workshop Notes', 'Review Settings', 'Previous Review']);
    wb.deleteTab('Summary');
    wb.deleteTab('Improvement Plan');
    wb.deleteTab('Instructions');
    const { plan } = planSummary(snap(wb), { today: TODAY });
    expect(plan.tabs.map((t) => [t.name, t.mode, t.position])).toEqual([
      ['Instructions', 'create', 0],
      ['Summary', 'create', expect.any(Number)],
      // the Comments tab (issue #13) stays where it was and is rebuilt in place
      ['Comments', 'replace', undefined],
      // a deleted plan tab is created afresh, never written over a tab of that name
      ['Improvement Plan', 'create', expect.any(Number)],
      ['PR_Meta', 'replace', undefined],
    ]);
    wb.applyNow(plan);
    expect(wb.tabNames()).toContain('Summary');
    expect(wb.tabNames().indexOf('Improvement Plan')).toBe(wb.tabNames().indexOf('Summary') + 1);
    expect(wb.tabNames()[0]).toBe('Instructions');
    expect(typedCells(wb, ['Responses', 'Workshop Notes', 'Review Settings', 'Previous Review'])).toEqual(typed);
    expectFormulasMatch(wb, 'Summary');
    expect(wb.getCell('Improvement Plan', 4, 1)).toBe('ref');
  });
});

describe('readReview: notes, settings and the previous review', () => {
  it('reads workshop notes, settings found by label, and previous means (ids read back as numbers too)', () => {
    const wb = newReview({ framework: 'hallmarks', partnerships: ['Crime', 'Health'], respondents: ['Ann'] });
    // settings: a partnership typed on a spare row, after a row a person inserted
    wb.insertRow('Review Settings', 5);
    wb.setCell('Review Settings', 5, 1, 'Note to self');
    const spare =
      wb
        .tab('Review Settings')
        .values()
        .findIndex((r, i) => i > 5 && r[0] === 'Partnership' && r[1] === null) + 1;
    wb.setCell('Review Settings', spare, 2, '  Housing ');
    wb.setCell('Review Settings', 4, 2, '2027/28');
    // previous review: "1.10" pasted as a number reads back as 1.1 on the 1.10 row
    const prevRows = wb.tab('Previous Review').values();
    const row110 = prevRows.findIndex((r) => r[0] === '1.10') + 1;
    const row11 = prevRows.findIndex((r) => r[0] === '1.1') + 1;
    wb.setCell('Previous Review', row110, 1, 1.1);
    wb.setCell('Previous Review', row110, 3, 2.5);
    wb.setCell('Previous Review', row11, 3, '1.75');
    wb.setCell('Previous Review', 2, 2, '2025/26');
    const r = readReview(snap(wb));
    expect(r.review.settings.cycle).toBe('2027/28');
    expect(r.review.settings.partnerships).toEqual(['Crime', 'Health', 'Housing']);
    expect(r.review.previous).toEqual({ cycle: '2025/26', itemMeans: { '1.1': 1.75, '1.10': 2.5 }, sectionMeans: {} });
  });

  it('reads the in-depth choices of nru-partnership', () => {
    const wb = newReview({ framework: 'nru-partnership', respondents: ['Ann'] });
    const rows = wb.tab('Review Settings').values();
    const first = rows.findIndex((r) => r[0] === 'Section id') + 2;
    wb.setCell('Review Settings', first, 3, 'yes');
    wb.setCell('Review Settings', first, 4, 2024);
    wb.setCell('Review Settings', first + 1, 4, 'last year');
    const r = readReview(snap(wb));
    const ids = r.framework.sections.map((s) => s.id);
    expect(r.review.settings.inDepthSections).toEqual([ids[0]]);
    expect(r.review.settings.lastInDepth[ids[0]!]).toBe(2024);
    expect(r.review.settings.lastInDepthAt![ids[0]!]).toEqual({ sheet: 'Review Settings', row: first, col: 4 });
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'settings.bad-year', at: { sheet: 'Review Settings', row: first + 1, col: 4 } }),
    ]);
  });

  it('reads Workshop Notes per characteristic', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann'] });
    wb.setCell('Workshop Notes', 5, 3, 'Clear outcomes e.g. fire and safer communities');
    wb.setCell('Workshop Notes', 6, 4, 'Escalation process?');
    const r = readReview(snap(wb));
    expect(r.review.sectionFreeText.slice(0, 2)).toEqual([
      {
        sectionId: 'ASPIRE',
        strengths: 'Clear outcomes e.g. fire and safer communities',
        areasForImprovement: '',
        at: { sheet: 'Workshop Notes', row: 5, col: 3 },
      },
      { sectionId: 'THINK', strengths: '', areasForImprovement: 'Escalation process?', at: { sheet: 'Workshop Notes', row: 6, col: 3 } },
    ]);
  });
});

describe('readPlanRows', () => {
  it('reads plan rows with dates as ISO whatever form they came in, and skips empty rows', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann'] });
    const c = (k: string) => keyCol(wb, 'Improvement Plan', k).col;
    wb.setCell('Improvement Plan', 5, c('part'), 'Part 2 Partnership');
    wb.setCell('Improvement Plan', 5, c('action'), 'Hold two workshops');
    wb.setCell('Improvement Plan', 5, c('date'), 46203); // Excel serial of 30/06/2026
    wb.setCell('Improvement Plan', 7, c('action'), 'Publish the terms of reference');
    wb.setCell('Improvement Plan', 7, c('date'), '31/07/2026');
    wb.setCell('Improvement Plan', 7, c('progressReportDate'), 'soon');
    wb.setCell('Improvement Plan', 8, c('smart'), 'left over from an old row');
    const rows = readPlanRows(snap(wb));
    expect(rows.map((r) => [r.at.row, r.part, r.action, r.date, r.progressReportDate])).toEqual([
      [5, 'Partnership', 'Hold two workshops', '2026-06-30', ''],
      [7, '', 'Publish the terms of reference', '2026-07-31', 'soon'],
    ]);
    expect(rows[0]!.at).toEqual({ sheet: 'Improvement Plan', row: 5, col: 1 });
  });
});
