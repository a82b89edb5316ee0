/** The benchmark's results as the tables `npm run bench` prints, and as the README's Performance section. */
import type { BenchResults, SizeResult } from './run.js';
import { formatTable, int, kB, markdownTable, ms, ratio, ukDate } from './table.js';
import { coreRatios, type TargetRow } from './targets.js';
import { CORE_TIMING, SUMMARY_PLAN_TIMING } from './core-timing.js';

const WRITING = ['create', 'summarise', 'plan'] as const;

function excelTable(r: BenchResults): { header: string[]; rows: string[][] } {
  const header = [
    'framework',
    'size',
    'create',
    'check',
    'summarise',
    'plan',
    'largest sync',
    'largest read',
    'per-cell syncs',
    'add-in syncs',
    'ratio',
  ];
  const rows: string[][] = [];
  for (const f of r.frameworks) {
    for (const s of f.sizes) {
      if (!s.excel) {
        rows.push([f.frameworkId, `${int(s.size)} ${f.unit}`, '—', '—', '—', '—', '—', '—', '—', '—', '—']);
        continue;
      }
      const e = s.excel;
      const largest = Math.max(...Object.values(e).map((o) => o.largestSyncBytes));
      const read = Math.max(...Object.values(e).map((o) => o.largestReadBytes));
      const addin = WRITING.reduce((n, op) => n + e[op].syncs, 0);
      const naive = s.naive ? WRITING.reduce((n, op) => n + s.naive![op].excel.syncs, 0) : null;
      rows.push([
        f.frameworkId,
        `${int(s.size)} ${f.unit}`,
        String(e.create.syncs),
        String(e.check.syncs),
        String(e.summarise.syncs),
        String(e.plan.syncs),
        kB(largest),
        kB(read),
        naive === null ? '—' : int(naive),
        String(addin),
        naive === null ? '—' : ratio(naive / addin),
      ]);
    }
  }
  return { header, rows };
}

function sheetsTable(r: BenchResults): { header: string[]; rows: string[][] } {
  const header = ['framework', 'size', 'create', 'check', 'summarise', 'plan', 'other services', 'per-cell calls', 'add-in calls', 'ratio'];
  const rows: string[][] = [];
  for (const f of r.frameworks) {
    for (const s of f.sizes) {
      if (!s.sheets) {
        rows.push([f.frameworkId, `${int(s.size)} ${f.unit}`, '—', '—', '—', '—', '—', '—', '—', '—']);
        continue;
      }
      const c = s.sheets;
      const other = Object.values(c).reduce((n, o) => n + o.otherCalls, 0);
      const addin = WRITING.reduce((n, op) => n + c[op].spreadsheetCalls, 0);
      const naive = s.naive ? WRITING.reduce((n, op) => n + s.naive![op].sheets.calls, 0) : null;
      rows.push([
        f.frameworkId,
        `${int(s.size)} ${f.unit}`,
        int(c.create.spreadsheetCalls),
        int(c.check.spreadsheetCalls),
        int(c.summarise.spreadsheetCalls),
        int(c.plan.spreadsheetCalls),
        int(other),
        naive === null ? '—' : int(naive),
        int(addin),
        naive === null ? '—' : ratio(naive / addin),
      ]);
    }
  }
  return { header, rows };
}

function coreTable(r: BenchResults): { header: string[]; rows: string[][] } {
  const header = ['framework', 'size', 'score', '× prev', 'draft plan', '× prev', 'whole summary', '× prev', 'plan rows'];
  const rows: string[][] = [];
  for (const f of r.frameworks) {
    if (!f.core) {
      rows.push([f.frameworkId, '—', '—', '—', '—', '—', '—', '—', '—']);
      continue;
    }
    const rs = { score: coreRatios(f.core, 'score'), draft: coreRatios(f.core, 'draft'), summaryPlan: coreRatios(f.core, 'summaryPlan') };
    f.core.forEach((c, i) => {
      const prev = (k: keyof typeof rs): string => (i === 0 ? '' : ratio(rs[k][i - 1]!.ratio));
      rows.push([
        f.frameworkId,
        `${int(c.size)} ${f.unit}`,
        ms(c.steps.score.cpuMs),
        prev('score'),
        ms(c.steps.draft.cpuMs),
        prev('draft'),
        ms(c.steps.summaryPlan.cpuMs),
        prev('summaryPlan'),
        int(c.actions),
      ]);
    });
  }
  return { header, rows };
}

function fileHostTable(r: BenchResults): { header: string[]; rows: string[][] } {
  const header = ['framework', 'size', 'create', 'import', 'summarise', 'total', 'peak memory', '.xlsx size'];
  const rows: string[][] = [];
  for (const f of r.frameworks) {
    for (const s of f.sizes) {
      const h = s.fileHost;
      if (!h) {
        rows.push([f.frameworkId, `${int(s.size)} ${f.unit}`, '—', '—', '—', '—', '—', '—']);
        continue;
      }
      const t = (v: number | null): string => (v === null ? (h.timedOutAfterMs !== null ? 'stopped' : '—') : ms(v));
      rows.push([
        f.frameworkId,
        `${int(s.size)} ${f.unit}`,
        t(h.createMs),
        `${t(h.importMs)}${h.importKind === 'fill' ? ' (fill)' : ''}`,
        t(h.summariseMs),
        h.totalMs !== null ? ms(h.totalMs) : h.timedOutAfterMs !== null ? `> ${Math.round(h.timedOutAfterMs / 1000)} s` : '—',
        h.peakRssMB === null ? '—' : `${h.timedOutAfterMs !== null ? '≥ ' : ''}${h.peakRssMB.toFixed(0)} MB`,
        h.xlsxBytes === null ? '—' : kB(h.xlsxBytes),
      ]);
    }
  }
  return { header, rows };
}

/** The package engine and the ExcelJS file host it replaced, same scenario, same run. */
function versusTable(r: BenchResults): { header: string[]; rows: string[][] } | null {
  const v = r.versusExcelJs;
  if (!v) return null;
  const header = ['file host', 'create', 'import', 'summarise', 'total (runs)', 'peak memory', 'at start', '.xlsx size'];
  const line = (name: string, x: NonNullable<typeof v.engine> | null): string[] =>
    x
      ? [
          name,
          ms(x.best.createMs!),
          ms(x.best.importMs!),
          ms(x.best.summariseMs!),
          `${ms(x.best.totalMs!)} (${x.runsMs.map((m) => ms(m)).join(', ')})`,
          `${x.peakRssMB.toFixed(0)} MB`,
          `${x.best.baselineRssMB?.toFixed(0) ?? '—'} MB`,
          x.best.xlsxBytes === null ? '—' : kB(x.best.xlsxBytes),
        ]
      : [name, '—', '—', '—', `NOT MEASURED: ${v.notMeasured ?? ''}`, '—', '—', '—'];
  const rows = [line('package engine (this checkout)', v.engine), line('ExcelJS 4.4.0 (commit 804ccba)', v.exceljs)];
  if (v.speedup !== null && v.memoryRatio !== null)
    rows.push(['engine ÷ ExcelJS', '', '', '', `${v.speedup.toFixed(1)}× faster`, `${(v.memoryRatio * 100).toFixed(0)}%`, '', '']);
  return { header, rows };
}

function cliTable(r: BenchResults): { header: string[]; rows: string[][] } | null {
  const c = r.cli;
  if (!c) return null;
  const header = ['command (node file-host/bin/partnership-review.mjs …)', 'median wall time', 'runs'];
  const rows: string[][] = [];
  for (const t of [c.frameworks, c.summarise]) if (t) rows.push([t.command, ms(t.medianMs), t.runsMs.map((m) => ms(m)).join(', ')]);
  if (c.error) rows.push(['(error)', c.error, '']);
  return { header, rows };
}

function deliveryTable(r: BenchResults): { header: string[]; rows: string[][] } {
  const header = ['what', 'measured'];
  const rows: string[][] = [];
  const t = r.bundle?.taskpane;
  rows.push(['task pane JavaScript, gzipped (all chunks)', t ? kB(t.totalGzipBytes) : '—']);
  rows.push(['task pane JavaScript, gzipped (entry chunk)', t ? kB(t.initialGzipBytes) : '—']);
  rows.push(['Sheets sidebar.html, gzipped', r.bundle?.sidebar ? kB(r.bundle.sidebar.gzipBytes) : '—']);
  rows.push(['Apps Script Code.js, gzipped', r.bundle?.codeJs ? kB(r.bundle.codeJs.gzipBytes) : '—']);
  rows.push(['task pane first render, office.js blocked (median of 5)', r.firstRender ? ms(r.firstRender.noOffice.medianMs) : '—']);
  rows.push([
    'task pane first render, office.js served locally (median of 5)',
    r.firstRender?.withOfficeJs ? ms(r.firstRender.withOfficeJs.medianMs) : '—',
  ]);
  return { header, rows };
}

function targetTable(rows: TargetRow[]): { header: string[]; rows: string[][] } {
  return {
    header: ['status', 'target', 'scope', 'measured', 'limit'],
    rows: rows.map((t) => [t.extra ? `${t.status} (extra)` : t.status, t.target, t.scope, t.measured, t.limit]),
  };
}

function errorsOf(r: BenchResults): string[] {
  const out: string[] = [];
  for (const b of r.builds) if (!b.ok) out.push(`npm run ${b.step} failed: ${b.error}`);
  for (const f of r.frameworks) {
    if (f.coreError) out.push(`${f.frameworkId} core timing: ${f.coreError}`);
    for (const s of f.sizes as SizeResult[]) for (const e of s.errors) out.push(`${f.frameworkId} at ${s.size}: ${e}`);
  }
  if (r.firstRenderError) out.push(`first render: ${r.firstRenderError}`);
  return out;
}

export function printReport(r: BenchResults): string {
  const parts: string[] = [];
  const section = (title: string, t: { header: string[]; rows: string[][] }, note?: string): void => {
    parts.push(`\n${title}\n${formatTable(t.header, t.rows)}${note ? `\n${note}` : ''}\n`);
  };
  parts.push(
    `Partnership Review benchmark — ${ukDate(r.generatedAt)}, Node ${r.machine.node}, ${r.machine.cpus} CPUs (${r.machine.cpuModel}), ` +
      `load average ${r.machine.loadAverageAtStart[0]} at start, ${r.machine.loadAverageAtEnd[0]} at end${r.options.quick ? ', --quick' : ''}\n`,
  );
  const modes = new Set(r.frameworks.flatMap((f) => (f.sizes as SizeResult[]).map((s) => s.sheetsMode)).filter(Boolean));
  section(
    'Excel: context.sync() calls per operation (Office.js adapter over the recording fake)',
    excelTable(r),
    'largest sync = JSON of the calls one sync carried; largest read = JSON of the values an operation read back. ' +
      'Per-cell = the same cells of create + summarise + plan written one range.values and one sync per cell.',
  );
  section(
    `Apps Script: Spreadsheet service calls per operation (${[...modes].join('/') === 'built' ? 'built dist/sheets-addon/Code.js in a vm' : `mode: ${[...modes].join('/')}`}, recording fake)`,
    sheetsTable(r),
    'Other services = LockService, Lock and Utilities calls of all four operations (not Spreadsheet service). ' +
      'Per-cell = the same cells of create + summarise + plan written one getRange and one single-cell write per cell.',
  );
  section(
    `Core: median CPU time per call (${CORE_TIMING.runs} runs after ${CORE_TIMING.warmups} warm-ups; whole summary: ${SUMMARY_PLAN_TIMING.runs} after ${SUMMARY_PLAN_TIMING.warmups}), × prev = ratio to the size before`,
    coreTable(r),
  );
  section(
    'File host (.xlsx, package engine; node with tsx): each step opens the bytes, runs, saves; one child process per size',
    fileHostTable(r),
  );
  const versus = versusTable(r);
  if (versus) {
    section(
      `File host against the ExcelJS file host it replaced: ${r.versusExcelJs!.frameworkId} × ${int(r.versusExcelJs!.size)} respondents, create + import + summarise`,
      versus,
      `Both built in this run (the old one from commit 804ccba with git archive): ${r.versusExcelJs!.how}. Peak memory = peak resident set of the child process.`,
    );
  }
  const cli = cliTable(r);
  if (cli) section('Command line (built dist/cli): wall time from process start to exit, median of 5 after a warm-up', cli);
  section('Task pane and sidebar', deliveryTable(r));
  section('Targets', targetTable(r.targets.rows));
  const details = r.targets.rows.filter((t) => t.detail && t.status !== 'PASS' && t.status !== 'OK');
  if (details.length > 0) parts.push(`${details.map((t) => `${t.status}: ${t.target} — ${t.scope}: ${t.detail}`).join('\n')}\n`);
  const errors = errorsOf(r);
  if (errors.length > 0) parts.push(`\nNot measured / errors:\n${errors.map((e) => `- ${e}`).join('\n')}\n`);
  parts.push(`\nOverall: ${r.targets.overall} (${(r.durationMs / 1000).toFixed(0)} s)\n`);
  return parts.join('');
}

/** One row per framework and size: the figures a README reader wants, side by side. */
function summaryTable(r: BenchResults): { header: string[]; rows: string[][] } {
  const header = [
    'review',
    'Excel syncs (max per operation)',
    'largest sync',
    'Sheets calls (create / summarise / plan)',
    'score',
    'draft plan',
    '.xlsx create + import + summarise',
  ];
  const rows: string[][] = [];
  for (const f of r.frameworks) {
    f.sizes.forEach((s, i) => {
      const e = s.excel;
      const c = s.sheets;
      const core = f.core?.[i];
      const h = s.fileHost;
      rows.push([
        `${f.frameworkId}, ${int(s.size)} ${f.unit}`,
        e ? String(Math.max(...Object.values(e).map((o) => o.syncs))) : '—',
        e ? kB(Math.max(...Object.values(e).map((o) => o.largestSyncBytes))) : '—',
        c ? `${int(c.create.spreadsheetCalls)} / ${int(c.summarise.spreadsheetCalls)} / ${int(c.plan.spreadsheetCalls)}` : '—',
        core ? ms(core.steps.score.cpuMs) : '—',
        core ? ms(core.steps.draft.cpuMs) : '—',
        h?.totalMs != null
          ? `${ms(h.totalMs)}, ${h.peakRssMB?.toFixed(0)} MB`
          : h?.timedOutAfterMs != null
            ? `> ${Math.round(h.timedOutAfterMs / 1000)} s`
            : '—',
      ]);
    });
  }
  return { header, rows };
}

/** The engine against ExcelJS and the command line's wall times, for the README. */
function readmeFileHostLines(r: BenchResults): string[] {
  const out: string[] = [];
  const v = r.versusExcelJs;
  if (v) {
    if (v.engine && v.exceljs && v.speedup !== null && v.memoryRatio !== null) {
      out.push(
        `The .xlsx engine against the ExcelJS 4.4.0 file host it replaced (built from commit 804ccba in the same run; both bundled with esbuild and ` +
          `run with plain node, quicker of two runs each), ${v.frameworkId} × ${int(v.size)} respondents, create + import + summarise: ` +
          `${ms(v.engine.best.totalMs!)} and ${v.engine.peakRssMB.toFixed(0)} MB peak against ${ms(v.exceljs.best.totalMs!)} and ${v.exceljs.peakRssMB.toFixed(0)} MB — ` +
          `${v.speedup.toFixed(1)}× faster, ${(v.memoryRatio * 100).toFixed(0)}% of the memory.`,
        '',
      );
    } else out.push(`The .xlsx engine against the ExcelJS file host it replaced: NOT MEASURED: ${v.notMeasured ?? ''}.`, '');
  }
  const c = r.cli;
  if (c?.frameworks && c.summarise) {
    out.push(
      `The built command line, wall time including process start (median of 5): \`frameworks\` ${ms(c.frameworks.medianMs)}; ` +
        `\`summarise\` of a Hallmarks review with ${c.summariseRespondents} respondents ${ms(c.summarise.medianMs)}.`,
      '',
    );
  }
  return out;
}

/** A short Performance section for the README, with the figures of this run and the command. */
export function readmeSection(r: BenchResults): string {
  const table = summaryTable(r);
  const counted = r.targets.rows.filter((t) => !t.extra);
  const passed = counted.filter((t) => t.status === 'PASS').length;
  const missed = counted.filter((t) => t.status !== 'PASS');
  const t = r.bundle?.taskpane;
  return [
    '## Performance',
    '',
    'Speed in a spreadsheet add-in is round trips to the host, payload size and load time. To measure them:',
    '',
    '```',
    'npm run bench            # a few minutes; prints the tables and writes bench/results.json',
    'npm run bench -- --quick # the two smaller sizes only',
    '```',
    '',
    'It takes the partnership tree and the Hallmarks questionnaire at 10, 100 and 1,000 respondents and the delivery',
    'tracker at 100, 1,000 and 10,000 rows through create, check, summarise and plan: in Excel through the Office.js',
    'adapter over a recording fake (counting `context.sync()` calls and the JSON each one carries), in Google Sheets',
    'through the built Apps Script over a recording fake (counting Spreadsheet service calls), and as .xlsx files.',
    'The .xlsx engine also runs side by side with the ExcelJS file host it replaced, built in the same run from commit',
    '804ccba (the last that has it; a checkout without that history says NOT MEASURED), and the built command line is',
    'timed from process start to exit.',
    '',
    `Figures from ${ukDate(r.generatedAt)} on ${r.machine.cpus} shared CPUs (load average ${r.machine.loadAverageAtStart[0]}); core times are median CPU time per call:`,
    '',
    markdownTable(table.header, table.rows),
    '',
    `Task pane JavaScript: ${t ? kB(t.totalGzipBytes) : '—'} gzipped; Sheets sidebar: ${r.bundle?.sidebar ? kB(r.bundle.sidebar.gzipBytes) : '—'} gzipped; ` +
      `task pane first render in headless Chromium: ${r.firstRender ? ms(r.firstRender.noOffice.medianMs) : '—'} (median of 5).`,
    '',
    ...readmeFileHostLines(r),
    `Targets (issues 6 and 10) met: ${passed} of ${counted.length}.` +
      (missed.length > 0
        ? ` Not met: ${missed.map((m) => `${m.target} — ${m.scope.replace(/ \(.*\)$/, '')}`).join('; ')}. See \`bench/results.json\` for every figure.`
        : ''),
    '',
  ].join('\n');
}
