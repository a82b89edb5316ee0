/**
 * One production build of the Excel task pane for every browser test in a run. The build goes into
 * test-artifacts/pane-build/<hash>/, where <hash> is a SHA-256 of every source the build reads (the pane's code, core,
 * the in-memory host, the report, assets, the Vite config and the lockfile). The first test file that asks builds it;
 * the others — in the same run or a later one, in any worker — find it there, so a run builds the pane once, and not
 * at all when nothing it reads has changed. Workers that ask at the same time wait on a lock folder (the builder's
 * process id inside, so a lock left by a killed run is taken over) and the build is moved into place whole, so no
 * test ever serves half a build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** What `vite build` reads for the pane: the pane's code imports only from these folders (and node_modules, pinned by the lockfile). */
const SOURCES = [
  'core',
  'ui',
  'excel-addin',
  'memory-host',
  'report',
  'assets',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];
const CACHE = join(ROOT, 'test-artifacts', 'pane-build');

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** SHA-256 (first 16 hex digits) over the relative path and bytes of every source of the build. */
export function paneSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((s) => filesUnder(join(ROOT, s)))) {
    hash.update(relative(ROOT, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function viteBuild(outDir: string): Promise<void> {
  const { build } = await import('vite');
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build: build as `npm run build` does
  const before = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = before;
  }
  if (!existsSync(join(outDir, 'taskpane.html'))) throw new Error(`vite built no taskpane.html into ${outDir}`);
}

/** Removes builds of older sources (not the one just made, not one being made). */
function pruneOthers(keep: string): void {
  for (const name of readdirSync(CACHE)) {
    if (name === keep || name.endsWith('.lock') || existsSync(join(CACHE, `${name}.lock`))) continue;
    const path = join(CACHE, name);
    // a build of other sources that a test may still be serving is left for an hour
    if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}

/** The folder of the production build of the current sources, built now if no test has built it yet. */
export async function builtPane(): Promise<string> {
  const hash = paneSourceHash();
  const dir = join(CACHE, hash);
  const lock = join(CACHE, `${hash}.lock`);
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    if (existsSync(join(dir, 'taskpane.html'))) return dir;
    try {
      mkdirSync(lock);
    } catch {
      // another worker is building: wait for it, or take over a lock whose builder has gone
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // the lock was made a moment ago and has no pid yet
      }
      if (Number.isInteger(owner) && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid));
      if (existsSync(join(dir, 'taskpane.html'))) return dir;
      const building = join(CACHE, `${hash}.${process.pid}.tmp`);
      rmSync(building, { recursive: true, force: true });
      process.stderr.write(`pane-build: building the task pane for sources ${hash} (once for every browser test)\n`);
      await viteBuild(building);
      rmSync(dir, { recursive: true, force: true });
      renameSync(building, dir);
      pruneOthers(hash);
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
