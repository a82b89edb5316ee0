/**
 * The built task pane and sidebar for the browser tests. The sidebar is built into test-artifacts/hardening/ (our own
 * folder, so a build here never races another test's build into dist/) and rebuilt only when a source is newer than
 * the build; the task pane is the run's one shared build.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from './paths.js';

const SOURCE_DIRS = ['core', 'ui', 'excel-addin', 'sheets-addon', 'memory-host'];
const SOURCE_FILES = ['vite.config.ts', 'package.json', 'appsscript.json'];

function newestIn(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, e)));
  return newest;
}

function newestSource(): number {
  return Math.max(...SOURCE_DIRS.map((d) => newestIn(repoPath(d))), ...SOURCE_FILES.map((f) => newestIn(repoPath(f))));
}

function upToDate(marker: string): boolean {
  return existsSync(marker) && statSync(marker).mtimeMs >= newestSource();
}

/** The Excel task pane's production build, shared by every browser test of the run (test/support/pane-build.ts). */
export { builtPane as builtTaskpane } from '../../support/pane-build.js';

/** The Sheets add-on built by sheets-addon/build.ts into test-artifacts/hardening/sheets-addon. */
export async function builtSidebar(): Promise<string> {
  const outDir = repoPath('test-artifacts', 'hardening', 'sheets-addon');
  const html = join(outDir, 'sidebar.html');
  if (upToDate(html)) return outDir;
  const { buildSheetsAddon } = await import('../../../sheets-addon/build.js');
  await buildSheetsAddon(outDir);
  return outDir;
}

/** Every file under `dir`, relative paths. */
export function filesUnder(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesUnder(dir, p));
    else out.push(p);
  }
  return out;
}
