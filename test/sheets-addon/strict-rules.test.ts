/**
 * The built add-on on the strict Apps Script fake: the rules real Sheets enforces (merges and frozen panes,
 * protection editors, who may remove a protection) and writes that fail part-way — each failing on the code before
 * this change and passing now.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { buildSheetsAddon, type SheetsBuild } from '../../sheets-addon/build.js';
import type { CreateForm, OperationOutcome } from '../../ui/bridge.js';
import { FakeAppsScript, type FakeOptions, type FakeSheet } from './fake-apps-script.js';
import { loadAddon, type AddonGlobals } from './load-addon.js';

let built: SheetsBuild;
let code: string;

beforeAll(async () => {
  built = await buildSheetsAddon();
  code = readFileSync(built.codeJs, 'utf8');
});

function form(respondents: string[], protect = false, frameworkId = 'partnership-tree', respondentCount?: number): CreateForm {
  return {
    frameworkId,
    partnerships: ['Kensington and Chelsea'],
    respondents,
    ...(respondentCount ? { respondentCount } : {}),
    cycle: '2026/27',
    protect,
  };
}

function start(opts: FakeOptions = {}): { fake: FakeAppsScript; pr: AddonGlobals } {
  const fake = new FakeAppsScript({ htmlDir: built.outDir, ...opts });
  return { fake, pr: loadAddon(code, fake) };
}

const names = (fake: FakeAppsScript): string[] => fake.spreadsheet.getSheets().map((s: FakeSheet) => s.getName());

function grid(sheet: FakeSheet): string[][] {
  const used = sheet._used();
  return Array.from({ length: used.rows }, (_, r) => Array.from({ length: used.cols }, (_, c) => sheet._text(r + 1, c + 1)));
}

/** Throw `message` the `nth` time `call` is made (a quota, a timeout, a refusal in the middle of a write). */
function failOn(fake: FakeAppsScript, call: string, nth = 1, message = 'Service Spreadsheets timed out while accessing document'): void {
  let n = 0;
  fake.onCall = (name) => {
    if (name === call && ++n === nth) throw new Error(message);
  };
}

/** Score every list-validated cell of the first `rows` data rows on each tab with the list's first value. */
function typeFirstChoices(fake: FakeAppsScript, rows: number): void {
  for (const sheet of fake.spreadsheet._sheets) {
    const top = new Map<string, { col: number; row: number; value: string }>();
    for (const [k, cell] of sheet._cells) {
      const v = cell.validation;
      if (!v || v._criteria !== 'VALUE_IN_LIST') continue;
      const [r, c] = k.split(':').map(Number) as [number, number];
      const id = `${c}`;
      const seen = top.get(id);
      if (!seen || r < seen.row) top.set(id, { col: c, row: r, value: (v._args[0] as string[])[0]! });
    }
    for (const t of top.values()) sheet.getRange(t.row, t.col, rows, 1).setValues(Array.from({ length: rows }, () => [`'${t.value}`]));
  }
}

describe('merges and frozen panes (Sheets refuses to freeze part of a merged cell)', () => {
  it('creates the Responses tab with the respondent column frozen and no merge across it', () => {
    const { fake, pr } = start();
    expect(pr.prCreate(form([], false, 'partnership-tree', 3)).ok).toBe(true);
    const r = fake.spreadsheet._sheet('Responses');
    expect([r._frozenRows, r._frozenCols]).toEqual([5, 1]);
    expect(r._merges.filter((m) => m.col <= 1 && m.col + m.cols - 1 > 1)).toEqual([]);
    expect(r._text(3, 1)).toBe('One row per respondent. Add rows below the last one as needed.');
  });
});

describe('per-respondent protection, as Google documents it', () => {
  const people = ['Ann <ann@example.org>', 'Bob <bob@example.org>', 'Respondent 3'];

  it('adds the co-ordinator first, so access through a group does not throw, and says who can still edit', () => {
    const { fake, pr } = start({
      owner: 'owner@example.org',
      user: 'coordinator@example.org',
      viaGroup: 'team@example.org',
      editors: ['ann@example.org', 'bob@example.org'],
    });
    const out = pr.prCreate(form(people, true));
    expect(out.ok, out.message).toBe(true);
    const rows = fake.spreadsheet._sheet('Responses')._protections.filter((p) => p._type === 'RANGE');
    expect(rows.map((p) => [p._range!.getA1Notation(), p._editors, p._warningOnly])).toEqual([
      ['A6:O6', ['owner@example.org', 'coordinator@example.org', 'ann@example.org'], false],
      ['A7:O7', ['owner@example.org', 'coordinator@example.org', 'bob@example.org'], false],
    ]);
    expect(out.message).toContain(
      "Each respondent's row on Responses that holds an e-mail address can now be changed only by that respondent, the spreadsheet's owner and you",
    );
    expect(out.message).toContain('Respondents need edit access to this spreadsheet');
  });

  it('fails plainly and puts everything back when a row cannot be limited — never quietly warning-only', () => {
    const { fake, pr } = start();
    failOn(fake, 'Protection.addEditors', 2, 'Service error: Spreadsheets');
    const out = pr.prCreate(form(people, true));
    fake.onCall = null;
    expect(out.ok).toBe(false);
    expect(out.message).toBe(
      "Something went wrong while writing: Responses row 7 could not be limited to bob@example.org (Service error: Spreadsheets). Create the review without protecting each respondent's row, or ask the spreadsheet's owner to create it. Nothing was changed: the add-in put back what it had started to write.",
    );
    expect(names(fake)).toEqual(['Sheet1']);
    expect([...fake.spreadsheet._named.keys()]).toEqual([]);
    // and a retry is not refused by half-built tabs
    expect(pr.prCreate(form(people, true)).ok).toBe(true);
  });

  it('tells a second co-ordinator plainly when a protection they are not an editor of stands in the way', () => {
    const { fake, pr } = start({ owner: 'owner@example.org', editors: ['colleague@example.org'] });
    pr.prCreate(form([], false, 'partnership-tree', 3));
    expect(pr.prSummarise().ok).toBe(true);
    const p = fake.spreadsheet._sheet('Summary').protect().setDescription('Owner only');
    p.removeEditors(p.getEditors());
    const before = grid(fake.spreadsheet._sheet('Summary'));
    (fake as unknown as { _user: string })._user = 'colleague@example.org';
    const out = pr.prSummarise();
    expect(out.ok).toBe(false);
    expect(out.message).toBe(
      'The tab "Summary" has a protection you are not an editor of, so the add-in cannot rebuild it for you. Ask the spreadsheet\'s owner (or whoever set the protection) to run this, or to add you as an editor of that protection (Data > Protect sheets and ranges). Nothing was changed.',
    );
    expect(grid(fake.spreadsheet._sheet('Summary'))).toEqual(before);
  });
});

describe('a write that fails part-way leaves the spreadsheet as it was', () => {
  it('create: deletes the tabs it had made, so a retry works', () => {
    const { fake, pr } = start();
    failOn(fake, 'Sheet.setFrozenRows', 2);
    const out = pr.prCreate(form([], false, 'partnership-tree', 4));
    fake.onCall = null;
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/Nothing was changed: the add-in put back what it had started to write\.$/);
    expect(names(fake)).toEqual(['Sheet1']);
    expect(pr.prCreate(form([], false, 'partnership-tree', 4)).ok).toBe(true);
  });

  it('summarise: the old Summary stays until the new one is complete; no half-built tab is left', () => {
    const { fake, pr } = start();
    pr.prCreate(form([], false, 'partnership-tree', 4));
    fake.spreadsheet
      ._sheet('Responses')
      .getRange(6, 4, 1, 2)
      .setValues([[3, 'Good']]);
    expect(pr.prSummarise().ok).toBe(true);
    const tabs = names(fake);
    const summary = grid(fake.spreadsheet._sheet('Summary'));
    const plan = grid(fake.spreadsheet._sheet('Improvement Plan'));
    fake.spreadsheet
      ._sheet('Responses')
      .getRange(7, 4, 1, 2)
      .setValues([[1, 'Weak']]);
    failOn(fake, 'Sheet.insertChart');
    const out = pr.prSummarise();
    fake.onCall = null;
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/Nothing was changed: the add-in put back what it had started to write\.$/);
    expect(names(fake)).toEqual(tabs);
    expect(grid(fake.spreadsheet._sheet('Summary'))).toEqual(summary);
    expect(grid(fake.spreadsheet._sheet('Improvement Plan'))).toEqual(plan);
  });

  it('summarise failing after the plan tab was formatted: its cells put back, and the message says its formatting may be part-applied', () => {
    const { fake, pr } = start();
    pr.prCreate(form([], false, 'partnership-tree', 4));
    fake.spreadsheet
      ._sheet('Responses')
      .getRange(6, 4, 1, 2)
      .setValues([[3, 'Good']]);
    expect(pr.prSummarise().ok).toBe(true);
    const tabs = names(fake);
    const summary = grid(fake.spreadsheet._sheet('Summary'));
    const plan = grid(fake.spreadsheet._sheet('Improvement Plan'));
    fake.spreadsheet
      ._sheet('Responses')
      .getRange(7, 4, 1, 2)
      .setValues([[1, 'Weak']]);
    failOn(fake, 'Sheet.hideSheet'); // the rebuilt PR_Meta is hidden last of all, after the plan tab was written
    const out = pr.prSummarise();
    fake.onCall = null;
    expect(out.ok).toBe(false);
    expect(out.message).toBe(
      'Something went wrong while writing: Service Spreadsheets timed out while accessing document. The add-in put back every cell it had started to write, but on the tab "Improvement Plan" the formatting, drop-down lists, highlighting or protection may be part-applied (the same the add-in sets each time): the rest of the workbook is as it was.',
    );
    expect(names(fake)).toEqual(tabs);
    expect(grid(fake.spreadsheet._sheet('Summary'))).toEqual(summary);
    expect(grid(fake.spreadsheet._sheet('Improvement Plan'))).toEqual(plan);
  });

  it('says which tabs may be part-written when it cannot put them back', () => {
    const { fake, pr } = start();
    let failing = false;
    fake.onCall = (name) => {
      if (name === 'Sheet.setFrozenRows') failing = true;
      if (failing && (name === 'Sheet.setFrozenRows' || name === 'Spreadsheet.deleteSheet')) throw new Error('Service Spreadsheets failed');
    };
    const out = pr.prCreate(form([], false, 'partnership-tree', 4));
    fake.onCall = null;
    expect(out.ok).toBe(false);
    expect(out.message).toBe(
      'Something went wrong while writing: Service Spreadsheets failed. The add-in could not put everything back. It had added the tabs "Instructions" and "Responses", which may be part-written: delete them and try again.',
    );
  });
});

describe('create → check → summarise → plan on the strict fake, every framework', () => {
  for (const fw of builtinFrameworks()) {
    it(fw.id, () => {
      const { fake, pr } = start({ owner: 'owner@example.org', editors: ['ann@example.org'] });
      const steps: [string, OperationOutcome][] = [];
      steps.push(['create', pr.prCreate(form(['Ann <ann@example.org>', 'Bob'], true, fw.id))]);
      typeFirstChoices(fake, 2);
      steps.push(['check', pr.prCheck()], ['summarise', pr.prSummarise()], ['plan', pr.prPlan()]);
      for (const [step, out] of steps) expect(out.ok, `${step}: ${out.message}`).toBe(true);
      expect(names(fake)).toContain('Summary');
      expect(names(fake).some((n) => n.includes('being rebuilt'))).toBe(false);
    });
  }
});
