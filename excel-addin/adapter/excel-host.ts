/**
 * `ExcelHost`: the Office.js adapter. Reads a snapshot in three `context.sync()`s (the tab list, the used ranges'
 * sizes, the values — one more for each further 100,000 cells); applies a sheet plan in up to three (the tab list,
 * what the existing tabs hold and the preconditions with the cells about to be overwritten, the write), plus one more
 * for each further ~4 MB of payload and each further 40,000 cells overwritten on tabs updated in place.
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
import { blockToArray } from './cell-arrays.js';
import { askDateSystem, planIn1904, readIn1904 } from './date-system.js';
import { PROTECTION_OPTIONS, planWrites, type Rebuild } from './write-ops.js';

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
      const is1904 = askDateSystem(ctx);
      await this.sync(ctx, 2 * CALL_OVERHEAD_BYTES, 'reading the list of tabs');
      const date1904 = is1904();
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
      await this.readValues(ctx, parts, this.readCellsPerSync, date1904);
      return { tabNames, tabs };
    });
  }

  /**
   * Reads the parts' values, front to back, in syncs of at most `budget` cells. After each response the budget is set
   * from the bytes a cell actually took, so the next response stays under ~3.5 MB; a response Excel still refuses as
   * too large is asked for again in a third of the cells. In a workbook that counts dates from 1904 the cells' number
   * formats come too, so a number shown as a date is read as core's serial for that day (date-system.ts).
   */
  private async readValues(ctx: ExcelContext, parts: ReadPart[], budget: number, date1904: boolean): Promise<void> {
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
        if (date1904) range.load('values,numberFormat');
        else range.load('values');
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
        const formats = date1904 ? range.numberFormat : undefined;
        if (formats) bytes += JSON.stringify(formats).length;
        values.forEach((row, r) => {
          const line = new Array<CellValue>(p.width).fill(null);
          row.forEach((v, c) => (line[p.col + c] = formats ? readIn1904(normaliseCell(v), formats[r]?.[c]) : normaliseCell(v)));
          p.tab.values.push(line);
        });
      }
      const perCell = bytes / Math.max(1, cells);
      cellsPerSync = Math.max(1, Math.min(budget, Math.floor(READ_RESPONSE_TARGET_BYTES / Math.max(1, perCell))));
    }
  }

  /**
   * Writes a plan. (1) What is there (workbook-state.ts), with the cells the plan will write over on tabs it updates;
   * (2) decide, before anything is written; (3) write, one sync per ~4 MB. Office.js has no rollback, so a write either
   * completes or is put back (the rule in core/host/write-failure.ts): a tab being rebuilt that exists is written as a
   * new tab and swapped in at the very end; tabs and names this run added are deleted; the cells of tabs being updated
   * are written back as they were, with their protection and names.
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
      const rebuilds = rebuildsOf(plan, state);
      const sheets = new SheetProxies();
      // a workbook counting dates from 1904 gets that system's serials for the plan's dates (date-system.ts)
      const planned = planWrites(state.date1904 ? planIn1904(plan) : plan, state, sheets, this.reqs, this.maxSyncBytes, rebuilds);
      warnings.push(...planned.warnings);

      // (3) write everything: one sync per ~4 MB
      const batches = groupIntoBatches(planned.ops, this.maxSyncBytes);
      let at = 0;
      try {
        for (const [i, batch] of batches.entries()) {
          at = i;
          ctx.workbook.application.suspendApiCalculationUntilNextSync();
          for (const op of batch) op.queue(ctx);
          const stage = batches.length > 1 ? `writing the workbook (part ${i + 1} of ${batches.length})` : 'writing the workbook';
          await this.sync(ctx, batchBytes(batch) + CALL_OVERHEAD_BYTES, stage);
        }
      } catch (e) {
        // on tabs that existed, what the batches that ran (the failing one included) did that cannot be taken back
        const ran = batches.slice(0, at + 1).flat();
        const formatted = [...new Set(ran.filter((op) => op.undoable === false && op.tab !== undefined).map((op) => op.tab!))].filter(
          (t) => state.existing.has(t) && !rebuilds.some((r) => r.name === t),
        );
        // the swap is the last operation: only if it was sent can a rebuilt tab's old version be gone
        const swapSent = rebuilds.length > 0 && ran.includes(planned.ops[planned.ops.length - 1]!);
        const failed = await this.putBack(
          ctx,
          plan,
          state,
          swapSent ? rebuilds : rebuilds.map((r) => ({ ...r, swapSent: false })),
          formatted,
          e,
        );
        if (failed) throw failed;
        // else the write had in fact gone through to its last step, which putBack finished
      }
    });
    this.current.warnings.push(...warnings);
    return { calls: this.current.syncs - before, warnings };
  }

  /**
   * After a failed write, in one sync to see what is there and one or more to put it back: tabs and names this run
   * added are deleted; a rebuilt tab's old version (untouched, or set aside by a swap cut short) gets its name and
   * place back; on tabs being updated the cells are written back as they were, names the plan had deleted are added
   * back, and protection taken off is put back on.
   */
  private async putBack(
    ctx: ExcelContext,
    plan: SheetPlan,
    state: WorkbookState,
    rebuilds: (Rebuild & { swapSent?: false })[],
    formatted: string[],
    e: unknown,
  ): Promise<WriteFailedError | undefined> {
    const created = plan.tabs.filter((t) => !state.existing.has(t.name)).map((t) => t.name);
    const updated = plan.tabs.filter((t) => state.existing.has(t.name) && !rebuilds.some((r) => r.name === t.name));
    const touched = updated.map((t) => state.existing.get(t.name)!.name);
    const planNames = new Set(plan.namedRanges.map((n) => n.name));
    const formattedNames = formatted.map((t) => state.existing.get(t)!.name);
    try {
      const sheets = ctx.workbook.worksheets;
      const names = ctx.workbook.names;
      sheets.load('items/name');
      if (planNames.size > 0) names.load('items/name');
      const guarded = updated.filter((t) => state.existing.get(t.name)!.protected);
      const protections = guarded.map((t) => {
        const p = sheets.getItem(state.existing.get(t.name)!.name).protection;
        p.load('protected');
        return p;
      });
      await ctx.sync();
      recordSync(this.current, CALL_OVERHEAD_BYTES * (2 + guarded.length));
      const lower = (x: string): string => x.toLowerCase();
      const tabsNow = new Set(sheets.items.map((s) => lower(s.name)));
      const has = (name: string): boolean => tabsNow.has(lower(name));
      const namesNow = new Set(planNames.size > 0 ? names.items.map((n) => n.name) : []);

      // an old tab already deleted means every write before the swap had run: finish the swap (delete the other old
      // tabs set aside) rather than undo a complete write
      if (rebuilds.some((r) => r.swapSent !== false && !has(r.aside) && !has(r.building))) {
        const aside = rebuilds.filter((r) => has(r.aside));
        for (const r of aside) sheets.getItem(r.aside).delete();
        if (aside.length > 0) {
          await ctx.sync();
          recordSync(this.current, CALL_OVERHEAD_BYTES * aside.length);
        }
        return undefined;
      }

      const ops: { bytes: number; queue: () => void }[] = [];
      for (const n of planNames) {
        const was = state.nameFormulas.get(n);
        if (namesNow.has(n) && (was === undefined || !state.names.has(n)))
          ops.push({ bytes: CALL_OVERHEAD_BYTES, queue: () => names.getItem(n).delete() });
      }
      for (const r of rebuilds) {
        if (has(r.aside)) {
          // the swap had begun: the old tab is set aside under another name; the new one may already hold the name.
          // Only new tabs were ever put before it, so once they are deleted it is back in its place.
          ops.push({
            bytes: 3 * CALL_OVERHEAD_BYTES,
            queue: () => {
              if (has(r.actual)) sheets.getItem(r.actual).delete();
              if (has(r.building)) sheets.getItem(r.building).delete();
              sheets.getItem(r.aside).name = r.actual;
            },
          });
        } else if (has(r.building)) {
          ops.push({ bytes: CALL_OVERHEAD_BYTES, queue: () => sheets.getItem(r.building).delete() });
        }
      }
      for (const name of created) if (has(name)) ops.push({ bytes: CALL_OVERHEAD_BYTES, queue: () => sheets.getItem(name).delete() });
      // a protected tab the write had not yet unprotected (or had protected again) is unprotected to write its cells back
      guarded.forEach((t, i) => {
        if (protections[i]!.protected)
          ops.push({ bytes: CALL_OVERHEAD_BYTES, queue: () => sheets.getItem(state.existing.get(t.name)!.name).protection.unprotect() });
      });
      for (const p of state.prior) {
        const tab = state.existing.get(p.sheet)!.name;
        const arr = blockToArray({ row: p.range.row, col: p.range.col, cells: p.cells, owner: 'input' });
        const address = rangeA1(p.range);
        ops.push({
          bytes: JSON.stringify(arr.rows).length + CALL_OVERHEAD_BYTES,
          queue: () => {
            const cellsThere = sheets.getItem(tab).getRange(address);
            if (arr.kind === 'formulas') cellsThere.formulas = arr.rows;
            else cellsThere.values = arr.rows;
          },
        });
      }
      for (const n of planNames) {
        const was = state.nameFormulas.get(n);
        if (was !== undefined && state.names.has(n)) {
          ops.push({
            bytes: 2 * CALL_OVERHEAD_BYTES,
            queue: () => {
              if (namesNow.has(n)) names.getItem(n).delete();
              names.add(n, was);
            },
          });
        }
      }
      for (const t of guarded) {
        const there = state.existing.get(t.name)!;
        ops.push({
          bytes: CALL_OVERHEAD_BYTES,
          queue: () => sheets.getItem(there.name).protection.protect(there.protectionOptions ?? PROTECTION_OPTIONS),
        });
      }
      for (const batch of groupIntoBatches(
        ops.map((o) => ({ bytes: o.bytes, queue: () => o.queue() })),
        this.maxSyncBytes,
      )) {
        for (const op of batch) op.queue(ctx);
        await ctx.sync();
        recordSync(this.current, batchBytes(batch));
      }
    } catch {
      const left = [...created, ...rebuilds.map((r) => r.actual), ...touched];
      return new WriteFailedError(messageOf(e), left, [], created);
    }
    return new WriteFailedError(messageOf(e), [], formattedNames);
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
      inspectTabs(ctx, requests, this.reqs, { maxSyncBytes: this.maxSyncBytes, cellsPerSync: this.readCellsPerSync }, (stage, bytes) =>
        this.sync(ctx, bytes, stage),
      ),
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

/** A name unlike every tab's (without regard to case), at most 31 characters: `base` with `suffix`, numbered if need be. */
function freeTabName(base: string, suffix: string, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const tail = i === 1 ? suffix : `${suffix} ${i}`;
    const name = `${base.slice(0, 31 - tail.length)}${tail}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** The tabs the plan rebuilds (`replace`) that exist: each is built beside the old one and swapped in at the end. */
function rebuildsOf(plan: SheetPlan, state: WorkbookState): Rebuild[] {
  const taken = new Set(state.tabNames.map((t) => t.toLowerCase()));
  return plan.tabs.flatMap((t) => {
    const there = state.existing.get(t.name);
    if (t.mode !== 'replace' || !there) return [];
    return [
      {
        name: t.name,
        actual: there.name,
        building: freeTabName(there.name, ' (new)', taken),
        aside: freeTabName(there.name, ' (old)', taken),
        position: there.position,
        visibility: there.visibility,
        protected: there.protected,
      },
    ];
  });
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
