/**
 * Two review workbooks for the pane's "Build the LSP improvement plan…" tests, made as people make them
 * (./lsp-inputs.ts: `new`, typed register rows, `summarise`), handed over as the files a person picks in the pane.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { PickedFile } from '../../ui/import-file.js';
import { makeLspInputs } from './lsp-inputs.js';

export function pickedFile(name: string, bytes: Uint8Array): PickedFile {
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}

/** tracker.xlsx (delivery tracker, summarised) and risk.xlsx (risk exercise, summarised), as picked files. */
export async function pickedReviews(today: string): Promise<{ files: PickedFile[]; paths: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'pr-lsp-pane-'));
  const { tracker, risk } = await makeLspInputs(dir, today);
  const files: PickedFile[] = [];
  for (const path of [tracker, risk]) files.push(pickedFile(basename(path), new Uint8Array(await readFile(path))));
  return { files, paths: [tracker, risk] };
}
