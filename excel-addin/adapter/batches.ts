/**
 * The write queue: every write the adapter queues is an operation with an estimated payload. Operations run in
 * order, grouped into as few `context.sync()` calls as the payload limit allows (Excel on the web refuses a request
 * of 5 MB; the adapter keeps each sync under ~4 MB, so a plan of up to 4 MB is written in one sync and each further
 * 4 MB costs one more).
 */
import type { ExcelContext } from './office-types.js';

export const DEFAULT_MAX_SYNC_BYTES = 4_000_000;

/** Rough fixed cost of one queued call (object path, method name, address) in the request JSON. */
export const CALL_OVERHEAD_BYTES = 120;

export interface WriteOp {
  /** estimated JSON bytes this operation adds to the request */
  bytes: number;
  /** queues the calls (never syncs) */
  queue(ctx: ExcelContext): void;
  /** the plan's tab it writes to, if one */
  tab?: string;
  /** false: a change a failed write cannot take back exactly on a tab that existed (formats, lists, rules, charts) */
  undoable?: boolean;
}

/** Greedy grouping that keeps the order of operations. */
export function groupIntoBatches(ops: WriteOp[], maxBytes: number): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let size = 0;
  for (const op of ops) {
    if (current.length > 0 && size + op.bytes > maxBytes) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export function batchBytes(batch: WriteOp[]): number {
  return batch.reduce((n, op) => n + op.bytes, 0);
}
