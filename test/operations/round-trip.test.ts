/**
 * create → fill → check → summarise → plan on the memory host, for every built-in framework.
 */
import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import type { Framework } from '../../core/framework/schema.js';
import { checkReview } from '../../core/operations/check.js';
import { readReview } from '../../core/reader/read-review.js';
import { planImprovement, planSummary } from '../../core/operations/summarise.js';
import { scoreReview } from '../../core/scoring/score-review.js';
import { a1 } from '../../core/util/a1.js';
import type { MemoryWorkbook } from '../../memory-host/index.js';
import { expectFormulasMatch, keyCol, newReview, rowOf, snap, TODAY, typedCells } from './helpers.js';

const INJECTION = '=HYPERLINK("http://example.com/steal","click me")';

/** Fill like people do: numbers, labels in odd case, N/A, blanks, one invalid entry, formula-looking comments. */
function fillEntry(wb: MemoryWorkbook, f: Framework, names: string[]): { invalidAt: string } {
  let invalidAt = '';
  let k = 0;
  names.forEach((name, i) => {
    const row = 6 + i;
    wb.setCell('Responses', row, 1, name);
    wb.setCell('Responses', row, 2, f.multiplePartnerships ? (i % 2 === 0 ? 'Crime' : 'Health') : 'KCP');
    for (const s of f.sections) {
      for (const item of s.items) {
        const scale = f.scales.find((x) => x.id === (item.scale ?? f.defaultScale))!;
        for (const field of item.fields) {
          const { col } = keyCol(wb, 'Responses', `${item.id}|${field}`);
          k++;
          if (field === 'score') {
            const pts = scale.points;
            const choice = (i * 7 + k) % 6;
            let value: string | number | null;
            if (i === 0 && invalidAt === '') {
              value = 'seven';
              invalidAt = `Responses!${a1(row, col)}`;
            } else if (choice === 0) value = pts[0]!.value;
            else if (choice === 1) value = pts[pts.length - 1]!.label.toUpperCase();
            else if (choice === 2) value = pts[Math.floor(pts.length / 2)]!.value;
            else if (choice === 3) value = 'n/a';
            else if (choice === 4) value = null;
            else value = pts[pts.length - 1]!.value;
            if (value !== null) wb.setCell('Responses', row, col, value);
          } else if (field === 'themes') {
            wb.setCell('Responses', row, col, (f.themeTags?.tags ?? ['Other']).slice(0, 2).join('; '));
          } else {
            const text = (i + k) % 5 === 0 ? INJECTION : (i + k) % 7 === 0 ? '+44 20 7361 3671' : `${name} on ${item.id}: ${field} text`;
            wb.setCell('Responses', row, col, text);
          }
        }
      }
    }
  });
  return { invalidAt };
}

function fillRegister(wb: MemoryWorkbook, f: Framework): { invalidAt: string } {
  const reg = f.register!;
  const tab = reg.tab;
  const col = (id: string) => keyCol(wb, tab, id).col;
  let invalidAt = '';
  for (let i = 0; i < 6; i++) {
    const row = 5 + i;
    for (const c of reg.columns) {
      if (c.type === 'group') continue; // pre-filled with the theme
      if (c.type === 'text') wb.setCell(tab, row, col(c.id), i === 2 ? INJECTION : `${c.header} ${i + 1}`);
      if (c.type === 'score') wb.setCell(tab, row, col(c.id), i === 0 && !invalidAt ? 9 : (i % 5) + 1);
      if (c.type === 'rag') wb.setCell(tab, row, col(c.id), ['RED', 'amber', 'Green', 'High', 'moderate', 'red'][i]!);
      if (c.type === 'flag') wb.setCell(tab, row, col(c.id), i % 2 ? 'Yes' : 'No');
      if (c.type === 'date') wb.setCell(tab, row, col(c.id), '01/04/2026');
      if (c.type === 'score' && i === 0 && !invalidAt) invalidAt = `${tab}!${a1(row, col(c.id))}`;
    }
  }
  return { invalidAt };
}

function summaryRow(wb: MemoryWorkbook, itemId: string): number {
  // the items table: the first row whose column A is the id and whose column C holds a formula for n
  const s = wb.tab('Summary');
  for (let r = 1; r <= s.extent().rows; r++) if (s.get(r, 1)?.value === itemId && s.get(r, 3)?.formula?.startsWith('=SUM(')) return r;
  throw new Error(`no Summary row for ${itemId}`);
}

describe.each(builtinFrameworks().map((f) => [f.id, f] as const))('round trip: %s', (_id, f) => {
  it('create → fill → check → summarise → plan, formulas equal core, typed cells untouched', () => {
    const wb = newReview({
      framework: f.id,
      partnerships: f.multiplePartnerships ? ['Crime', 'Health'] : ['KCP'],
      respondents: ['Ann', 'Bob', 'Cat', 'Dev'],
    });
    const names = ['Ann', 'Bob', 'Cat', 'Dev'];
    const { invalidAt } = f.sections.length > 0 ? fillEntry(wb, f, names) : fillRegister(wb, f);
    if (f.sections.length > 0) {
      // a respondent added after creation, far below the last row
      wb.setCell('Responses', 40, 1, 'Late Lucy');
      wb.setCell('Responses', 40, 2, f.multiplePartnerships ? 'Health' : 'KCP');
      const first = f.sections.flatMap((s) => s.items).find((i) => i.fields.includes('score'));
      if (first) wb.setCell('Responses', 40, keyCol(wb, 'Responses', `${first.id}|score`).col, 1);
    }
    const inputTabs = [f.sections.length > 0 ? 'Responses' : f.register!.tab, 'Review Settings'];
    const before = typedCells(wb, inputTabs);

    // check: the invalid entry is reported at its exact cell
    const s1 = snap(wb);
    const check = checkReview(s1, TODAY);
    expect(
      check.lines.some((l) => l.startsWith(`${invalidAt}: `)),
      `${invalidAt} in ${check.lines.join('\n')}`,
    ).toBe(true);
    expect(check.problems.every((p) => p.at === null || p.message.length > 20)).toBe(true);

    // summarise
    const read = readReview(s1);
    if (f.sections.length > 0) expect(read.review.responses.map((r) => r.respondent)).toEqual([...names, 'Late Lucy']);
    const { plan, summary } = planSummary(s1, { today: TODAY });
    expect(planSummary(s1, { today: TODAY })).toEqual({ plan, summary }); // pure: same snapshot, same plan
    const comments = f.sections.some((sec) => sec.items.some((i) => i.fields.includes('comment'))) ? ['Comments'] : [];
    expect(plan.tabs.map((t) => t.name)).toEqual(['Summary', ...comments, 'Improvement Plan', 'PR_Meta']);
    // no cell a person typed is in the plan
    for (const t of plan.tabs) for (const b of t.blocks) expect(b.owner, t.name).toBe('generated');
    wb.applyNow(plan);
    expect(typedCells(wb, inputTabs)).toEqual(before);

    const report = scoreReview(f, read.review.responses);
    // the model's items are core's figures plus each item's wording
    expect(summary.items.map(({ text: _text, ...rest }) => rest)).toEqual(report.items);
    expect(summary.items.map((i) => i.text)).toEqual(
      f.sections
        .flatMap((s) => s.items)
        .filter((i) => i.fields.includes('score'))
        .map((i) => i.text),
    );
    expect(summary.overall).toEqual(report.overall);
    for (const item of report.items) {
      const r = summaryRow(wb, item.id);
      expect(wb.getCell('Summary', r, 3), item.id).toBe(item.n);
      expect(wb.getCell('Summary', r, 4), item.id).toBe(item.missing);
      expect(wb.getCell('Summary', r, 5), item.id).toBe(item.mean ?? '');
      for (const c of [3, 4, 5, 6, 7, 8, 9]) expect(wb.getFormula('Summary', r, c), `${item.id} col ${c}`).toMatch(/^=/);
    }
    const { count, functions } = expectFormulasMatch(wb, 'Summary');
    if (report.items.length > 0) {
      expect(count).toBeGreaterThan(report.items.length * 10);
      for (const fn of functions)
        expect(['SUM', 'IF', 'AND', 'INT', 'SQRT', 'AVERAGE', 'IFERROR', 'ISNUMBER', 'COUNT', 'COUNTA', 'COUNTIF', 'COUNTIFS']).toContain(
          fn,
        );
    }
    // formula-looking text is shown as text on the Summary, never as a formula
    for (const [r, c, cell] of wb.tab('Summary').entries())
      if (typeof cell.value === 'string' && cell.value.includes('HYPERLINK')) expect(cell.formula, `Summary!${a1(r, c)}`).toBeUndefined();
    if (f.sections.length > 0) {
      const at = keyCol(wb, 'Responses', 'respondent');
      expect(at.row).toBe(5);
    }

    // plan: rows drafted for the weak items, risks and tracker rows
    const planRows = summary.plan;
    expect(planRows.length, 'drafted plan rows').toBeGreaterThan(0);
    const planTab = wb.tab('Improvement Plan');
    expect(
      planTab
        .values()
        .slice(4)
        .filter((r) => r.some((x) => x !== null)),
    ).toHaveLength(planRows.length);
    if (planRows.length > 0) {
      expect(planRows.every((r) => r.origin === 'drafted')).toBe(true);
      expect(planTab.hiddenColumns.has(18)).toBe(true); // R: the fingerprint, after the three carry-forward columns
      // a person edits a drafted row, fills a key contact in another, and adds a row of their own
      wb.setCell('Improvement Plan', 5, 5, 'Our own wording of the action, by 30/09/2026');
      if (planRows.length > 1) wb.setCell('Improvement Plan', 6, 7, 'Helen Kay');
      const own = 5 + planRows.length + 2;
      wb.setCell('Improvement Plan', own, 2, 'Part 2 Partnership');
      wb.setCell('Improvement Plan', own, 5, INJECTION);
      wb.setCell('Improvement Plan', own, 7, 'Jo');
      const typedPlan = typedCells(wb, ['Improvement Plan']);
      const again = planImprovement(snap(wb), { today: TODAY });
      wb.applyNow(again.plan);
      const after = typedCells(wb, ['Improvement Plan']);
      // every cell a person typed in the plan columns is byte for byte the same
      for (const [k, val] of typedPlan) {
        const col = /!([A-Z]+)\d+$/.exec(k)![1]!;
        if (!['P', 'Q', 'R'].includes(col)) expect(after.get(k), k).toBe(val);
      }
      expect(again.rows[0]!.origin).toBe('edited');
      // a row nobody touched is still the add-in's: refreshed, not frozen
      if (planRows.length > 2) expect(again.rows[2]!.origin).toBe('drafted');
      expect(again.rows.at(-1)!.origin).toBe('added');
      expect(wb.getCell('Improvement Plan', own, 17)).toBe('Added by hand');
      expect(wb.getCell('Improvement Plan', 5, 17)).toMatch(/edited, kept as typed/);
      expect(wb.getFormula('Improvement Plan', own, 5)).toBeUndefined();
    }
  });
});

describe('entries core reads but the live formulas cannot count', () => {
  it('are warned about at their cell, and count once retyped', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann', 'Bob'] });
    wb.setCell('Responses', 6, 4, '  Strong ');
    wb.setCell('Responses', 7, 4, '2');
    const result = checkReview(snap(wb), TODAY);
    // reminders, not errors: each names the respondent and the item beside the cell
    expect(result.errorLines).toEqual([]);
    expect(result.reminderLines).toContain(
      "Responses!D6: Ann, ASPIRE: “  Strong ” is read as 3, but the Summary's live figures cannot count it as typed (extra spaces, or a number stored as text). Retype it as 3 or “strong”, or pick it from the dropdown.",
    );
    expect(result.lines.some((l) => l.startsWith('Responses!D7: Reminder: Bob, ASPIRE: “2” is read as 2'))).toBe(true);
    wb.setCell('Responses', 6, 4, 'STRONG');
    wb.setCell('Responses', 7, 4, 2);
    // only the unanswered questions are left to chase: THINK … DELIVER for both
    expect(checkReview(snap(wb), TODAY).lines).toEqual([
      'Responses!A6: Reminder: Ann: 5 of 6 items unanswered.',
      'Responses!A7: Reminder: Bob: 5 of 6 items unanswered.',
    ]);
    wb.applyNow(planSummary(snap(wb), { today: TODAY }).plan);
    expectFormulasMatch(wb, 'Summary');
    expect(wb.getCell('Summary', summaryRow(wb, 'ASPIRE'), 5)).toBe(2.5);
  });
});

describe('summarise twice', () => {
  it('gives the same workbook apart from the revision stamp', () => {
    const f = builtinFrameworks().find((x) => x.id === 'partnership-tree')!;
    const wb = newReview({ framework: f.id, respondents: ['Ann', 'Bob', 'Cat'] });
    fillEntry(wb, f, ['Ann', 'Bob', 'Cat']);
    wb.applyNow(planSummary(snap(wb), { today: TODAY }).plan);
    const first = wb.allCells();
    wb.applyNow(planSummary(snap(wb), { today: TODAY }).plan);
    const second = wb.allCells();
    const revision = `PR_Meta!B4`;
    expect(first.get(revision)).toEqual({ value: 2 });
    expect(second.get(revision)).toEqual({ value: 3 });
    first.delete(revision);
    second.delete(revision);
    expect(second).toEqual(first);
    expect(wb.tab('Summary').charts).toHaveLength(1);
    expect(rowOf(wb, 'Summary', 'Overall')).toBeGreaterThan(0);
  });
});
