/**
 * Writes dist/manifest.xml for production: every https://localhost:3000 in manifest.xml becomes ADDIN_URL
 * (default: the placeholder https://partnership-review.example.org — set ADDIN_URL to where the task pane is hosted).
 *
 *   ADDIN_URL=https://addins.example.gov.uk/partnership-review npm run build:manifest
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEV_URL = 'https://localhost:3000';
export const PLACEHOLDER_URL = 'https://partnership-review.example.org';

/** ADDIN_URL checked and without a trailing slash; throws a message saying how to fix it. */
export function productionOrigin(raw: string | undefined): string {
  const value = (raw ?? '').trim() || PLACEHOLDER_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `ADDIN_URL "${value}" is not a URL. Set it to the https address the task pane is served from, e.g. https://addins.example.gov.uk/partnership-review`,
    );
  }
  if (url.protocol !== 'https:')
    throw new Error(`ADDIN_URL must start with https:// (Office loads add-ins over https only), got "${value}".`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL must be a plain address without ?query or #fragment, got "${value}".`);
  return value.replace(/\/+$/, '');
}

/** Every dev URL replaced; an AppDomain is an origin only, so a path in ADDIN_URL is left out there. */
export function productionManifest(xml: string, origin: string): string {
  const domain = new URL(origin).origin;
  return xml.split(`<AppDomain>${DEV_URL}</AppDomain>`).join(`<AppDomain>${domain}</AppDomain>`).split(DEV_URL).join(origin);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const origin = productionOrigin(process.env['ADDIN_URL']);
  const out = join(root, 'dist', 'manifest.xml');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, productionManifest(readFileSync(join(root, 'manifest.xml'), 'utf8'), origin));
  if (origin === PLACEHOLDER_URL) console.warn(`build-manifest: ADDIN_URL not set; using the placeholder ${PLACEHOLDER_URL}`);
  console.log(`wrote ${out} for ${origin}`);
}
