/**
 * `npm run validate` (after `office-addin-manifest info`): the offline structural check of manifest.xml, and of
 * dist/manifest.xml too when a production build exists.
 *
 *   npx tsx scripts/check-manifest.ts [manifest.xml]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkManifest, DEV_ORIGIN } from './manifest-check.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const targets: { file: string; origin: string }[] = [{ file: resolve(process.argv[2] ?? join(root, 'manifest.xml')), origin: DEV_ORIGIN }];
const built = join(root, 'dist', 'manifest.xml');
if (!process.argv[2] && existsSync(built)) targets.push({ file: built, origin: originOf(readFileSync(built, 'utf8')) });

/** The origin a manifest was built for: its task pane address less `/taskpane.html`. */
function originOf(xml: string): string {
  const m = /<SourceLocation DefaultValue="([^"]+)\/taskpane\.html"/.exec(xml);
  return m ? m[1]! : DEV_ORIGIN;
}

let failed = false;
for (const { file, origin } of targets) {
  // the icons live in assets/ whatever the origin: check them there
  const xml = readFileSync(file, 'utf8').split(origin).join(DEV_ORIGIN);
  const problems = checkManifest(xml, root);
  if (problems.length === 0) {
    console.log(`${file}: structure OK`);
  } else {
    failed = true;
    console.error(`${file}: ${problems.length} problem(s)`);
    for (const pr of problems) console.error(`  - ${pr}`);
  }
}
process.exitCode = failed ? 1 : 0;
