/**
 * Issue #11 through the command line: identity on import, corrections kept on re-import (--prefer-export), tabs the
 * tool writes over proven its own, clean refusals, and control characters escaped. The workbook is changed between
 * commands with openpyxl (test/file-host/support/edit-xlsx.py), as a person would change it in a spreadsheet, and is
 * observed through the command line itself (check --json, summarise --json), so the tests hold whichever .xlsx
 * engine the file host uses.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/review/types.js';
import { newTab } from '../../core/sheet-plan/tab.js';
import type { TabPlan } from '../../core/sheet-plan/types.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { cli } from './cli-helpers.js';
import { tempDir } from './helpers.js';

const EDIT = join(dirname(fileURLToPath(import.meta.url)), 'support', 'edit-xlsx.py');
let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-identity-'));
});
afterAll(() => cleanup());

/** Tab renames and deletions, with openpyxl. */
function edit(file: string, ...actions: string[]): void {
  execFileSync('python3', [EDIT, file, ...actions]);
}

/** Cells typed as a person types them: through the file host's own reading and writing (any engine). */
async function type(file: string, sheet: string, cells: { row: number; col: number; value: CellValue }[]): Promise<void> {
  const host = await XlsxHost.open(file);
  const tab: TabPlan = {
    ...newTab(sheet, 'entry', 'update'),
    blocks: cells.map((c) => ({ row: c.row, col: c.col, cells: [[{ v: c.value }]], owner: 'input' as const })),
  };
  await host.apply({ tabs: [tab], namedRanges: [] });
  await host.save(file);
}

/** A row deleted as a person deletes it: every row below moves up one. */
async function deleteRow(file: string, sheet: string, row: number): Promise<void> {
  const host = await XlsxHost.open(file);
  const values = (await host.read({ tabs: [sheet] })).tabs[sheet]!.values;
  const cells: { row: number; col: number; value: CellValue }[] = [];
  for (let r = row; r <= values.length; r++) {
    const below = values[r] ?? [];
    for (let c = 1; c <= (values[0]?.length ?? 0); c++) cells.push({ row: r, col: c, value: below[c - 1] ?? null });
  }
  await type(file, sheet, cells);
}

async function csv(name: string, text: string): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, text);
  return p;
}

async function summary(file: string): Promise<{ respondents: number; sections: { id: string; mean: number | null }[] }> {
  const r = await cli('summarise', file, '--json', '-q');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

async function checkJson(file: string): Promise<{ cell: string | null; severity: string; code: string; message: string }[]> {
  const r = await cli('check', file, '--json', '-q');
  return JSON.parse(r.stdout).problems;
}

const MS = 'ID,Start time,Completion time,Email,Name,ASPIRE,ASPIRE comment,THINK\n';

describe('import identity through the command line', () => {
  it('three people called John Smith stay three, and check asks to confirm they are different people', async () => {
    const file = join(dir, 'smiths.xlsx');
    expect((await cli('new', file, '--framework', 'partnership-tree', '--respondents', '0', '-q')).code).toBe(0);
    const export1 = await csv(
      'smiths.csv',
      `${MS}1,,,js1@example.org,John Smith,3,,2\n2,,,js2@example.org,John Smith,1,,1\n3,,,js3@example.org,John Smith,2,,3\n`,
    );
    const r = await cli('import', file, export1, '-q');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`Imported into ${file}: 3 respondents added (John Smith, John Smith, John Smith), 0 updated.`);
    expect((await summary(file)).respondents).toBe(3);
    const same = (await checkJson(file)).filter((p) => p.code === 'respondent.same-name');
    expect(same.map((p) => [p.cell, p.severity])).toEqual([['Responses!A7', 'warning']]);
    expect(same[0]!.message).toMatch(/^John Smith: 3 respondents are named John Smith .*: confirm they are different people/);
    // the same export again adds nobody
    const again = await cli('import', file, export1, '-q');
    expect(again.stdout.split('\n')[0]).toBe(`Imported into ${file}: 0 respondents added, 0 updated.`);
    expect((await summary(file)).respondents).toBe(3);
  });

  it('an anonymous export (Name and Email "anonymous") imports every row', async () => {
    const file = join(dir, 'anon.xlsx');
    await cli('new', file, '--framework', 'partnership-tree', '--respondents', '0', '-q');
    const r = await cli(
      'import',
      file,
      await csv('anon.csv', `${MS}7,,,anonymous,anonymous,3,,2\n8,,,anonymous,anonymous,1,,1\n9,,,anonymous,anonymous,2,,3\n`),
      '-q',
    );
    expect(r.stdout.split('\n')[0]).toBe(
      `Imported into ${file}: 3 respondents added (Anonymous (response id 7), Anonymous (response id 8), Anonymous (response id 9)), 0 updated.`,
    );
    const s = await summary(file);
    expect(s.respondents).toBe(3);
    expect(s.sections.find((x) => x.id === 'ASPIRE')!.mean).toBe(2); // (3 + 1 + 2) / 3
  });

  it('keeps a correction made between imports and reports it; --prefer-export takes the export', async () => {
    const file = join(dir, 'corrected.xlsx');
    await cli('new', file, '--framework', 'partnership-tree', '--respondents', '0', '-q');
    const export1 = await csv('alice.csv', `${MS}1,,,alice@example.org,Alice,3,Good start,2\n`);
    await cli('import', file, export1, '-q');
    // Responses: A respondent, B partnership, C organisation, D ASPIRE score, E ASPIRE comment
    await type(file, 'Responses', [
      { row: 6, col: 4, value: 1 },
      { row: 6, col: 5, value: 'Corrected at the workshop' },
    ]);
    const r = await cli('import', file, export1, '-q');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `Imported into ${file}: 0 respondents added, 0 updated.`,
      'Responses!D6 (Alice, ASPIRE): changed in the workbook since the last import — kept the workbook\'s "1"; the export says "3".',
      'Responses!E6 (Alice, ASPIRE comment): changed in the workbook since the last import — kept the workbook\'s "Corrected at the workshop"; the export says "Good start".',
      "2 cells were changed in the workbook since the last import and kept. To take the export's values instead, import again with --prefer-export.",
      `Nothing was written: ${file} is unchanged.`,
    ]);
    expect((await summary(file)).sections.find((x) => x.id === 'ASPIRE')!.mean).toBe(1);
    const preferred = await cli('import', file, export1, '--prefer-export', '-q');
    expect(preferred.stdout).toContain(
      'Responses!D6 (Alice, ASPIRE): changed in the workbook since the last import — took the export\'s "3" over the workbook\'s "1".',
    );
    expect((await summary(file)).sections.find((x) => x.id === 'ASPIRE')!.mean).toBe(3);
  });
});

describe('tabs the command line writes over', () => {
  it('refuses to summarise over typed notes renamed "Summary", exit 2, file unchanged', async () => {
    const file = join(dir, 'notes.xlsx');
    await cli('new', file, '--framework', 'partnership-tree', '--respondent', 'Ann', '-q');
    edit(file, 'delete:Summary', 'rename:Workshop Notes:Summary', 'set:Summary:6:2:Our notes from the away day');
    const before = await readFile(file);
    const r = await cli('summarise', file, '-q');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^partnership-review: The tab “Summary” does not carry the mark .* \(.*notes\.xlsx has not been changed\.\)$/);
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('refuses when one PR_Meta cell points the Summary at Responses, exit 2, file unchanged', async () => {
    const file = join(dir, 'pointer.xlsx');
    await cli('new', file, '--framework', 'partnership-tree', '--respondent', 'Ann', '-q');
    const meta = (await (await XlsxHost.open(file)).read({ tabs: ['PR_Meta'] })).tabs['PR_Meta']!.values;
    const row = meta.findIndex((r) => r[0] === 'tab:summary') + 1;
    expect(row).toBeGreaterThan(1);
    await type(file, 'PR_Meta', [{ row, col: 2, value: 'Responses' }]);
    const before = await readFile(file);
    const r = await cli('summarise', file, '-q');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('names “Responses” as the Summary tab, but “Responses” is the answers tab');
    expect((await readFile(file)).equals(before)).toBe(true);
    expect((await checkJson(file)).filter((p) => p.code === 'meta.pointer').map((p) => p.severity)).toEqual(['error']);
  });

  it('refuses to score with the hidden key row of Responses deleted', async () => {
    const file = join(dir, 'keyrow.xlsx');
    await cli('new', file, '--framework', 'partnership-tree', '--respondent', 'Ann', '--respondent', 'Bob', '-q');
    await type(file, 'Responses', [
      { row: 6, col: 4, value: 1 },
      { row: 7, col: 4, value: 3 },
    ]);
    await deleteRow(file, 'Responses', 5);
    const r = await cli('summarise', file, '-q');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The hidden key row of Responses');
    const errors = (await checkJson(file)).filter((p) => p.code === 'layout.no-key-row');
    expect(errors.map((p) => p.severity)).toEqual(['error']);
  });
});

describe('clean refusals and escaped output', () => {
  it('--today 9999-12-31 is refused with exit 2; --respondents 0 makes a review with no placeholder rows', async () => {
    const r = await cli('new', join(dir, 'far.xlsx'), '--framework', 'partnership-tree', '--today', '9999-12-31');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--today: 9999-12-31 is outside the dates a review can be worked to/);
    const file = join(dir, 'empty.xlsx');
    expect((await cli('new', file, '--framework', 'partnership-tree', '--respondents', '0', '-q')).code).toBe(0);
    expect((await summary(file)).respondents).toBe(0);
    expect((await checkJson(file)).filter((p) => p.code.startsWith('respondent.'))).toEqual([]);
  });

  it('refuses a framework with scale values of ±1e308, and one too large for a sheet, exit 2 and no file', async () => {
    const huge = join(dir, 'huge.json');
    await writeFile(
      huge,
      JSON.stringify({
        id: 'huge',
        title: 'Huge',
        scales: [
          {
            id: 's',
            points: [
              { value: -1e308, label: 'Low' },
              { value: 1e308, label: 'High' },
            ],
          },
        ],
        sections: [{ id: 'S1', title: 'One', items: [{ id: 'Q1', text: 'x' }] }],
      }),
    );
    const a = await cli('new', join(dir, 'huge.xlsx'), '--framework', huge, '-q');
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/gives the point “Low” of the scale “s” the value -1e\+308, which cannot be scored/);
    const big = join(dir, 'big.json');
    const items = Array.from({ length: 8300 }, (_, i) => ({ id: `Q${i + 1}`, text: 'x' }));
    await writeFile(
      big,
      JSON.stringify({
        id: 'big',
        title: 'Big',
        scales: [
          {
            id: 's',
            points: [
              { value: 1, label: 'Low' },
              { value: 2, label: 'High' },
            ],
          },
        ],
        sections: [{ id: 'S1', title: 'One', items }],
      }),
    );
    const b = await cli('new', join(dir, 'big.xlsx'), '--framework', big, '-q');
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/needs 16,603 columns on the Responses tab .* a sheet holds at most 16,384/);
  });

  it('prints names from a CSV with their control characters escaped', async () => {
    const file = join(dir, 'escape.xlsx');
    await cli('new', file, '--framework', 'partnership-tree', '--respondents', '0', '-q');
    const r = await cli('import', file, await csv('evil.csv', 'ID,Name,ASPIRE\n1,"\u001b[2JEve\u001b]8;;http://x\u0007",1\n'), '-q');
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(r.stdout.split('\n')[0]).toBe(`Imported into ${file}: 1 respondent added (\\x1b[2JEve\\x1b]8;;http://x\\x07), 0 updated.`);
  });
});
