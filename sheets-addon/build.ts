/**
 * `npm run build:sheets`: the Google Sheets add-on, built into dist/sheets-addon/ —
 * - `Code.js`: the server (sheets-addon/server + core) as ONE classic script: an IIFE that assigns `PR`, followed by
 *   real top-level function declarations (`function onOpen(e) { return PR.onOpen(e); }` …), because Apps Script
 *   only sees top-level functions. No `import`/`export`, ES2019 syntax for the V8 runtime.
 * - `sidebar.html`: the shared React task pane with the google.script.run bridge, JS and CSS inlined, no external
 *   URL at all, under a Content-Security-Policy that lets only that one script run (by its SHA-256 hash). The script is
 *   rewritten so that HtmlService's comment stripping cannot change it, and the build fails if it could
 *   (html-service-script.ts).
 * - `appsscript.json`, copied from the repository root.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { zodEnglishOnly } from '../scripts/zod-english-only.mjs';
import { GLOBAL_FUNCTIONS } from './server/api.js';
import { htmlServiceHazards, rewriteForHtmlService } from './html-service-script.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface SheetsBuild {
  outDir: string;
  codeJs: string;
  sidebarHtml: string;
  manifest: string;
  /** sizes in bytes */
  sizes: { codeJs: number; sidebarHtml: number };
}

const shared: BuildOptions = {
  bundle: true,
  write: false,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'silent',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/** The top-level declarations Apps Script needs, after the bundle. */
export function globalStubs(): string {
  return GLOBAL_FUNCTIONS.map(
    (f) => `function ${f.name}(${f.params.join(', ')}) {\n  return PR.${f.name}(${f.params.join(', ')});\n}`,
  ).join('\n');
}

/** Only zod's English messages go in, in the server and in the sidebar (scripts/zod-english-only.mjs). */
const zodEnglish = zodEnglishOnly(ROOT);

async function buildServer(): Promise<string> {
  const result = await build({
    ...shared,
    absWorkingDir: ROOT,
    entryPoints: ['sheets-addon/server/index.ts'],
    format: 'iife',
    globalName: 'PR',
    platform: 'neutral',
    plugins: [zodEnglish],
    mainFields: ['module', 'main'],
    target: 'es2019',
    // zod alone is ~800 KB unminified; minified, the whole script is a few hundred KB
    minify: true,
  });
  const js = result.outputFiles![0]!.text;
  const header =
    '// Partnership Review — Google Sheets add-on. Built by `npm run build:sheets` from sheets-addon/ and core/: edit\n' +
    '// those, not this file. Apps Script sees the top-level functions at the end.\n';
  return `${header}${js}\n${globalStubs()}\n`;
}

/**
 * `'sha256-…'`: the CSP source that lets exactly this inline script run. Hashed as the browser reads the element's
 * text: the HTML parser turns CR LF and lone CR into LF before anything sees the script.
 */
export function scriptHashSource(scriptText: string): string {
  if (scriptText.includes('\0'))
    throw new Error('the sidebar script holds a NUL character, which the HTML parser would change: its hash could not match');
  const asParsed = scriptText.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(asParsed, 'utf8').digest('base64')}'`;
}

/**
 * The sidebar's Content-Security-Policy. The page's one inline script runs because its hash is listed, and nothing
 * else does: no other inline script, no script from anywhere, no eval. Styles may be inline only, because Fluent UI
 * (Griffel) writes its CSS into <style> elements as it renders. Connections only to the page's own origin; images
 * only from data: URLs (none are used today); every other kind of fetch — fonts, media, frames, workers, plugins,
 * manifests — and form posts are shut. Every fetch directive is named, so `default-src` (kept at 'self', as in the
 * task pane) governs nothing. No external URL appears anywhere in it.
 */
export function sidebarCsp(scriptText: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptHashSource(scriptText)}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "font-src 'none'",
    "connect-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The bundled sidebar script, made safe to inline and to pass through HtmlService: no `//`, `/*`, `<!--`, `-->`,
 * `<script`, `</script` or `<?` left anywhere in it (html-service-script.ts; throws, failing the build, otherwise).
 */
export function inlineScript(js: string): string {
  return rewriteForHtmlService(js);
}

async function buildSidebar(): Promise<string> {
  const result = await build({
    ...shared,
    absWorkingDir: ROOT,
    entryPoints: ['sheets-addon/client/main.tsx'],
    outdir: 'dist/sheets-addon/.sidebar',
    format: 'iife',
    platform: 'browser',
    plugins: [zodEnglish],
    target: 'es2020',
    jsx: 'automatic',
    minify: true,
    // template literals become string concatenation: HtmlService cuts `//` and `/*` inside them (html-service-script.ts)
    supported: { 'template-literal': false },
  });
  const js = result
    .outputFiles!.filter((f) => f.path.endsWith('.js'))
    .map((f) => f.text)
    .join('\n');
  const css = result
    .outputFiles!.filter((f) => f.path.endsWith('.css'))
    .map((f) => f.text)
    .join('\n');
  const script = inlineScript(js);
  const html = [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    // First in <head>, so it governs everything after it. Everything is inline; nothing is fetched. See
    // sidebarCsp() for the policy, and sheets-addon/README.md for how far Apps Script keeps it.
    `<meta http-equiv="Content-Security-Policy" content="${sidebarCsp(script)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<base target="_top">',
    '<title>Partnership Review</title>',
    '<style>html, body, #root { margin: 0; height: 100%; }</style>',
    css ? `<style>${css.replace(/<\/(style)/gi, '<\\/$1')}</style>` : '',
    '</head>',
    '<body>',
    '<div id="root"></div>',
    '<noscript>Partnership Review needs JavaScript, which this browser has turned off.</noscript>',
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
  // HtmlService removes HTML comments from the whole file: there must be none, and nothing that looks like one
  const comments = htmlServiceHazards(html).filter((h) => h.sequence === '<!--' || h.sequence === '-->');
  if (comments.length > 0)
    throw new Error(`sidebar.html holds "${comments[0]!.sequence}" at offset ${comments[0]!.index}, which HtmlService would strip`);
  return html;
}

/** Write through a temporary file and a rename, so a reader (a test running beside another) never sees half a file. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

export async function buildSheetsAddon(outDir = join(ROOT, 'dist', 'sheets-addon')): Promise<SheetsBuild> {
  const [code, sidebar, manifest] = await Promise.all([buildServer(), buildSidebar(), readFile(join(ROOT, 'appsscript.json'), 'utf8')]);
  await mkdir(outDir, { recursive: true });
  const codeJs = join(outDir, 'Code.js');
  const sidebarHtml = join(outDir, 'sidebar.html');
  const manifestOut = join(outDir, 'appsscript.json');
  await Promise.all([writeAtomic(codeJs, code), writeAtomic(sidebarHtml, sidebar), writeAtomic(manifestOut, manifest)]);
  return {
    outDir,
    codeJs,
    sidebarHtml,
    manifest: manifestOut,
    sizes: { codeJs: Buffer.byteLength(code), sidebarHtml: Buffer.byteLength(sidebar) },
  };
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  buildSheetsAddon().then(
    (b) => {
      const kb = (n: number): string => `${Math.round(n / 1024)} KB`;
      console.log(`Built ${b.outDir}: Code.js ${kb(b.sizes.codeJs)}, sidebar.html ${kb(b.sizes.sidebarHtml)}, appsscript.json`);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
