/**
 * A `Host` wrapper that counts what an operation asked of its host — reads, applies, the plans applied — and the
 * size of what came back from each read, without changing anything it passes through. The benchmark wraps every
 * adapter in one, so "one read and one apply per operation" is measured rather than assumed, and the plans applied
 * can be replayed through the naive per-cell writers.
 */
import type { ApplyResult, Host, ReadRequest, Snapshot } from '../core/host/types.js';
import type { SheetPlan } from '../core/sheet-plan/types.js';

export interface OperationCount {
  reads: number;
  applies: number;
  /** JSON bytes of the values each read returned (what Excel on the web sends back) */
  readBytes: number[];
  /** the same, tab by tab, for each read */
  readTabBytes: Record<string, number>[];
  plans: SheetPlan[];
}

export function emptyCount(): OperationCount {
  return { reads: 0, applies: 0, readBytes: [], readTabBytes: [], plans: [] };
}

/** JSON size of a snapshot's cell values: the response payload of reading those tabs. */
export function snapshotBytes(snap: Snapshot): number {
  return Object.values(tabBytes(snap)).reduce((a, b) => a + b, 0);
}

/** JSON size of each tab's values. */
export function tabBytes(snap: Snapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, tab] of Object.entries(snap.tabs)) out[name] = JSON.stringify(tab.values).length;
  return out;
}

export class CountingHost implements Host {
  private current: OperationCount = emptyCount();

  constructor(readonly inner: Host) {}

  /** Counts since the last `take()`, and starts again from zero. */
  take(): OperationCount {
    const out = this.current;
    this.current = emptyCount();
    return out;
  }

  async read(request: ReadRequest): Promise<Snapshot> {
    this.current.reads += 1;
    const snap = await this.inner.read(request);
    const bytes = tabBytes(snap);
    this.current.readTabBytes.push(bytes);
    this.current.readBytes.push(Object.values(bytes).reduce((a, b) => a + b, 0));
    return snap;
  }

  async apply(plan: SheetPlan): Promise<ApplyResult> {
    this.current.applies += 1;
    this.current.plans.push(plan);
    return this.inner.apply(plan);
  }
}
