/**
 * `ExcelHost`: the Office.js adapter. Reads a snapshot in one `context.sync()`; applies a sheet plan in two (one to
 * learn what is there and check the preconditions, one to write), plus one more for each further ~4 MB of payload.
 * It decides nothing about what a sheet looks like and computes nothing: it turns a plan into batched calls.
 */
import type { CellRef, CellValue } from '../../core/review/types.js';
import type { ApplyResult, Host, ReadRequest, Snapshot, TabSnapshot } from '../../core/host/types.js';
import { LayoutChangedError, ReviewRequestError } from '../../core/operations/types.js';
import type { SheetPlan } from '../../core/sheet-plan/types.js';
import { a1 } from '../../core/util/a1.js';
import { batchBytes, CALL_OVERHEAD_BYTES, DEFAULT_MAX_SYNC_BYTES, groupIntoBatches } from './batches.js';
import { explainExcelError } from './excel-errors.js';
import type { ExcelContext, ExcelRun, IsSetSupported } from './office-types.js';
import { officeIsSetSupported, Requirements } from './requirements.js';
import { SheetProxies } from './sheet-proxies.js';
import { emptyStats, recordSync, type ExcelHostStats } from './stats.js';
import { firstBrokenPrecondition, normaliseCell, queueStateLoad } from './workbook-state.js';
import { planWrites } from './write-ops.js';

export const LAYOUT_CHANGED_MESSAGE =
  'The workbook changed while the summary was being built (someone edited PR_Meta or the Responses headers). ' +
  'Nothing was written. Run it again.';

export interface ExcelHostOptions {
  /** `Office.context.requirements.isSetSupported`; looked up on the global `Office` when not given */
  isSetSupported?: IsSetSupported;
  /** payload limit of one sync, in bytes (default 4,000,000: Excel on the web refuses 5 MB) */
  maxSyncBytes?: number;
}

export class ExcelHost implements Host {
  private readonly reqs: Requirements;
  private readonly maxSyncBytes: number;
  private current: ExcelHostStats = emptyStats();

  constructor(
    private readonly run: ExcelRun,
    options: ExcelHostOptions = {},
  ) {
    this.reqs = new Requirements(options.isSetSupported ?? officeIsSetSupported());
    this.maxSyncBytes = options.maxSyncBytes ?? DEFAULT_MAX_SYNC_BYTES;
  }

  /** Counters since construction or the last `resetStats()`. */
  get stats(): ExcelHostStats {
    return this.current;
  }

  resetStats(): void {
    this.current = emptyStats();
  }

  private async sync(ctx: ExcelContext, bytes: number, stage: string): Promise<void> {
    recordSync(this.current, bytes);
    try {
      await ctx.sync();
    } catch (e) {
      throw explainExcelError(e, stage);
    }
  }

  async read(request: ReadRequest): Promise<Snapshot> {
    this.reqs.require('read');
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility,items/position');
      let names: string[];
      if (request.tabs === 'all') {
        await this.sync(ctx, CALL_OVERHEAD_BYTES, 'reading the list of tabs');
        names = sheets.items.map((s) => s.name);
      } else {
        names = request.tabs;
      }
      const ranges = names.map((name) => {
        const range = sheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
        range.load('values,rowIndex,columnIndex');
        return { name, range };
      });
      await this.sync(ctx, CALL_OVERHEAD_BYTES * (1 + ranges.length), 'reading the review tabs');

      const items = sheets.items;
      const tabNames = items.map((s) => s.name);
      const tabs: Record<string, TabSnapshot> = {};
      for (const { name, range } of ranges) {
        const ws = items.find((s) => s.name === name);
        if (!ws) continue; // not in this workbook
        const values = range.isNullObject ? [] : padToA1(range.values, range.rowIndex, range.columnIndex);
        tabs[name] = { name, index: ws.position, hidden: ws.visibility !== 'Visible', values };
      }
      return { tabNames, tabs };
    });
  }

  async apply(plan: SheetPlan): Promise<ApplyResult> {
    this.reqs.require('write');
    const before = this.current.syncs;
    const warnings: string[] = [];
    await this.run(async (ctx) => {
      // (1) what is there now, and the precondition cells — one sync
      const readState = queueStateLoad(ctx, plan);
      await this.sync(ctx, CALL_OVERHEAD_BYTES * (4 + 3 * plan.tabs.length + 2 * (plan.preconditions?.length ?? 0)), 'checking the workbook');
      const state = readState();

      // (2) decide, before anything is written
      const broken = firstBrokenPrecondition(plan, state);
      if (broken) {
        throw new LayoutChangedError(`${LAYOUT_CHANGED_MESSAGE} (First change found at ${broken.sheet}!${a1(broken.row, broken.col)}.)`);
      }
      for (const tab of plan.tabs) {
        if (tab.mode === 'create' && state.existing.has(tab.name)) {
          throw new ReviewRequestError(
            `This workbook already has a tab called "${tab.name}". Nothing was written. ` +
              'Rename or delete that tab (or start from a new workbook), then create the review again.',
          );
        }
      }
      const sheets = new SheetProxies();
      const planned = planWrites(plan, state, sheets, this.reqs, this.maxSyncBytes);
      warnings.push(...planned.warnings);

      // (3) write everything: one sync per ~4 MB
      const batches = groupIntoBatches(planned.ops, this.maxSyncBytes);
      for (const [i, batch] of batches.entries()) {
        ctx.workbook.application.suspendApiCalculationUntilNextSync();
        for (const op of batch) op.queue(ctx);
        const stage = batches.length > 1 ? `writing the workbook (part ${i + 1} of ${batches.length})` : 'writing the workbook';
        await this.sync(ctx, batchBytes(batch) + CALL_OVERHEAD_BYTES, stage);
      }
    });
    this.current.warnings.push(...warnings);
    return { calls: this.current.syncs - before, warnings };
  }

  /** Shows a cell to the person: activates its tab and selects it (one sync). */
  async select(at: CellRef): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(at.sheet);
      ws.activate();
      ws.getRange(a1(at.row, at.col)).select();
      await this.sync(ctx, CALL_OVERHEAD_BYTES * 2, `selecting ${at.sheet}!${a1(at.row, at.col)}`);
    });
  }
}

/** Used-range values placed so they start at A1 (rows and columns before the used range filled with null). */
export function padToA1(values: unknown[][], rowIndex: number, columnIndex: number): CellValue[][] {
  const width = columnIndex + Math.max(0, ...values.map((r) => r.length));
  const out: CellValue[][] = [];
  for (let r = 0; r < rowIndex; r++) out.push(new Array<CellValue>(width).fill(null));
  for (const row of values) {
    const line = new Array<CellValue>(width).fill(null);
    row.forEach((v, c) => (line[columnIndex + c] = normaliseCell(v)));
    out.push(line);
  }
  return out;
}

/** The adapter on the real `Excel.run`, for the task pane (call inside `Office.onReady`). */
export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  return new ExcelHost((batch) => Excel.run(batch), options);
}
