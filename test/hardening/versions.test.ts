/**
 * Versions and workbooks from other tools (issue 7): a workbook made by an older layout is refused with a message
 * saying how to move its answers across; a newer one says to update the add-in; a workbook from another tool (no
 * PR_Meta, or a PR_Meta from another product) is refused with a clear message — by every operation, writing nothing,
 * and through the command line with exit code 2 and the file left byte for byte as it was.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildCliOnce } from '../support/cli-build.js';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReview } from '../../core/operations/check.js';
import { planCreate } from '../../core/operations/create.js';
import { runCheck, runImport, runPlan, runSummarise } from '../../core/operations/run.js';
import { planImprovement, planSummary } from '../../core/operations/summarise.js';
import { NotAReviewError } from '../../core/operations/types.js';
import { readReview } from '../../core/reader/read-review.js';
import { LAYOUT_VERSION } from '../../core/sheet-plan/layout.js';
import { run } from '../../file-host/cli/run.js';
import type { CliIO } from '../../file-host/cli/io.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { repoPath } from './support/paths.js';

const TODAY = '2026-03-01';
const execFileP = promisify(execFile);

function review(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.applyNow(
    planCreate(
      {
        framework: 'partnership-tree',
        partnerships: ['Kensington and Chelsea'],
        respondents: ['Ann', 'Bob'],
        cycle: '2026/27',
        today: TODAY,
      },
      [],
    ),
  );
  wb.setCell('Responses', 6, 4, 1);
  return wb;
}

function metaRow(wb: MemoryWorkbook, key: string): number {
  const i = wb
    .tab('PR_Meta')
    .values()
    .findIndex((r) => r[0] === key);
  if (i < 0) throw new Error(`PR_Meta has no ${key}`);
  return i + 1;
}

/** Every way an operation can be asked to work on the workbook: each must refuse with this message and write nothing. */
async function expectRefusedEverywhere(wb: MemoryWorkbook, message: RegExp): Promise<void> {
  const cells = wb.allCells();
  const tabs = wb.tabNames();
  const applies = wb.counters.applies;
  const snap = wb.readNow();
  const pure: [string, () => unknown][] = [
    ['readReview', () => readReview(snap)],
    ['checkReview', () => checkReview(snap, TODAY)],
    ['planSummary', () => planSummary(snap, { today: TODAY })],
    ['planImprovement', () => planImprovement(snap, { today: TODAY })],
  ];
  for (const [name, f] of pure) {
    let thrown: unknown;
    try {
      f();
    } catch (e) {
      thrown = e;
    }
    expect(thrown, name).toBeInstanceOf(NotAReviewError);
    expect((thrown as Error).message, name).toMatch(message);
  }
  await expect(runCheck(wb, TODAY)).rejects.toBeInstanceOf(NotAReviewError);
  await expect(runSummarise(wb, { today: TODAY })).rejects.toThrow(message);
  await expect(runPlan(wb, { today: TODAY })).rejects.toThrow(message);
  await expect(
    runImport(
      wb,
      [
        ['Respondent', 'ASPIRE'],
        ['Cy', 3],
      ],
      TODAY,
    ),
  ).rejects.toBeInstanceOf(NotAReviewError);
  expect(wb.counters.applies).toBe(applies);
  expect(wb.tabNames()).toEqual(tabs);
  expect(wb.allCells()).toEqual(cells);
}

describe('layout versions', () => {
  it(`reads a workbook of layout ${LAYOUT_VERSION}, also when the version was retyped as text`, () => {
    const wb = review();
    wb.setCell('PR_Meta', metaRow(wb, 'layoutVersion'), 2, String(LAYOUT_VERSION));
    const r = readReview(wb.readNow());
    expect(r.framework.id).toBe('partnership-tree');
    expect(r.review.responses.map((x) => x.respondent)).toEqual(['Ann', 'Bob']);
  });

  it('refuses an older layout, saying how to move the answers into a new review', async () => {
    const wb = review();
    wb.setCell('PR_Meta', metaRow(wb, 'layoutVersion'), 2, 0);
    await expectRefusedEverywhere(wb, /layout 0.*cannot read.*Create a new review.*import/s);
  });

  it('refuses a newer layout, saying to update the add-in', async () => {
    const wb = review();
    wb.setCell('PR_Meta', metaRow(wb, 'layoutVersion'), 2, LAYOUT_VERSION + 1);
    await expectRefusedEverywhere(
      wb,
      new RegExp(`newer version of Partnership Review \\(layout ${LAYOUT_VERSION + 1}.*Update the add-in`, 's'),
    );
  });

  it('refuses a PR_Meta whose layout version is missing or not a number', async () => {
    for (const v of [null, 'one', 1.5, true]) {
      const wb = review();
      wb.setCell('PR_Meta', metaRow(wb, 'layoutVersion'), 2, v);
      await expectRefusedEverywhere(wb, /no layout version|cannot be read safely/);
    }
  });
});

describe('workbooks from another tool', () => {
  it('refuses a workbook with no PR_Meta tab, saying it was not made by Partnership Review and what to do', async () => {
    const wb = new MemoryWorkbook(['Responses', 'Summary']);
    wb.setCell('Responses', 1, 1, 'Name');
    wb.setCell('Responses', 2, 1, 'Ann');
    await expectRefusedEverywhere(wb, /not made by Partnership Review.*Create a review/s);
  });

  it('refuses a PR_Meta tab that another product wrote', async () => {
    const wb = new MemoryWorkbook(['PR_Meta', 'Data']);
    wb.setCell('PR_Meta', 1, 1, 'product');
    wb.setCell('PR_Meta', 1, 2, 'Project Register');
    wb.setCell('PR_Meta', 2, 1, 'layoutVersion');
    wb.setCell('PR_Meta', 2, 2, 1);
    await expectRefusedEverywhere(wb, /not made by Partnership Review.*does not name "Partnership Review"/s);
  });

  it('refuses an empty PR_Meta tab', async () => {
    await expectRefusedEverywhere(new MemoryWorkbook(['PR_Meta']), /not made by Partnership Review/);
  });
});

describe('through the command line', () => {
  let dir = '';
  const io = (): CliIO & { outText: string[]; errText: string[] } => {
    const outText: string[] = [];
    const errText: string[] = [];
    return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t), clockToday: () => TODAY };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pr-hardening-versions-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function otherToolWorkbook(name: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Respondent', 'Score']);
    ws.addRow(['Ann', 3]);
    const path = join(dir, name);
    await wb.xlsx.writeFile(path);
    return path;
  }

  let made = '';
  async function reviewWithLayout(name: string, version: number): Promise<string> {
    const path = join(dir, name);
    if (!made) {
      made = join(dir, 'made-by-new.xlsx');
      expect(
        await run(
          ['new', made, '--framework', 'partnership-tree', '--respondent', 'Ann', '--cycle', '2026/27', '--today', TODAY, '--quiet'],
          io(),
        ),
      ).toBe(0);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(made);
    const meta = wb.getWorksheet('PR_Meta')!;
    meta.eachRow((row) => {
      if (row.getCell(1).value === 'layoutVersion') row.getCell(2).value = version;
    });
    await wb.xlsx.writeFile(path);
    return path;
  }

  async function expectRefusedUntouched(args: (path: string) => string[], path: string, message: RegExp): Promise<void> {
    const before = await readFile(path);
    const mtime = (await stat(path)).mtimeMs;
    const out = io();
    // --quiet: no progress lines, so stderr holds only the refusal
    expect(await run([...args(path), '--quiet'], out), args(path).join(' ')).toBe(2);
    expect(out.errText, out.errText.join('\n')).toHaveLength(1);
    expect(out.errText.join('\n')).toMatch(message);
    expect((await readFile(path)).equals(before)).toBe(true);
    expect((await stat(path)).mtimeMs).toBe(mtime);
  }

  it('check, summarise and import refuse a workbook from another tool: exit 2, one line, file untouched', async () => {
    const path = await otherToolWorkbook('other-tool.xlsx');
    const csv = join(dir, 'answers.csv');
    await writeFile(csv, 'Respondent,ASPIRE\nCy,3\n');
    for (const args of [
      (p: string) => ['check', p, '--today', TODAY],
      (p: string) => ['summarise', p, '--today', TODAY],
      (p: string) => ['import', p, csv, '--today', TODAY],
    ]) {
      await expectRefusedUntouched(args, path, /is not a Partnership Review workbook.*not made by Partnership Review/);
    }
  });

  it('summarise refuses a workbook of a newer layout (update the add-in) and of an older one, file untouched', async () => {
    const newer = await reviewWithLayout('newer.xlsx', LAYOUT_VERSION + 1);
    await expectRefusedUntouched((p) => ['summarise', p, '--today', TODAY], newer, /Update the add-in/);
    const older = await reviewWithLayout('older.xlsx', 0);
    await expectRefusedUntouched((p) => ['summarise', p, '--today', TODAY], older, /Create a new review/);
  });

  it('the installed command exits with code 2 for a workbook from another tool', async () => {
    await buildCliOnce();
    const path = await otherToolWorkbook('other-tool-bin.xlsx');
    const before = await readFile(path);
    const err = (await execFileP(
      process.execPath,
      [repoPath('file-host', 'bin', 'partnership-review.mjs'), 'check', path, '--today', TODAY],
      { cwd: repoPath() },
    ).catch((e: unknown) => e)) as { code?: number; stderr?: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/not a Partnership Review workbook/);
    expect((await readFile(path)).equals(before)).toBe(true);
  }, 60_000);
});
