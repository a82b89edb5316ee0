/**
 * The operations wired to any async Host: one read, compute in core, at most one apply — with progress events.
 * The steps and outcomes are defined once, as flows (./flow.ts); the Apps Script server runs the same flows with
 * the synchronous driver.
 */
import type { Host, Snapshot } from '../host/types.js';
import type { ImportOptions } from '../import/plan-import.js';
import type { PlanRowOut } from '../plan/types.js';
import type { CellValue } from '../review/types.js';
import {
  checkFlow,
  createFlow,
  driveAsync,
  importFlow,
  planFlow,
  readReviewFlow,
  summariseFlow,
  type CreateOptions,
  type RunOutcome,
} from './flow.js';
import type { OperationOutcome } from './outcome.js';
import type { CheckResult, CreateRequest, ImportReport, OnProgress, SummaryModel } from './types.js';
import type { SummariseOptions } from './summarise.js';

export type { RunOutcome };

/** Every tab the reader uses, in one read (a second, small one only for a custom register tab PR_Meta names). */
export function readReviewSnapshot(host: Host): Promise<Snapshot> {
  return driveAsync(readReviewFlow(), host);
}

export function runCreate(host: Host, req: CreateRequest, onProgress?: OnProgress, opts?: CreateOptions): Promise<RunOutcome> {
  return driveAsync(createFlow(req, opts), host, onProgress);
}

export function runCheck(host: Host, today: string, onProgress?: OnProgress): Promise<CheckResult & { outcome: OperationOutcome }> {
  return driveAsync(checkFlow(today), host, onProgress);
}

export function runSummarise(host: Host, opts: SummariseOptions, onProgress?: OnProgress): Promise<RunOutcome & { summary: SummaryModel }> {
  return driveAsync(summariseFlow(opts), host, onProgress);
}

export function runPlan(host: Host, opts: { today: string }, onProgress?: OnProgress): Promise<RunOutcome & { rows: PlanRowOut[] }> {
  return driveAsync(planFlow(opts), host, onProgress);
}

export function runImport(
  host: Host,
  table: CellValue[][],
  today: string,
  onProgress?: OnProgress,
  options: ImportOptions = {},
): Promise<RunOutcome & { report: ImportReport }> {
  return driveAsync(importFlow(table, today, options), host, onProgress);
}
