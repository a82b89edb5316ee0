/**
 * `ExcelHost`: the Office.js adapter. Reads a snapshot in three `context.sync()`s (the tab list, the used ranges'
 * sizes, the values — one more for each further 100,000 cells); applies a sheet plan in up to three (the tab list,
 * what the existing tabs hold and the preconditions, the write), plus one more for each further ~4 MB of payload.
 * It decides nothing about what a sheet looks like and computes nothing: it turns a plan into batched calls.
 */
import type { CellRef, CellValue } from '../../core/review/types.js';
import type { ApplyResult, Host, ReadRequest, Snapshot, TabSnapshot } from '../../core/host/types.js';
import type { InspectHost, InspectRequest, TabFacts } from '../../core/host/inspect.js';
import { LayoutChangedError, ReviewRequestError } from '../../core/operations/types.js';
import type { SheetPlan } from '../../core/sheet-plan/types.js';
import { a1, rangeA1 } from '../../core/util/a1.js';
import { batchBytes, CALL_OVERHEAD_BYTES, DEFAULT_MAX_SYNC_BYTES, groupIntoBatches } from './batches.js';
import { explainExcelError } from './excel-errors.js';
import { inspectTabs, removeTabs } from './inspect.js';
import type { ExcelContext, ExcelRun, IsSetSupported } from './office-types.js';
import { officeIsSetSupported, Requirements } from './requirements.js';
import { SheetProxies } from './sheet-proxies.js';
import { emptyStats, recordSync, type ExcelHostStats } from './stats.js';
import { firstBrokenPrecondition, loadWorkbookState, normaliseCell, type WorkbookState } from './workbook-state.js';
import { WriteFailedError, messageOf } from '../../core/host/write-failure.js';
import { planWrites } from './write-ops.js';

export const LAYOUT_CHANGED_MESSAGE =
  'The workbook changed while the summary was being built (someone edited PR_Meta or the Responses headers). ' +
  'Nothing was written. Run it again.';

export interface ExcelHostOptions {
  /** `Office.context.requirements.isSetSupported`; looked up on the global `Office` when not given */
  isSetSupported?: IsSetSupported;
  /** payload limit of one sync, in bytes (default 4,000,000: Excel on the web refuses 5 MB) */
  maxSyncBytes?: number;
  /** cells read in one sync (default 100,000: about 40 bytes a cell on average fit under 4 MB; a response still too large is read again in halves) */
  readCellsPerSync?: number;
}

/** A slice of a tab's used range to read (0-based row and column, as Office.js gives them). */
interface ReadPart {
  tab: TabSnapshot;
  ws: Excel.Worksheet;
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** the width of the tab's snapshot rows, from column A */
  width: number;
}

/** What one read response aims to stay under (Excel on the web refuses 5 MB). */
export const READ_RESPONSE_TARGET_BYTES = 3_500_000;

function isPayloadTooLarge(e: unknown): boolean {
  const seen = new Set<unknown>();
  for (let x: unknown = e; x && typeof x === 'object' && !seen.has(x); x = (x as { cause?: unknown }).cause) {
    seen.add(x);
    const o = x as { code?: unknown; message?: unknown };
    if (o.code === 'ResponsePayloadSizeLimitExceeded' || o.code === 'RequestPayloadSizeLimitExceeded') return true;
    if (typeof o.message === 'string' && /PayloadSizeLimitExceeded/.test(o.message)) return true;
  }
  return false;
}

export class ExcelHost implements Host, InspectHost {
  private readonly reqs: Requirements;
  private readonly maxSyncBytes: number;
  private readonly readCellsPerSync: number;
  private current: ExcelHostStats = emptyStats();

  constructor(
    private readonly run: ExcelRun,
    options: ExcelHostOptions = {},
  ) {
    this.reqs = new Requirements(options.isSetSupported ?? officeIsSetSupported());
    this.maxSyncBytes = options.maxSyncBytes ?? DEFAULT_MAX_SYNC_BYTES;
    this.readCellsPerSync = options.readCellsPerSync ?? 100_000;
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

  /**
   * Reads the tabs asked for: (1) the tab list; (2) the size of each tab's used range — both tiny; (3) the values, in
   * as few syncs as keep each response under the budget (Excel on the web refuses a response over 5 MB with
   * ResponsePayloadSizeLimitExceeded: https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
   * The budget is counted in cells (`readCellsPerSync`, 100,000: ~40 bytes a cell on average); a response that is still too
   * large (long comments) is read again in smaller parts. Tab names are matched without regard to case, as Excel does.
   */
  async read(request: ReadRequest): Promise<Snapshot> {
    this.reqs.require('read');
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility,items/position');
      await this.sync(ctx, CALL_OVERHEAD_BYTES, 'reading the list of tabs');
      const items = sheets.items;
      const tabNames = items.map((s) => s.name);
      const wanted = request.tabs === 'all' ? tabNames : request.tabs;
      const found = wanted.flatMap((name) => {
        const ws = items.find((s) => s.name.toLowerCase() === name.toLowerCase());
        if (!ws) return []; // not in this workbook
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('rowIndex,columnIndex,rowCount,columnCount');
        return [{ name, ws, used }];
      });
      if (found.length > 0) await this.sync(ctx, CALL_OVERHEAD_BYTES * found.length, 'reading the review tabs');

      const tabs: Record<string, TabSnapshot> = {};
      const parts: ReadPart[] = [];
      for (const { name, ws, used } of found) {
        const tab: TabSnapshot = { name, index: ws.position, hidden: ws.visibility !== 'Visible', values: [] };
        tabs[name] = tab;
        if (used.isNullObject) continue;
        const width = used.columnIndex + used.columnCount;
        tab.values = Array.from({ length: used.rowIndex }, () => new Array<CellValue>(width).fill(null));
        parts.push({ tab, ws, row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount, width });
      }
      await this.readValues(ctx, parts, this.readCellsPerSync);
      return { tabNames, tabs };
    });
  }

  /**
   * Reads the parts' values, front to back, in syncs of at most `budget` cells. After each response the budget is set
   * from the bytes a cell actually took, so the next response stays under ~3.5 MB; a response Excel still refuses as
   * too large is asked for again in a third of the cells.
   */
  private async readValues(ctx: ExcelContext, parts: ReadPart[], budget: number): Promise<void> {
    const queue = parts.map((p) => ({ ...p }));
    let cellsPerSync = budget;
    let n = 0;
    while (queue.length > 0) {
      // take whole rows, from as many parts as fit
      const pieces: ReadPart[] = [];
      let cells = 0;
      while (queue.length > 0) {
        const p = queue[0]!;
        const rows = Math.min(p.rows, Math.max(1, Math.floor((cellsPerSync - cells) / Math.max(1, p.cols))));
        if (pieces.length > 0 && rows * p.cols + cells > cellsPerSync) break;
        pieces.push({ ...p, rows });
        cells += rows * p.cols;
        if (rows === p.rows) queue.shift();
        else {
          queue[0] = { ...p, row: p.row + rows, rows: p.rows - rows };
          break;
        }
      }
      const ranges = pieces.map((p) => {
        const range = p.ws.getRange(rangeA1({ row: p.row + 1, col: p.col + 1, rows: p.rows, cols: p.cols }));
        range.load('values');
        return { p, range };
      });
      try {
        await this.sync(ctx, CALL_OVERHEAD_BYTES * ranges.length, `reading the review tabs (part ${++n})`);
      } catch (e) {
        // one row is the least that can be asked for: if even that is too large, say so
        if (!isPayloadTooLarge(e) || (pieces.length === 1 && pieces[0]!.rows === 1)) throw e;
        // put the pieces back and ask for a third as many cells: over 5 MB refused, so a third of it is under 4 MB
        // only if the response was under 12 MB; a larger one is refused again and cut by a third again
        queue.unshift(...pieces.reverse());
        cellsPerSync = Math.max(1, Math.floor(cells / 3));
        continue;
      }
      let bytes = 0;
      for (const { p, range } of ranges) {
        const values = range.values;
        bytes += JSON.stringify(values).length;
        for (const row of values) {
          const line = new Array<CellValue>(p.width).fill(null);
          row.forEach((v, c) => (line[p.col + c] = normaliseCell(v)));
          p.tab.values.push(line);
        }
      }
      const perCell = bytes / Math.max(1, cells);
      cellsPerSync = Math.max(1, Math.min(budget, Math.floor(READ_RESPONSE_TARGET_BYTES / Math.max(1, perCell))));
    }
  }

  /**
   * Writes a plan. (1) What is there (workbook-state.ts); (2) decide, before anything is written; (3) write, one sync
   * per ~4 MB. Office.js has no rollback, so if a write fails the tabs this run added are deleted again (and the
   * names it added); a tab that existed before and was being written is named in the error as possibly part-written.
   */
  async apply(plan: SheetPlan): Promise<ApplyResult> {
    this.reqs.require('write');
    const before = this.current.syncs;
    const warnings: string[] = [];
    await this.run(async (ctx) => {
      // (1) what is there now, and the precondition cells
      const state = await loadWorkbookState(ctx, plan, (stage, bytes) => this.sync(ctx, bytes, stage));

      // (2) decide, before anything is written
      const broken = firstBrokenPrecondition(plan, state);
      if (broken) {
        throw new LayoutChangedError(`${LAYOUT_CHANGED_MESSAGE} (First change found at ${broken.sheet}!${a1(broken.row, broken.col)}.)`);
      }
      for (const tab of plan.tabs) {
        const there = state.existing.get(tab.name);
        if (tab.mode === 'create' && there) {
          throw new ReviewRequestError(
            `This workbook already has a tab called "${there.name}". Nothing was written. ` +
              'Rename or delete that tab (or start from a new workbook), then create the review again.',
          );
        }
      }
      const sheets = new SheetProxies();
      const planned = planWrites(plan, state, sheets, this.reqs, this.maxSyncBytes);
      warnings.push(...planned.warnings);

      // (3) write everything: one sync per ~4 MB
      const batches = groupIntoBatches(planned.ops, this.maxSyncBytes);
      try {
        for (const [i, batch] of batches.entries()) {
          ctx.workbook.application.suspendApiCalculationUntilNextSync();
          for (const op of batch) op.queue(ctx);
          const stage = batches.length > 1 ? `writing the workbook (part ${i + 1} of ${batches.length})` : 'writing the workbook';
          await this.sync(ctx, batchBytes(batch) + CALL_OVERHEAD_BYTES, stage);
        }
      } catch (e) {
        throw await this.putBack(ctx, plan, state, e);
      }
    });
    this.current.warnings.push(...warnings);
    return { calls: this.current.syncs - before, warnings };
  }

  /** After a failed write: delete the tabs and names this run added (one sync); say which tabs may be part-written. */
  private async putBack(ctx: ExcelContext, plan: SheetPlan, state: WorkbookState, e: unknown): Promise<WriteFailedError> {
    const created = plan.tabs.filter((t) => !state.existing.has(t.name)).map((t) => t.name);
    const touched = plan.tabs.filter((t) => state.existing.has(t.name)).map((t) => state.existing.get(t.name)!.name);
    const newNames = plan.namedRanges.filter((n) => !state.names.has(n.name)).map((n) => n.name);
    let left = [...touched];
    try {
      // what the failed write got as far as adding, then delete exactly that (never a call through a null object)
      const sheets = ctx.workbook.worksheets;
      const names = ctx.workbook.names;
      sheets.load('items/name');
      if (newNames.length > 0) names.load('items/name');
      await ctx.sync();
      recordSync(this.current, CALL_OVERHEAD_BYTES * 2);
      const lower = (x: string): string => x.toLowerCase();
      const tabsNow = new Set(sheets.items.map((s) => lower(s.name)));
      const namesNow = new Set(newNames.length > 0 ? names.items.map((n) => n.name) : []);
      const gone = created.filter((name) => tabsNow.has(lower(name)));
      for (const n of newNames) if (namesNow.has(n)) names.getItem(n).delete();
      for (const name of gone) sheets.getItem(name).delete();
      if (gone.length > 0 || newNames.some((n) => namesNow.has(n))) {
        await ctx.sync();
        recordSync(this.current, CALL_OVERHEAD_BYTES * (gone.length + newNames.length));
      }
    } catch {
      left = [...created, ...touched];
    }
    return new WriteFailedError(messageOf(e), left);
  }

  /**
   * Read-back for the self-test (adapter/inspect.ts): what Excel kept on the tabs asked about, in three syncs (the
   * tab list; the tabs' facts and the probed cells, one more sync per further `readCellsPerSync` cells; the ranges
   * of the conditional formats). Needs ExcelApi 1.8 (data validation); merged cells need 1.13 and are otherwise
   * reported as unknown.
   */
  async inspect(requests: InspectRequest[]): Promise<TabFacts[]> {
    this.reqs.require('validation');
    return this.run((ctx) =>
      inspectTabs(ctx, requests, this.reqs, { maxSyncBytes: this.maxSyncBytes, cellsPerSync: this.readCellsPerSync }, (stage, bytes) => this.sync(ctx, bytes, stage)),
    );
  }

  /** Deletes the self-test's scratch tabs and workbook names that exist (two syncs). */
  async remove(tabs: string[], namedRanges: string[]): Promise<void> {
    this.reqs.require('write');
    await this.run((ctx) => removeTabs(ctx, tabs, namedRanges, (stage, bytes) => this.sync(ctx, bytes, stage)));
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
  // a loop, not Math.max(...rows): one argument per row overflows JavaScriptCore's 65,536-argument cap (Excel on Mac)
  let longest = 0;
  for (const r of values) if (r.length > longest) longest = r.length;
  const width = columnIndex + longest;
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
