/**
 * The package engine side by side with the file host as it was before it: the ExcelJS 4.4.0 path, built from the last
 * commit that has it, in the same run, on the same scenario and size.
 *
 * Both sides run the same kind of process: the commit's own `bench/child.ts` (old) and today's (new) are each bundled
 * with esbuild (npm packages left as imports, so the old side loads ExcelJS from node_modules) and run with plain
 * `node --expose-gc`, no TypeScript compiler in the process, as the built command line runs. Each side runs twice
 * in turn (new, old, new, old) and its quicker run is kept, so a burst of load on the shared machine costs both alike.
 * The peak memory is the peak resident set of the child process (`maxRSS`), the lower of its two runs.
 *
 * When the history is not there (a shallow clone, a source archive) nothing is guessed: the result says NOT MEASURED
 * and why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { runChildScript } from './children.js';
import type { FileHostResult } from './file-host.js';

/** The parent of the commit that brought in the package engine (66f7061): the last one with the ExcelJS file host. */
export const EXCELJS_COMMIT = '804ccbace005f0dbf6d868bbe1bec4366f6cc4fe';
export const ENGINE_COMMIT = '66f70617900d355ed40223dd2b3e5d5ca9a956b3';

export interface SideResult {
  /** the kept (quicker) run */
  best: FileHostResult;
  /** total time of every run, ms */
  runsMs: number[];
  /** the lower peak resident set of the runs, MB */
  peakRssMB: number;
}

export interface VersusExcelJs {
  frameworkId: string;
  size: number;
  /** how both sides were run */
  how: string;
  engine: SideResult | null;
  exceljs: SideResult | null;
  /** ExcelJS total ÷ engine total */
  speedup: number | null;
  /** engine peak ÷ ExcelJS peak */
  memoryRatio: number | null;
  /** why a side was not measured */
  notMeasured: string | null;
  /** not measured because this checkout cannot have the old code (no git history, ExcelJS not installed) */
  cannotBuild: boolean;
}

function git(root: string, args: string[], input?: Buffer): { ok: boolean; out: Buffer; err: string } {
  const r = spawnSync('git', ['-C', root, ...args], { input, maxBuffer: 256 * 1024 * 1024 });
  return { ok: r.status === 0, out: r.stdout ?? Buffer.alloc(0), err: `${r.stderr?.toString() ?? ''}${r.error?.message ?? ''}`.trim() };
}

async function bundleChild(treeRoot: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [join(treeRoot, 'bench', 'child.ts')],
    outfile,
    absWorkingDir: treeRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    banner: { js: "import { createRequire as __prCreateRequire } from 'node:module'; const require = __prCreateRequire(import.meta.url);" },
    logLevel: 'silent',
  });
}

/** Where the old tree and both bundles go; null plus the reason when the old commit cannot be had. */
async function prepare(
  root: string,
): Promise<{ oldScript: string; newScript: string; cleanup: () => void } | { why: string; cannotBuild: boolean }> {
  if (!git(root, ['rev-parse', '--git-dir']).ok)
    return {
      why: 'this copy of the project is not a git checkout, so the ExcelJS file host (commit 804ccba) cannot be built',
      cannotBuild: true,
    };
  if (!git(root, ['cat-file', '-e', `${EXCELJS_COMMIT}^{commit}`]).ok) {
    const shallow = git(root, ['rev-parse', '--is-shallow-repository']).out.toString().trim() === 'true';
    return {
      why: `the git history does not hold commit 804ccba (the last with the ExcelJS file host)${shallow ? ': this is a shallow clone; run "git fetch --unshallow" and measure again' : ''}`,
      cannotBuild: true,
    };
  }
  if (!existsSync(join(root, 'node_modules', 'exceljs', 'package.json')))
    return { why: 'ExcelJS is not installed (npm install brings it: it is a development dependency)', cannotBuild: true };
  const dir = mkdtempSync(join(tmpdir(), 'pr-bench-exceljs-'));
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const archive = git(root, ['archive', '--format=tar', EXCELJS_COMMIT]);
    if (!archive.ok) throw new Error(`git archive failed: ${archive.err}`);
    const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.out });
    if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr?.toString() ?? untar.error?.message}`);
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const oldScript = join(dir, 'bench-child.mjs');
    await bundleChild(dir, oldScript);
    const outDir = join(root, 'bench', 'out');
    mkdirSync(outDir, { recursive: true });
    const newScript = join(outDir, 'bench-child.mjs');
    await bundleChild(root, newScript);
    return { oldScript, newScript, cleanup };
  } catch (e) {
    cleanup();
    return {
      why: `the ExcelJS file host could not be built from commit 804ccba: ${e instanceof Error ? e.message : String(e)}`,
      cannotBuild: false,
    };
  }
}

function side(runs: FileHostResult[]): SideResult | null {
  const done = runs.filter((r) => r.totalMs !== null);
  if (done.length === 0) return null;
  const best = done.reduce((a, b) => (b.totalMs! < a.totalMs! ? b : a));
  return { best, runsMs: done.map((r) => r.totalMs!), peakRssMB: Math.min(...done.map((r) => r.peakRssMB ?? Infinity)) };
}

export async function measureVersusExcelJs(
  root: string,
  frameworkId: string,
  size: number,
  timeoutMs: number,
  log: (s: string) => void,
): Promise<VersusExcelJs> {
  const how =
    'each side bundled from its own bench/child.ts with esbuild and run with plain node (no tsx); quicker of two runs each, alternating';
  const empty = { frameworkId, size, how, engine: null, exceljs: null, speedup: null, memoryRatio: null };
  const ready = await prepare(root);
  if ('why' in ready) return { ...empty, notMeasured: ready.why, cannotBuild: ready.cannotBuild };
  try {
    const runs: Record<'engine' | 'exceljs', FileHostResult[]> = { engine: [], exceljs: [] };
    const errors: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (const [name, script] of [
        ['engine', ready.newScript],
        ['exceljs', ready.oldScript],
      ] as const) {
        log(
          `bench: ${name === 'engine' ? 'package engine' : 'ExcelJS file host (804ccba)'}, ${frameworkId} at ${size}, run ${round + 1} of 2…`,
        );
        const out = await runChildScript<FileHostResult>(script, ['file-host', frameworkId, String(size)], timeoutMs);
        if (out.result) runs[name].push(out.result);
        else errors.push(`${name}: ${out.error ?? `stopped after ${Math.round((out.timedOutAfterMs ?? 0) / 1000)} s`}`);
      }
    }
    const engine = side(runs.engine);
    const exceljs = side(runs.exceljs);
    return {
      ...empty,
      engine,
      exceljs,
      speedup: engine && exceljs ? exceljs.best.totalMs! / engine.best.totalMs! : null,
      memoryRatio: engine && exceljs ? engine.peakRssMB / exceljs.peakRssMB : null,
      notMeasured: engine && exceljs ? null : errors.join('; ') || 'no run finished',
      cannotBuild: false,
    };
  } finally {
    ready.cleanup();
  }
}
