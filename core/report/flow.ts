/**
 * "Download report" as a host-neutral operation: one read of the workbook, the report's content computed in core,
 * nothing written. The task pane drives it with `driveAsync` (Excel, the browser preview), the Sheets server with
 * `driveSync`; either way the pane gets plain data to turn into a .docx.
 */
import { errorOutcome, type OperationOutcome } from '../operations/outcome.js';
import { readReviewFlow, say, type Flow } from '../operations/flow.js';
import type { PreviousReview } from '../review/types.js';
import { reportFileName } from './content.js';
import { reportFromSnapshot } from './from-snapshot.js';
import type { ReportContent } from './types.js';

/** The review report's content (plain data, so it crosses google.script.run), for a pane to turn into a .docx. */
export interface ReportOutcome extends OperationOutcome {
  /** null when the report could not be made (the message says why) */
  report: ReportContent | null;
  /** the name to save it under, e.g. "Review report 2026-27.docx"; '' with no report */
  fileName: string;
}

export function* reportFlow(opts: { today: string; previous?: PreviousReview | null }): Flow<ReportOutcome> {
  yield* say('reading', 'Reading the workbook…');
  const snapshot = yield* readReviewFlow();
  yield* say('computing', 'Writing the report…');
  const { summary, content } = reportFromSnapshot(snapshot, opts);
  const fileName = reportFileName(summary.cycle);
  return { ok: true, message: `Report ready: ${fileName}.`, problems: [], tabsWritten: [], report: content, fileName };
}

/** An error as a report outcome: what is wrong and how to fix it; no report. */
export function reportErrorOutcome(e: unknown): ReportOutcome {
  return { ...errorOutcome(e), report: null, fileName: '' };
}
