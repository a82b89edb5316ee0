/** Helpers for the file-host tests: temporary folders and peeking into saved packages. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

export async function tempDir(prefix = 'pr-file-host-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function zipText(bytes: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(path);
  if (!f) throw new Error(`no ${path} in the package (has: ${Object.keys(zip.files).join(', ')})`);
  return f.async('string');
}

export async function zipPaths(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Object.keys(zip.files).filter((p) => !zip.files[p]!.dir);
}

/** The worksheet part of a named sheet. */
export async function sheetXml(bytes: Uint8Array, sheet: string): Promise<string> {
  const wb = await zipText(bytes, 'xl/workbook.xml');
  const rels = await zipText(bytes, 'xl/_rels/workbook.xml.rels');
  const esc = sheet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rid = new RegExp(`<sheet [^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!rid || !target) throw new Error(`sheet ${sheet} not found`);
  return zipText(bytes, `xl/${target.replace(/^\/?xl\//, '')}`);
}
