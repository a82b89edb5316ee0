/**
 * One review, three hosts: the same framework and the same typed responses give the same Summary and Improvement
 * Plan cells in Google Sheets (the BUILT add-on in a vm, on the Apps Script fake), Excel (the Office.js adapter on
 * its recording fake) and an .xlsx file (the ExcelJS host). A cell is compared as what a person would find in it:
 * the formula (without the `_xlfn.` prefix .xlsx files carry) or the value.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck, runCreate, runPlan, runSummarise } from '../core/operations/index.js';
import type { Host } from '../core/host/types.js';
import type { CellValue } from '../core/review/types.js';
import { ENTRY_ROWS } from '../core/sheet-plan/layout.js';
import { ExcelHost } from '../excel-addin/adapter/index.js';
import { XlsxHost } from '../file-host/xlsx-host.js';
import { buildSheetsAddon } from '../sheets-addon/build.js';
import { FakeOffice, FakeWorkbookState } from './excel-addin/fake-office.js';
import { FakeAppsScript } from './sheets-addon/fake-apps-script.js';
import { loadAddon } from './sheets-addon/load-addon.js';

const TODAY = '2026-05-12';
/** What the person is told after create, check, summarise and plan: must be word for word the same on every host. */
type Said = { op: string; ok: boolean; message: string; problems: string[]; tabsWritten: string[] }[];
function said(
  op: string,
  o: { ok: boolean; message: string; problems: { cell: string; message: string }[]; tabsWritten: string[] },
): Said[number] {
  return { op, ok: o.ok, message: o.message, problems: o.problems.map((p) => `${p.cell}: ${p.message}`), tabsWritten: o.tabsWritten };
}
const TABS = ['Summary', 'Comments', 'Improvement Plan'];

interface Scenario {
  name: string;
  framework: string;
  partnerships: string[];
  respondents: string[];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'partnership tree, one partnership',
    framework: 'partnership-tree',
    partnerships: ['Kensington and Chelsea Partnership'],
    respondents: ['Ann Smith', 'Ben Jones', 'Cara Patel', 'Dev Shah', 'Ed Long'],
  },
  {
    name: 'hallmarks, two partnerships',
    framework: 'hallmarks',
    partnerships: ['Community Safety Partnership', 'Children’s Trust'],
    respondents: ['Fay', 'Gus', 'Hal', 'Ida'],
  },
];

/** What a cell holds, as a person would see it in the formula bar. */
type Cells = Record<string, string>;

function show(v: CellValue | Date | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  // ExcelJS turns a number shown as a date into a Date: the cell holds the serial number, as in the other hosts
  if (v instanceof Date) return String(Math.round(v.getTime() / 86_400_000 + 25_569));
  return String(v);
}

function formula(f: string): string {
  return `=${f.replace(/^=/, '').replace(/_xlfn\./g, '')}`;
}

/** The machine keys of the Responses columns ("ASPIRE|score"), by column, from the hidden key row. */
type Keys = { col: number; key: string }[];

/** What the respondents type: the partnership (when there are several), a score per item, a comment on some. */
function typed(s: Scenario, keys: Keys): { row: number; col: number; value: string | number }[] {
  const out: { row: number; col: number; value: string | number }[] = [];
  s.respondents.forEach((_, r) => {
    const row = ENTRY_ROWS.firstData + r;
    if (s.partnerships.length > 1) out.push({ row, col: 2, value: s.partnerships[r % s.partnerships.length]! });
    keys.forEach(({ col, key }, i) => {
      if (key.endsWith('|score')) out.push({ row, col, value: ((r * 2 + i) % 3) + 1 });
      else if (key.endsWith('|comment') && (r + i) % 3 === 1) {
        out.push({ row, col, value: r === 0 ? '=HYPERLINK("http://evil.example","x")' : `Comment ${r + 1} on column ${col}` });
      }
    });
  });
  return out;
}

async function inSheets(s: Scenario, code: string): Promise<{ cells: Record<string, Cells>; keys: Keys; said: Said }> {
  const fake = new FakeAppsScript();
  const pr = loadAddon(code, fake, TODAY);
  const created = pr.prCreate({
    frameworkId: s.framework,
    partnerships: s.partnerships,
    respondents: s.respondents,
    cycle: '2026/27',
    protect: true,
  });
  expect(created.ok, created.message).toBe(true);
  const responses = fake.spreadsheet._sheet('Responses');
  const keys: Keys = [];
  for (let c = 1; c <= responses._maxCols; c++) {
    const k = responses._text(ENTRY_ROWS.key, c);
    if (k.includes('|')) keys.push({ col: c, key: k });
  }
  // typed as a person types: a comment that starts with "=" needs the apostrophe to stay text
  for (const t of typed(s, keys)) {
    responses.getRange(t.row, t.col, 1, 1).setValues([[typeof t.value === 'string' && t.value.startsWith('=') ? `'${t.value}` : t.value]]);
  }
  const told: Said = [said('create', created), said('check', pr.prCheck()), said('summarise', pr.prSummarise()), said('plan', pr.prPlan())];
  expect(told.map((t) => t.ok)).toEqual([true, true, true, true]);
  const cells: Record<string, Cells> = {};
  for (const tab of TABS) {
    const sheet = fake.spreadsheet._sheet(tab);
    const out: Cells = {};
    for (const [k, cell] of sheet._cells) {
      const text = cell.formula !== null ? formula(cell.formula) : show(cell.value);
      if (text !== null) out[k.replace(':', ',')] = text;
    }
    cells[tab] = out;
  }
  return { cells, keys, said: told };
}

/** The async hosts run core's flows through run.ts (the Sheets server runs the same flows synchronously). */
async function runAll(host: Host, s: Scenario, typeIn: () => void, told: Said): Promise<void> {
  told.push(
    said(
      'create',
      (
        await runCreate(host, {
          framework: s.framework,
          partnerships: s.partnerships,
          respondents: s.respondents,
          cycle: '2026/27',
          protect: true,
          today: TODAY,
        })
      ).outcome,
    ),
  );
  typeIn();
  told.push(said('check', (await runCheck(host, TODAY)).outcome));
  told.push(said('summarise', (await runSummarise(host, { today: TODAY })).outcome));
  told.push(said('plan', (await runPlan(host, { today: TODAY })).outcome));
}

async function inExcel(s: Scenario, keys: Keys, told: Said): Promise<Record<string, Cells>> {
  const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
  const host = new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9') });
  await runAll(
    host,
    s,
    () => {
      const responses = fake.state.sheet('Responses');
      for (const t of typed(s, keys)) responses.set(t.row, t.col, { value: t.value });
    },
    told,
  );
  const cells: Record<string, Cells> = {};
  for (const tab of TABS) {
    const sheet = fake.state.sheet(tab);
    const out: Cells = {};
    for (const [k, cell] of sheet.cells) {
      const text = cell.formula !== undefined ? formula(cell.formula) : show(cell.value);
      if (text !== null) out[k] = text;
    }
    cells[tab] = out;
  }
  return cells;
}

function xlsxText(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  // ExcelJS turns a number shown as a date into a Date: the cell holds the serial number, as in the other hosts
  if (v instanceof Date) return String(Math.round(v.getTime() / 86_400_000 + 25_569));
  if (typeof v === 'object') {
    if ('formula' in v && typeof v.formula === 'string') return formula(v.formula);
    if ('sharedFormula' in v) throw new Error('shared formulas are not expected in a plan-written workbook');
    if ('richText' in v) return v.richText.map((t) => t.text).join('') || null;
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
  }
  return show(v as CellValue);
}

async function inXlsx(s: Scenario, keys: Keys, told: Said): Promise<Record<string, Cells>> {
  const host = XlsxHost.create();
  host.workbook.addSheet('Sheet1');
  await runAll(
    host,
    s,
    () => {
      for (const t of typed(s, keys)) host.type('Responses', t.row, t.col, t.value);
    },
    told,
  );
  // read the saved file with another library, as a person's spreadsheet program would
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.toBytes()) as unknown as ExcelJS.Buffer);
  const cells: Record<string, Cells> = {};
  for (const tab of TABS) {
    const ws = wb.getWorksheet(tab)!;
    const out: Cells = {};
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const text = xlsxText(cell.value);
        if (text !== null) out[`${r},${c}`] = text;
      });
    });
    cells[tab] = out;
  }
  return cells;
}

let code: string;
beforeAll(async () => {
  code = readFileSync((await buildSheetsAddon()).codeJs, 'utf8');
});

describe.each(SCENARIOS)('the same review in Google Sheets, Excel and an .xlsx file: $name', (s) => {
  let sheets: Record<string, Cells>;
  let excel: Record<string, Cells>;
  let xlsx: Record<string, Cells>;
  let told: { sheets: Said; excel: Said; xlsx: Said };
  beforeAll(async () => {
    const g = await inSheets(s, code);
    sheets = g.cells;
    told = { sheets: g.said, excel: [], xlsx: [] };
    excel = await inExcel(s, g.keys, told.excel);
    xlsx = await inXlsx(s, g.keys, told.xlsx);
  });

  it('tells the person the same thing, word for word, after every operation on every host', () => {
    expect(told.sheets.map((t) => t.op)).toEqual(['create', 'check', 'summarise', 'plan']);
    expect(told.sheets[0]!.message).toBe(
      `Review created for ${s.partnerships.length === 1 ? s.partnerships[0] : `${s.partnerships.length} partnerships`} (2026/27): ${s.respondents.length} respondents. Type the entries on the Responses tab, then choose Check entries.`,
    );
    expect(told.sheets[3]!.tabsWritten).toEqual(['Improvement Plan', 'PR_Meta']);
    // check in two kinds: every typed score is on the scale and every question answered, so no error and no reminder
    expect(told.sheets[1]!.message).toBe('No errors: every entry can be scored, and nothing is left to chase.');
    expect(told.excel).toEqual(told.sheets);
    expect(told.xlsx).toEqual(told.sheets);
  });

  it.each(TABS)('gives the same %s cells in every host', (tab) => {
    expect(Object.keys(sheets[tab]!).length).toBeGreaterThan(20);
    expect(excel[tab]).toEqual(sheets[tab]);
    expect(xlsx[tab]).toEqual(sheets[tab]);
  });

  it('drafted improvement actions and kept the formula-like comment as text everywhere', () => {
    // refs a person can read and quote: "Hallmark 2 – Children's Trust", "ASPIRE"; never an internal key
    const refs = Object.entries(sheets['Improvement Plan']!)
      .filter(([k]) => k.endsWith(',1') && Number(k.split(',')[0]) >= 5)
      .map(([, v]) => v);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.some((v) => /item:|\|/.test(v))).toBe(false);
    if (s.framework === 'hallmarks')
      expect(refs.every((v) => /^Hallmark [1-6] – (Community Safety Partnership|Children’s Trust)$/.test(v))).toBe(true);
    // comments are listed by score on the Comments tab (issue #13), the Summary says where
    const risky = (cells: Record<string, Cells>) =>
      [...Object.values(cells.Summary!), ...Object.values(cells.Comments ?? {})].filter((v) => v.includes('HYPERLINK'));
    if (s.framework === 'partnership-tree') expect(risky(sheets).length).toBeGreaterThan(0);
    for (const host of [sheets, excel, xlsx]) for (const v of risky(host)) expect(v.startsWith('=')).toBe(false);
  });
});
