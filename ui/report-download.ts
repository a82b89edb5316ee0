/**
 * "Download report": the pane turns the report's content into a .docx and hands it to the browser as a download.
 * The docx code is loaded only now (a dynamic import: its own chunk in the task pane build), so the pane's first
 * load does not carry it. Where the page cannot start a download (a sandboxed frame without downloads), the
 * browser drops it silently; the pane then shows the link to click itself (`link`), which counts as the person's
 * own click.
 */
import type { ReportContent } from '../core/report/types.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface SavedReport {
  /** an object URL for the file, to offer as a link; revoke with `URL.revokeObjectURL` when done */
  url: string;
  fileName: string;
  bytes: number;
}

/** Makes the .docx and starts its download; returns the link to offer as well. */
export async function downloadReport(content: ReportContent, fileName: string, doc: Document = document): Promise<SavedReport> {
  const { reportDocx } = await import('../report/docx.js');
  const bytes = await reportDocx(content);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: DOCX_TYPE }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  return { url, fileName, bytes: bytes.length };
}
