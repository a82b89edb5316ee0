/**
 * What a person downloads: the task pane's JavaScript (dist/excel-addin) and the Sheets sidebar's single HTML file
 * (dist/sheets-addon/sidebar.html), gzipped with zlib at its default level, as a web server would send them.
 * office.js is not counted: it comes from Office's CDN for every add-in.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSizes {
  taskpane: {
    /** every .js file the build emitted */
    files: FileSize[];
    totalGzipBytes: number;
    totalBytes: number;
    /** the entry script named in taskpane.html and everything it imports statically: what loads before any await */
    initial: string[];
    initialGzipBytes: number;
  } | null;
  sidebar: FileSize | null;
  /** Apps Script server bundle (not downloaded by the person; shown for completeness) */
  codeJs: FileSize | null;
}

function sizeOf(path: string, root: string): FileSize {
  const buf = readFileSync(path);
  return { file: relative(root, path), bytes: buf.length, gzipBytes: gzipSync(buf).length };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/** `import … from "./x.js"` and `import "./x.js"` (not `import("./x.js")`) in a built chunk. */
export function staticImports(js: string): string[] {
  const out = new Set<string>();
  for (const m of js.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g)) out.add(m[1]!);
  return [...out];
}

export function entryScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
}

/**
 * The pane's first load in a built pane folder: the entry scripts taskpane.html names and, transitively, what they
 * import statically (a dynamic `import()` — the report's docx chunk — is not followed). Absolute paths, in the order
 * found; a script the build did not emit is left out.
 */
export function firstLoadScripts(paneDir: string): string[] {
  const initial = new Set<string>();
  const queue = entryScripts(readFileSync(join(paneDir, 'taskpane.html'), 'utf8')).map((s) => join(paneDir, s));
  while (queue.length > 0) {
    const p = queue.shift()!;
    if (initial.has(p) || !existsSync(p)) continue;
    initial.add(p);
    for (const imp of staticImports(readFileSync(p, 'utf8'))) queue.push(join(dirname(p), imp));
  }
  return [...initial];
}

export function measureBundles(root: string): BundleSizes {
  const paneDir = join(root, 'dist', 'excel-addin');
  const html = join(paneDir, 'taskpane.html');
  let taskpane: BundleSizes['taskpane'] = null;
  if (existsSync(html)) {
    const files = listFiles(paneDir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => sizeOf(f, root));
    const byPath = new Map(files.map((f) => [join(root, f.file), f]));
    const initial = firstLoadScripts(paneDir);
    taskpane = {
      files,
      totalGzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
      totalBytes: files.reduce((n, f) => n + f.bytes, 0),
      initial: initial.map((p) => basename(p)),
      initialGzipBytes: initial.reduce((n, p) => n + (byPath.get(p)?.gzipBytes ?? 0), 0),
    };
  }
  const sidebarPath = join(root, 'dist', 'sheets-addon', 'sidebar.html');
  const codePath = join(root, 'dist', 'sheets-addon', 'Code.js');
  return {
    taskpane,
    sidebar: existsSync(sidebarPath) ? sizeOf(sidebarPath, root) : null,
    codeJs: existsSync(codePath) ? sizeOf(codePath, root) : null,
  };
}
