/**
 * Excel: `context.sync()` calls per operation and the largest payload of one sync, through the Office.js adapter
 * (`ExcelHost`) over the recording Office.js fake the adapter's own tests use. The fake measures each sync as the
 * JSON of the calls it carried; the adapter's own estimate is kept beside it. The plans applied are kept so the
 * naive per-cell writer can replay them.
 */
import type { Framework } from '../core/framework/schema.js';
import type { SheetPlan } from '../core/sheet-plan/types.js';
import { ExcelHost } from '../excel-addin/adapter/index.js';
import { FakeOffice, FakeWorkbookState } from '../test/excel-addin/fake-office.js';
import { OPERATIONS, runScenario, type Operation } from './operations.js';
import type { Scenario } from './scenarios.js';

/** Excel on the web refuses a request of 5 MB; the target is below 4 MB, and one more sync per further 4 MB. */
export const PAYLOAD_LIMIT_BYTES = 4_000_000;
/**
 * A read takes 3 syncs (the tab list, the used ranges' sizes, the values — so nothing is called through a tab that
 * may not exist and each response stays under 4 MB) and a write 3 (the tab list, what existing tabs hold with the
 * preconditions, the write): an operation that reads and writes, 6.
 */
export const MAX_SYNCS = 6;

export interface ExcelOperation {
  syncs: number;
  /** syncs the target allows: 6, plus one per further 4 MB of payload */
  allowedSyncs: number;
  /** JSON bytes of the calls each sync carried, as the fake recorded them */
  syncBytes: number[];
  largestSyncBytes: number;
  totalBytes: number;
  /** the adapter's own estimate of its largest sync */
  adapterLargestBytes: number;
  /** JSON bytes of the values the operation's read(s) returned (Excel on the web limits responses too) */
  largestReadBytes: number;
  /** the tabs of that read, largest first, with their bytes */
  largestReadTabs: { tab: string; bytes: number }[];
  reads: number;
  applies: number;
  /** host calls queued (values=, format, validation …), as the fake recorded them */
  calls: number;
  note: string;
}

export interface ExcelScenarioResult {
  ops: Record<Operation, ExcelOperation>;
  /** the plans each writing operation applied (for the naive writers) */
  plans: Record<'create' | 'summarise' | 'plan', SheetPlan[]>;
}

export function allowedSyncs(totalBytes: number): number {
  return MAX_SYNCS + Math.max(0, Math.ceil(totalBytes / PAYLOAD_LIMIT_BYTES) - 1);
}

export async function measureExcel(framework: Framework, scenario: Scenario, size: number): Promise<ExcelScenarioResult> {
  const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
  const host = new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9') });
  const runs = await runScenario(host, framework, scenario, size, {
    begin() {
      fake.resetCounters();
      host.resetStats();
    },
    end() {
      return {
        syncs: fake.syncs,
        adapterSyncs: host.stats.syncs,
        syncBytes: [...fake.syncBytes],
        adapterLargestBytes: host.stats.largestSyncBytes,
        calls: fake.calls.length,
      };
    },
  });
  const ops = {} as Record<Operation, ExcelOperation>;
  for (const op of OPERATIONS) {
    const r = runs[op];
    const m = r.measured;
    if (m.syncs !== m.adapterSyncs) {
      throw new Error(`Excel ${op}: the fake saw ${m.syncs} syncs but the adapter counted ${m.adapterSyncs}`);
    }
    const totalBytes = m.syncBytes.reduce((a, b) => a + b, 0);
    const biggestRead = r.count.readBytes.indexOf(Math.max(...r.count.readBytes));
    const readTabs = Object.entries(r.count.readTabBytes[biggestRead] ?? {})
      .map(([tab, bytes]) => ({ tab, bytes }))
      .sort((a, b) => b.bytes - a.bytes);
    ops[op] = {
      syncs: m.syncs,
      allowedSyncs: allowedSyncs(totalBytes),
      syncBytes: m.syncBytes,
      largestSyncBytes: Math.max(0, ...m.syncBytes),
      totalBytes,
      adapterLargestBytes: m.adapterLargestBytes,
      largestReadBytes: Math.max(0, ...r.count.readBytes),
      largestReadTabs: readTabs,
      reads: r.count.reads,
      applies: r.count.applies,
      calls: m.calls,
      note: r.note,
    };
  }
  return {
    ops,
    plans: { create: runs.create.count.plans, summarise: runs.summarise.count.plans, plan: runs.plan.count.plans },
  };
}
