/**
 * The local bridge over the in-memory workbook: the whole flow as the task pane drives it, and every kind of
 * failure turned into a plain-English outcome.
 */
import { describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import { LayoutChangedError } from '../../core/operations/types.js';
import { entryColumns } from '../../core/sheet-plan/layout.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import type { CreateForm } from '../../ui/bridge.js';
import { frameworkChoices, makeLocalBridge, sortProblems } from '../../ui/bridge-local.js';
import { LAYOUT_CHANGED_FIX, NOT_A_REVIEW_FIX } from '../../ui/errors.js';

const clock = () => new Date(2026, 4, 15, 10, 0);
const form: CreateForm = {
  frameworkId: 'partnership-tree',
  partnerships: ['Kensington and Chelsea LSP'],
  respondents: ['Ann Smith', 'Ben Jones', 'Cara Patel'],
  cycle: '2026/27',
  protect: true,
};
const scoreCol = (item: string) =>
  entryColumns(getFramework('partnership-tree')).find((c) => c.itemId === item && c.field === 'score')!.col;

describe('frameworkChoices', () => {
  it('lists every built-in with its description, source and number of scored items', () => {
    const list = frameworkChoices();
    const tree = list.find((f) => f.id === 'partnership-tree')!;
    expect(tree).toEqual({
      id: 'partnership-tree',
      title: 'Partnership tree self-assessment',
      description: getFramework('partnership-tree').description,
      source: 'Kensington and Chelsea LSP, outputs from the partnership framework pilot workshop, 22nd February 2008',
      items: 6,
      multiplePartnerships: false,
    });
    expect(list.find((f) => f.id === 'hallmarks')).toMatchObject({ items: 67, multiplePartnerships: true });
  });
});

describe('makeLocalBridge over the in-memory workbook', () => {
  it('creates, checks, summarises and plans, with progress', async () => {
    const book = new MemoryWorkbook(['Sheet1']);
    const bridge = makeLocalBridge(book, 'Browser preview', clock);
    expect(bridge.hostName).toBe('Browser preview');
    const stages: string[] = [];
    const created = await bridge.create(form, (e) => stages.push(e.stage));
    expect(created).toMatchObject({ ok: true, problems: [] });
    expect(created.message).toBe(
      'Review created for Kensington and Chelsea LSP (2026/27): 3 respondents. Type the entries on the Responses tab, then choose Check entries.',
    );
    expect(created.tabsWritten).toEqual(expect.arrayContaining(['Instructions', 'Responses', 'Summary', 'Improvement Plan', 'PR_Meta']));
    expect(stages).toEqual(['reading', 'computing', 'writing', 'done']);

    // scores: ASPIRE 3,3,2; THINK 2,7,2 (7 is off the 1–3 scale); DELIVER 1,2,1
    const put = (item: string, values: number[]) => values.forEach((v, i) => book.setCell('Responses', 6 + i, scoreCol(item), v));
    put('ASPIRE', [3, 3, 2]);
    put('THINK', [2, 7, 2]);
    put('DELIVER', [1, 2, 1]);

    const checked = await bridge.check();
    expect(checked.ok).toBe(true);
    // one error (the 7) and three reminders: each respondent left LEAD, COLLABORATE and ACCOUNT unanswered
    expect(checked.message).toBe('1 error to fix: choose it to go to its cell. 3 reminders below.');
    expect(checked.problems.map((p) => p.severity)).toEqual(['error', 'warning', 'warning', 'warning']);
    expect(checked.problems[0]).toMatchObject({ severity: 'error', cell: 'Responses!F7', at: { sheet: 'Responses', row: 7, col: 6 } });
    // every line names the respondent (row 7 is the second, Ben Jones) and the question beside the cell
    expect(checked.problems[0]!.message).toMatch(/^Ben Jones, THINK: “7” is not on the scale\./);

    await bridge.select(checked.problems[0]!.at!);
    expect(book.selected).toEqual({ sheet: 'Responses', row: 7, col: 6 });

    // means: ASPIRE 8/3, THINK 2 (the 7 is not scored), DELIVER 4/3; overall = (8/3 + 2 + 4/3) / 3 = 2; 50 % → Amber
    const summarised = await bridge.summarise();
    expect(summarised.ok).toBe(true);
    expect(summarised.message).toMatch(/^Summary built: 3 respondents, overall 2 \(Amber\); \d+ actions? on the Improvement Plan tab\.$/);
    expect(summarised.tabsWritten).toEqual(expect.arrayContaining(['Summary', 'Improvement Plan']));

    const planned = await bridge.plan();
    expect(planned.ok).toBe(true);
    // areas for improvement: THINK (Amber, 50 %) and DELIVER (Red, 16.7 %); ASPIRE is Green
    expect(planned.message).toMatch(/^Improvement plan drafted: 2 actions\. /);
  });

  it('an empty workbook is not a review: the reason and the fix, nothing thrown', async () => {
    const bridge = makeLocalBridge(new MemoryWorkbook(['Sheet1']), 'Browser preview', clock);
    for (const o of [await bridge.check(), await bridge.summarise(), await bridge.plan()]) {
      expect(o.ok).toBe(false);
      expect(o.message.endsWith(NOT_A_REVIEW_FIX)).toBe(true);
      expect(o.problems).toEqual([]);
    }
  });

  it('creating over an existing review says so and changes nothing', async () => {
    const book = new MemoryWorkbook();
    const bridge = makeLocalBridge(book, 'Browser preview', clock);
    await bridge.create(form);
    const before = book.allCells();
    const again = await bridge.create(form);
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/Nothing was changed\.$/);
    expect(again.message).not.toMatch(/Something went wrong/);
    expect(book.allCells()).toEqual(before);
  });

  it('a layout changed underneath: try again', async () => {
    const book = new MemoryWorkbook();
    await makeLocalBridge(book, 'x', clock).create(form);
    const host = Object.assign(Object.create(book) as MemoryWorkbook, {
      apply: async () => {
        throw new LayoutChangedError('Responses!D5 changed while the summary was being built.');
      },
    });
    const o = await makeLocalBridge(host, 'x', clock).summarise();
    expect(o).toEqual({
      ok: false,
      message: `Responses!D5 changed while the summary was being built. ${LAYOUT_CHANGED_FIX}`,
      problems: [],
      tabsWritten: [],
    });
  });

  it('anything else: "Something went wrong", never a stack', async () => {
    const host = Object.assign(new MemoryWorkbook(), {
      read: async () => {
        throw new TypeError('the host is gone\n    at read (host.ts:1:1)');
      },
    });
    const o = await makeLocalBridge(host, 'x', clock).create(form);
    expect(o.message).toBe('Something went wrong: The host is gone. Nothing was changed.');
    expect(o.message).not.toContain('host.ts');
  });

  it('passes a respondent count for blank numbered rows', async () => {
    const book = new MemoryWorkbook();
    const o = await makeLocalBridge(book, 'x', clock).create({ ...form, respondents: [], respondentCount: 4 });
    expect(o.message).toContain(': 4 respondents.');
    expect(book.getCell('Responses', 9, 1)).toBe('Respondent 4');
  });
});

describe('sortProblems', () => {
  it('puts errors before warnings, keeping order within each', () => {
    const p = (severity: 'error' | 'warning', cell: string) => ({ severity, cell, message: '', at: null });
    expect(sortProblems([p('warning', 'A1'), p('error', 'B2'), p('warning', 'C3'), p('error', 'D4')]).map((x) => x.cell)).toEqual([
      'B2',
      'D4',
      'A1',
      'C3',
    ]);
  });
});
