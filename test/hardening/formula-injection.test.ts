/**
 * Formula injection (issue 7): text beginning with `=`, `+`, `-` or `@` that arrives as respondent names, a
 * partnership name, comments (quoted again on the Summary and in drafted actions) and plan rows people typed is
 * written back as text by every host — never as a formula.
 *
 * Each host runs the same scenario (support/scenario.ts): create → people type → summarise → people edit the plan →
 * regenerate twice. Then:
 * - every formula in the workbook is one core put in a plan (so none came from text);
 * - no formula holds any part of a payload;
 * - Office.js `values` and Apps Script `setValues` never received an unguarded `+`, `-`, `@` string, and an `=`
 *   string only when it is core's formula;
 * - every payload reads back exactly as typed, where it was typed, and the Comments tab (issue #13: the comments
 *   left the Summary for a tab of their own) quotes them as text.
 * The ExcelJS host is also checked in the saved file: no `<f>` element holds a payload.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { hostText, needsTextGuard } from '../../core/sheet-plan/text-guard.js';
import { run } from '../../file-host/cli/run.js';
import { memoryRig, officeRig, sheetsRig, xlsxRig, type Rig } from './support/rigs.js';
import {
  IMPORT_TABLE,
  PARTNERSHIP,
  PAYLOADS,
  PAYLOAD_MARKS,
  RESPONDENTS,
  runImportScenario,
  runInjectionScenario,
  stringsOnTab,
  valueAt,
  type ScenarioResult,
} from './support/scenario.js';

function expectOnlyCoreFormulas(rig: Rig, r: ScenarioResult): void {
  const formulas = rig.formulas();
  expect(formulas.length).toBeGreaterThan(0); // the Summary's live formulas
  const foreign = formulas.filter((f) => !r.allowedFormulas.has(f.formula));
  expect(foreign, `${rig.name}: formulas that core never planned`).toEqual([]);
  for (const f of formulas) for (const m of PAYLOAD_MARKS) expect(f.formula, `${f.sheet} row ${f.row} col ${f.col}`).not.toContain(m);
}

function expectPayloadsReadBack(r: ScenarioResult): void {
  for (const t of r.typed.values()) {
    // what people typed is where they typed it, unchanged (the plan rows included)
    expect(valueAt(r.final, t.sheet, t.row, t.col), `${t.sheet} row ${t.row} col ${t.col}`).toBe(t.value);
  }
  // names written at creation
  RESPONDENTS.forEach((name, i) => expect(valueAt(r.final, 'Responses', 6 + i, 1)).toBe(name));
  expect(valueAt(r.final, 'Responses', 6, 2)).toBe(PARTNERSHIP);
  expect(stringsOnTab(r.final, 'Review Settings')).toContain(PARTNERSHIP);
  // the Comments tab quotes every comment, as text
  const comments = stringsOnTab(r.final, 'Comments').join('\n');
  for (const p of PAYLOADS) expect(comments, `Comments tab quotes ${p}`).toContain(p);
  // drafted actions quote comments too
  const plan = stringsOnTab(r.final, 'Improvement Plan').join('\n');
  expect(PAYLOADS.some((p) => plan.includes(p))).toBe(true);
}

function xmlText(x: string): string {
  return x
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe.each([
  ['Office.js (Excel)', officeRig],
  ['Apps Script (Google Sheets)', sheetsRig],
] as const)('%s: text is written through hostText', (_name, make) => {
  it('writes formula-like names, comments and plan rows as text, and only core formulas as formulas', async () => {
    const rig = make();
    const r = await runInjectionScenario(rig);
    expectOnlyCoreFormulas(rig, r);
    expectPayloadsReadBack(r);
    const typed = rig.typedStrings();
    expect(typed.length).toBeGreaterThan(0);
    // nothing reached the spreadsheet unguarded: `+ - @` only after the apostrophe, `=` only as core's formula
    expect(typed.filter((s) => /^[+\-@]/.test(s))).toEqual([]);
    expect(typed.filter((s) => s.startsWith('=') && !r.allowedFormulas.has(s))).toEqual([]);
    // each payload was handed over with the apostrophe
    for (const p of PAYLOADS) expect(typed).toContain(`'${p}`);
  });
});

describe('in-memory workbook', () => {
  it('holds formula-like text as plain values ({v} cells): only core formulas are formulas', async () => {
    const rig = memoryRig();
    const r = await runInjectionScenario(rig);
    expectOnlyCoreFormulas(rig, r);
    expectPayloadsReadBack(r);
    // every cell holding a payload anywhere is a value, not a formula
    let seen = 0;
    for (const s of rig.wb.sheets)
      for (const [, , c] of s.entries())
        if (typeof c.value === 'string' && PAYLOADS.some((p) => (c.value as string).includes(p))) {
          seen++;
          expect(c.formula).toBeUndefined();
        }
    expect(seen).toBeGreaterThan(PAYLOADS.length * 3);
  });
});

describe('ExcelJS (.xlsx file)', () => {
  it('writes formula-like text as strings, and the saved file holds no formula made of it', async () => {
    const rig = xlsxRig();
    const r = await runInjectionScenario(rig);
    expectOnlyCoreFormulas(rig, r);
    expectPayloadsReadBack(r);

    const bytes = await rig.xlsx.toBytes();
    const zip = await JSZip.loadAsync(bytes);
    const sheets = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets.length).toBeGreaterThan(3);
    let formulaCount = 0;
    for (const path of sheets) {
      const xml = await zip.file(path)!.async('string');
      for (const m of xml.matchAll(/<f\b[^>]*>([^<]*)<\/f>/g)) {
        formulaCount++;
        const f = xmlText(m[1]!);
        for (const mark of PAYLOAD_MARKS) expect(f, `${path}: <f>${m[1]}</f>`).not.toContain(mark);
      }
    }
    expect(formulaCount).toBeGreaterThan(0);
    const texts = xmlText(
      ((await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '') +
        (await Promise.all(sheets.map((p) => zip.file(p)!.async('string')))).join(''),
    );
    for (const p of PAYLOADS) expect(texts.includes(p), `${p} is stored as text in the file`).toBe(true);

    // opened again, each typed payload is a string cell
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    for (const t of r.typed.values()) {
      if (typeof t.value !== 'string') continue;
      const cell = again.getWorksheet(t.sheet)!.getCell(t.row, t.col);
      expect(cell.type, `${t.sheet} row ${t.row} col ${t.col}`).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(t.value);
    }
  });
});

/** The imported names, partnership and comments are on Responses exactly as in the export, and quoted as text on the Comments tab. */
function expectImportReadBack(r: ScenarioResult): void {
  const rows = (r.final.tabs['Responses']?.values ?? []).slice(5).filter((row) => row[0] !== null);
  const byName = new Map(rows.map((row) => [row[0], row]));
  for (const line of IMPORT_TABLE.slice(1)) {
    const row = byName.get(line[0]);
    expect(row, `imported row for ${String(line[0])}`).toBeDefined();
    expect(row![1]).toBe(PARTNERSHIP);
    expect(row![4]).toBe(line[3]); // ASPIRE comment (column E)
    expect(row![6]).toBe(line[5]); // THINK comment (column G)
  }
  const comments = stringsOnTab(r.final, 'Comments').join('\n');
  for (const p of PAYLOADS) expect(comments, `Comments tab quotes ${p}`).toContain(p);
}

describe.each([
  ['in-memory workbook', memoryRig],
  ['.xlsx file (package engine)', xlsxRig],
  ['Office.js (Excel)', officeRig],
  ['Apps Script (Google Sheets)', sheetsRig],
] as const)('%s: an imported Forms export', (_name, make) => {
  it('writes formula-like names, partnerships and comments from the import as text', async () => {
    const rig = make();
    const r = await runImportScenario(rig);
    expectOnlyCoreFormulas(rig, r);
    expectImportReadBack(r);
    expect(rig.typedStrings().filter((s) => /^[+\-@]/.test(s) || (s.startsWith('=') && !r.allowedFormulas.has(s)))).toEqual([]);
  });
});

describe('through the command line: import a CSV, then summarise', () => {
  it('saves a workbook with the formula-like CSV cells as strings and no formula made of them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pr-hardening-inject-'));
    try {
      const review = join(dir, 'review.xlsx');
      const csv = join(dir, 'forms-export.csv');
      const quote = (v: string | number) => (typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);
      await writeFile(csv, IMPORT_TABLE.map((r) => r.map((v) => quote(v as string | number)).join(',')).join('\r\n'));
      const quiet = { out: () => undefined, err: () => undefined, clockToday: () => '2026-03-01' };
      expect(
        await run(
          [
            'new',
            review,
            '--framework',
            'partnership-tree',
            '--partnership',
            PARTNERSHIP,
            '--respondents',
            '3',
            '--cycle',
            '2026/27',
            '--quiet',
          ],
          quiet,
        ),
      ).toBe(0);
      expect(await run(['import', review, csv, '--quiet'], quiet)).toBe(0);
      expect(await run(['summarise', review, '--quiet'], quiet)).toBe(0);

      const zip = await JSZip.loadAsync(await readFile(review));
      const sheets = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
      const xml = (await Promise.all(sheets.map((p) => zip.file(p)!.async('string')))).join('');
      const formulas = [...xml.matchAll(/<f\b[^>]*>([^<]*)<\/f>/g)].map((m) => xmlText(m[1]!));
      expect(formulas.length).toBeGreaterThan(0);
      for (const f of formulas) for (const mark of PAYLOAD_MARKS) expect(f).not.toContain(mark);
      const texts = xmlText(((await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '') + xml);
      for (const p of PAYLOADS) expect(texts.includes(p), p).toBe(true);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile(review)) as unknown as ExcelJS.Buffer);
      const ws = wb.getWorksheet('Responses')!;
      const names = [6, 7, 8].map((r) => ws.getCell(r, 1));
      for (const c of names) expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(names.map((c) => c.value).sort()).toEqual(
        IMPORT_TABLE.slice(1)
          .map((r) => r[0])
          .sort(),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('hostText (the guard every spreadsheet host uses)', () => {
  it.each([...PAYLOADS, '=1+1', '+44 20 7946 0000', '-', '@', '\t=1', "'quoted"])('guards %j with one apostrophe', (s) => {
    expect(needsTextGuard(s)).toBe(true);
    expect(hostText(s)).toBe(`'${s}`);
  });

  it.each(['Plain Name', 'Kensington and Chelsea', 'Needs work = yes', 'a+b', ''])('leaves %j alone', (s) => {
    expect(hostText(s)).toBe(s);
  });
});
