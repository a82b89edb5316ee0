/**
 * "Download report" on each host's path, over the fakes: the Excel task pane's bridge over the Office.js adapter
 * (one read of three syncs, nothing written), the built Apps Script server's prReport over the recording fake (reads only,
 * and its answer is plain JSON that crosses google.script.run unchanged), and the sidebar's bridge calling it by
 * name. The content is turned into a .docx in Node and python-docx opens it. Expected figures are hand-computed.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import { runCreate } from '../../core/operations/run.js';
import type { ReportOutcome } from '../../core/report/flow.js';
import type { ReportBlock } from '../../core/report/types.js';
import { entryColumns } from '../../core/sheet-plan/layout.js';
import { ExcelHost } from '../../excel-addin/adapter/index.js';
import { reportDocx } from '../../report/docx.js';
import { buildSheetsAddon } from '../../sheets-addon/build.js';
import { GoogleScriptBridge, type ScriptRunner } from '../../sheets-addon/client/bridge-google.js';
import { makeLocalBridge } from '../../ui/bridge-local.js';
import { FakeOffice, FakeWorkbookState } from '../excel-addin/fake-office.js';
import { tempDir } from '../file-host/helpers.js';
import { FakeAppsScript } from '../sheets-addon/fake-apps-script.js';
import { loadAddon } from '../sheets-addon/load-addon.js';

const TREE = getFramework('partnership-tree');
const cols = entryColumns(TREE);
const scoreCol = (item: string) => cols.find((c) => c.itemId === item && c.field === 'score')!.col;
const title = (item: string) => TREE.sections.find((s) => s.items.some((i) => i.id === item))!.title;
// Ann, Ben, Cara on rows 6–8: ASPIRE 3, 3, 2 (8/3 = 2.67, 83 %, Green); DELIVER 1, 2, 1 (4/3 = 1.33, 17 %, Red)
const SCORES: Record<string, number[]> = { ASPIRE: [3, 3, 2], DELIVER: [1, 2, 1] };

function headline(o: ReportOutcome): Map<string, string[]> {
  const t = o.report!.blocks.find(
    (b): b is Extract<ReportBlock, { kind: 'table' }> => b.kind === 'table' && b.caption === 'Overall and section scores',
  )!;
  return new Map(t.rows.map((r) => [r[0]!, r.slice(1)]));
}

function expectHandComputed(o: ReportOutcome): void {
  expect(o).toMatchObject({ ok: true, problems: [], tabsWritten: [], fileName: 'Review report 2026-27.docx' });
  expect(o.message).toBe('Report ready: Review report 2026-27.docx.');
  const rows = headline(o);
  expect(rows.get(title('ASPIRE'))).toEqual(['2.67', '83%', 'Green']);
  expect(rows.get(title('DELIVER'))).toEqual(['1.33', '17%', 'Red']);
  expect(rows.get('Overall')).toEqual(['2.00', '50%', 'Amber']);
  expect(o.report!.titlePage).toContainEqual({ label: 'Partnership', value: 'Kensington and Chelsea LSP' });
}

async function opensInPythonDocx(o: ReportOutcome): Promise<string[]> {
  const { dir, cleanup } = await tempDir('pr-report-host-');
  try {
    const file = join(dir, o.fileName);
    await writeFile(file, await reportDocx(o.report!));
    const { stdout } = await promisify(execFile)('python3', [join(__dirname, 'docx_dump.py'), file]);
    const d = Object.values(JSON.parse(stdout))[0] as { body: { style?: string; text?: string }[] };
    return d.body.filter((b) => b.style === 'Heading 1').map((b) => b.text!);
  } finally {
    await cleanup();
  }
}

describe('Excel: the task pane bridge over the Office.js adapter (fake)', () => {
  it('reads the workbook in one read of 3 syncs, writes nothing, and gives the report of what was typed', async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
    const host = new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9') });
    await runCreate(host, {
      framework: 'partnership-tree',
      partnerships: ['Kensington and Chelsea LSP'],
      respondents: ['Ann Smith', 'Ben Jones', 'Cara Patel'],
      cycle: '2026/27',
      protect: true,
      today: '2026-05-15',
    });
    const responses = fake.state.sheet('Responses');
    for (const [item, scores] of Object.entries(SCORES)) scores.forEach((v, i) => responses.set(6 + i, scoreCol(item), { value: v }));
    const before = JSON.stringify(fake.state.sheets.map((s) => [s.name, s.grid()]));
    fake.resetCounters();
    const bridge = makeLocalBridge(host, 'Excel', () => new Date(2026, 4, 15, 10, 0));
    const stages: string[] = [];
    const o = await bridge.report((e) => stages.push(e.stage));
    // one read: tab list 1 + used-range sizes 1 + values 1 (a small workbook, under 100,000 cells) = 3; no write sync
    expect(fake.syncs).toBe(3);
    expect(fake.callsNamed('values=')).toHaveLength(0);
    expect(JSON.stringify(fake.state.sheets.map((s) => [s.name, s.grid()]))).toBe(before);
    expect(stages).toEqual(['reading', 'computing']);
    expectHandComputed(o);
    expect((await opensInPythonDocx(o)).slice(0, 1)).toEqual(['Headline results']);
  });

  it('says what is wrong, and gives no report, for a workbook that is not a review', async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [['Budget', 12]] }));
    const host = new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9') });
    const o = await makeLocalBridge(host, 'Excel', () => new Date(2026, 4, 15)).report();
    expect(o.ok).toBe(false);
    expect(o.report).toBeNull();
    expect(o.fileName).toBe('');
    expect(o.message).toMatch(/Partnership Review/);
  });
});

describe('Google Sheets: prReport in the built Code.js over the Apps Script fake', () => {
  let code = '';
  beforeAll(async () => {
    code = readFileSync((await buildSheetsAddon()).codeJs, 'utf8');
  }, 120_000);

  it('reads only, and returns the report as plain JSON', async () => {
    const fake = new FakeAppsScript();
    const pr = loadAddon(code, fake, '2026-05-15');
    expect(
      pr.prCreate({
        frameworkId: 'partnership-tree',
        partnerships: ['Kensington and Chelsea LSP'],
        respondents: ['Ann Smith', 'Ben Jones', 'Cara Patel'],
        cycle: '2026/27',
        protect: false,
      }).ok,
    ).toBe(true);
    const sheet = fake.spreadsheet._sheet('Responses');
    for (const [item, scores] of Object.entries(SCORES)) sheet.getRange(6, scoreCol(item), 3, 1).setValues(scores.map((v) => [v]));
    const mark = fake.calls.length;
    const o = pr.prReport();
    const calls = Object.keys(fake.countsSince(mark));
    expect(calls.filter((c) => /\.(set|insert|delete|clear|merge|protect|add|hide|show)/i.test(c))).toEqual([]);
    expect(JSON.parse(JSON.stringify(o))).toEqual(o);
    expectHandComputed(o);
    expect(await opensInPythonDocx(o)).toContain('Appendix: method');

    // the sidebar's bridge asks the server by name and hands back what it returned
    const asked: string[] = [];
    const runner = (): ScriptRunner => {
      let ok: (v: unknown) => void = () => undefined;
      const r = {
        withSuccessHandler(h: (v: unknown) => void) {
          ok = h;
          return r;
        },
        withFailureHandler() {
          return r;
        },
        prReport() {
          asked.push('prReport');
          ok(JSON.parse(JSON.stringify(o)));
        },
      };
      return r as unknown as ScriptRunner;
    };
    expect(await new GoogleScriptBridge(runner).report()).toEqual(o);
    expect(asked).toEqual(['prReport']);
  });
});
