/**
 * Step (3) of `apply`: the whole plan as an ordered list of write operations, each with its estimated payload.
 * Order: tab structure (add, unprotect, clear) → cell contents → layout and formats → validation and conditional
 * formats → charts → print, names, protection, visibility, activation. Protection comes last so nothing is written
 * into a locked tab; visibility after activation so a tab being hidden is never the active one.
 */
import type { ChartSpec, RangeRef, SheetPlan, TabPlan } from '../../core/sheet-plan/types.js';
import { a1, columnLetter, rangeA1 } from '../../core/util/a1.js';
import { CALL_OVERHEAD_BYTES, type WriteOp } from './batches.js';
import { blockToArray, chunkRows } from './cell-arrays.js';
import { formatBytes, queueFormat } from './cell-format.js';
import type { ExcelContext, ExcelWorksheet } from './office-types.js';
import { columnsAddress, rowsAddress, runsOf } from './range-groups.js';
import { missingSetMessage, type Requirements } from './requirements.js';
import { printFooter } from '../../core/sheet-plan/print.js';
import { listProblem, queueConditionalFormat, queueValidation } from './rules.js';
import type { SheetProxies } from './sheet-proxies.js';
import { charsToPoints, pxToPoints } from './units.js';
import type { WorkbookState } from './workbook-state.js';

/**
 * Protection options (defaults, not from the seed papers): people may format, resize, sort, filter and insert or
 * delete rows (Excel still refuses to delete a row holding locked cells); columns and objects stay fixed.
 */
export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows: true,
  allowDeleteRows: true,
  allowSort: true,
  allowAutoFilter: true,
  allowInsertColumns: false,
  allowDeleteColumns: false,
  allowInsertHyperlinks: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowPivotTables: false,
  selectionMode: 'Normal',
};

export interface PlannedWrites {
  ops: WriteOp[];
  warnings: string[];
}

/**
 * A tab being rebuilt (`replace`) that exists: the plan is written into a new tab named `building`; at the very end the
 * old tab is renamed `aside`, the new one takes the name and the old one's place, and the old one is deleted. If the
 * write fails before that, the old tab has not been touched. (A formula a person wrote elsewhere that points into the
 * old tab then shows #REF!, as it would after any tab is deleted; the add-in's own tabs never point into one.)
 */
export interface Rebuild {
  /** the plan's tab name */
  name: string;
  /** the old tab's own name (may differ in case) */
  actual: string;
  building: string;
  aside: string;
  position: number;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
}

interface Phases {
  structure: WriteOp[];
  content: WriteOp[];
  layout: WriteOp[];
  rules: WriteOp[];
  charts: WriteOp[];
  finish: WriteOp[];
}

const O = CALL_OVERHEAD_BYTES;

export function planWrites(
  plan: SheetPlan,
  state: WorkbookState,
  sheets: SheetProxies,
  reqs: Requirements,
  maxSyncBytes: number,
  rebuilds: Rebuild[] = [],
): PlannedWrites {
  const p: Phases = { structure: [], content: [], layout: [], rules: [], charts: [], finish: [] };
  const warnings: string[] = [];
  const ws = (ctx: ExcelContext, name: string): ExcelWorksheet => sheets.get(ctx, name);

  for (const tab of plan.tabs) {
    const rebuild = rebuilds.find((r) => r.name === tab.name);
    // a tab being rebuilt is written as a new tab (under its building name), so it is treated as not there
    const existing = rebuild ? undefined : state.existing.get(tab.name);
    const wasProtected = rebuild ? rebuild.protected : (existing?.protected ?? false);
    const before = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, (v as WriteOp[]).length])) as Record<keyof Phases, number>;
    if (rebuild) {
      p.structure.push({ bytes: 2 * O, queue: (ctx) => void sheets.addAs(ctx, tab.name, rebuild.building) });
    } else {
      structureOps(p, tab, existing?.protected ?? false, existing?.charts ?? [], existing !== undefined, sheets);
    }
    contentOps(p, tab, ws, maxSyncBytes);
    layoutOps(p, tab, ws, reqs, maxSyncBytes);
    ruleOps(p, tab, ws, reqs, existing !== undefined && tab.mode === 'update', warnings);
    chartOps(p, tab, ws);
    finishTabOps(p, tab, ws, reqs, wasProtected, warnings);
    // what a failed write can take back exactly on a tab that existed: the cells written, and taking protection off
    const charts = existing?.charts.length ?? 0;
    for (const k of Object.keys(p) as (keyof Phases)[]) {
      for (const op of p[k].slice(before[k])) {
        op.tab = tab.name;
        op.undoable ??= k === 'content' || (k === 'structure' && tab.mode === 'update' && charts === 0);
      }
    }
  }

  for (const n of plan.namedRanges) {
    const exists = state.names.has(n.name);
    p.finish.push({
      bytes: 2 * O,
      queue: (ctx) => {
        if (exists) ctx.workbook.names.getItem(n.name).delete();
        ctx.workbook.names.add(n.name, ws(ctx, n.sheet).getRange(rangeA1(n.range, true)));
      },
    });
  }

  const activate = plan.activate;
  if (activate !== undefined) p.finish.push({ bytes: O, queue: (ctx) => ws(ctx, activate).activate() });

  // visibility last of all (after activation); a rebuilt tab keeps the old one's unless the plan says
  for (const tab of plan.tabs) {
    const rebuild = rebuilds.find((r) => r.name === tab.name);
    const v = tab.hidden === undefined ? rebuild?.visibility : tab.hidden ? 'Hidden' : 'Visible';
    if (v === undefined || (tab.hidden === undefined && v === 'Visible')) continue;
    p.finish.push({ bytes: O, tab: tab.name, undoable: false, queue: (ctx) => void (ws(ctx, tab.name).visibility = v) });
  }

  // the swap, last: each old tab aside, the new one into its name and place, then the old ones deleted
  const swap: WriteOp[] = [];
  if (rebuilds.length > 0) {
    swap.push({
      bytes: 3 * O * rebuilds.length,
      queue: (ctx) => {
        const all = ctx.workbook.worksheets;
        for (const r of rebuilds) {
          all.getItem(r.actual).name = r.aside;
          all.getItem(r.building).name = r.actual;
        }
        // each new tab just before its old one, front to back (each one placed moves the later old ones on by one)
        [...rebuilds].sort((a, b) => a.position - b.position).forEach((r, k) => void (all.getItem(r.actual).position = r.position + k));
        // the old ones deleted last: until here a failure leaves every old tab whole
        for (const r of rebuilds) all.getItem(r.aside).delete();
      },
    });
  }

  return { ops: [...p.structure, ...p.content, ...p.layout, ...p.rules, ...p.charts, ...p.finish, ...swap], warnings };
}

function structureOps(p: Phases, tab: TabPlan, wasProtected: boolean, charts: string[], exists: boolean, sheets: SheetProxies): void {
  if (!exists) {
    p.structure.push({
      bytes: 2 * O,
      queue: (ctx) => {
        const ws = sheets.add(ctx, tab.name);
        if (tab.position !== undefined) ws.position = tab.position;
      },
    });
    return;
  }
  const wanted = new Set(tab.charts.map((c) => c.id));
  // delete from the end so earlier indexes stay valid
  const chartIndexes = charts
    .map((name, i) => ({ name, i }))
    .filter(({ name }) => tab.mode === 'replace' || wanted.has(name))
    .map(({ i }) => i)
    .reverse();
  p.structure.push({
    bytes: (7 + chartIndexes.length) * O,
    queue: (ctx) => {
      const ws = sheets.get(ctx, tab.name);
      if (wasProtected) ws.protection.unprotect();
      for (const i of chartIndexes) ws.charts.getItemAt(i).delete();
      if (tab.mode === 'replace') {
        const all = ws.getRange();
        all.unmerge();
        all.conditionalFormats.clearAll();
        all.dataValidation.clear();
        all.clear('All');
        all.columnHidden = false;
        all.rowHidden = false;
        ws.freezePanes.unfreeze();
      }
    },
  });
}

function contentOps(p: Phases, tab: TabPlan, ws: (ctx: ExcelContext, n: string) => ExcelWorksheet, maxSyncBytes: number): void {
  for (const block of tab.blocks) {
    const width = block.cells[0]?.length ?? 0;
    if (block.cells.length === 0 || width === 0) continue;
    const arr = blockToArray(block);
    // leave headroom in each sync for the small calls around the block
    for (const chunk of chunkRows(arr.rows, Math.floor(maxSyncBytes * 0.9))) {
      const address = rangeA1({ row: block.row + chunk.offset, col: block.col, rows: chunk.rows.length, cols: width });
      p.content.push({
        bytes: chunk.bytes + O,
        queue: (ctx) => {
          const range = ws(ctx, tab.name).getRange(address);
          if (arr.kind === 'formulas') range.formulas = chunk.rows;
          else range.values = chunk.rows;
        },
      });
    }
  }
}

/** A range cut into row bands so each band's payload stays under `maxBytes`. */
export function splitRows(r: RangeRef, bytes: number, maxBytes: number): RangeRef[] {
  if (bytes <= maxBytes || r.rows <= 1) return [r];
  const perRow = Math.max(1, Math.floor((maxBytes / bytes) * r.rows));
  const parts: RangeRef[] = [];
  for (let top = 0; top < r.rows; top += perRow) parts.push({ ...r, row: r.row + top, rows: Math.min(perRow, r.rows - top) });
  return parts;
}

function layoutOps(
  p: Phases,
  tab: TabPlan,
  ws: (ctx: ExcelContext, n: string) => ExcelWorksheet,
  reqs: Requirements,
  maxSyncBytes: number,
): void {
  for (const rule of tab.formats) {
    const { numberFormat, ...rest } = rule.format;
    const address = rangeA1(rule.range);
    if (Object.keys(rest).length > 0) {
      p.layout.push({
        bytes: formatBytes(rule.range, rest),
        queue: (ctx) => queueFormat(ws(ctx, tab.name).getRange(address), rule.range, rest),
      });
    }
    if (numberFormat === undefined) continue;
    // number formats go as a 2-D array the size of the range: split tall ranges by rows like cell blocks
    for (const part of splitRows(rule.range, formatBytes(rule.range, { numberFormat }), Math.floor(maxSyncBytes * 0.9))) {
      p.layout.push({
        bytes: formatBytes(part, { numberFormat }),
        queue: (ctx) => queueFormat(ws(ctx, tab.name).getRange(rangeA1(part)), part, { numberFormat }),
      });
    }
  }
  for (const run of runsOf(tab.columnWidths.map((c) => ({ index: c.col, value: c.width })))) {
    const points = charsToPoints(run.value);
    p.layout.push({
      bytes: O,
      queue: (ctx) => void (ws(ctx, tab.name).getRange(columnsAddress(run.from, run.to)).format.columnWidth = points),
    });
  }
  for (const run of runsOf((tab.rowHeights ?? []).map((r) => ({ index: r.row, value: r.height })))) {
    p.layout.push({
      bytes: O,
      queue: (ctx) => void (ws(ctx, tab.name).getRange(rowsAddress(run.from, run.to)).format.rowHeight = run.value),
    });
  }
  for (const m of tab.merges) {
    // a single cell is not a merge (Excel would merge nothing); `across` merges each row in one call
    if (m.rows < 1 || m.cols < 1 || (m.across ? m.cols < 2 : m.rows * m.cols < 2)) continue;
    const address = rangeA1(m);
    const across = m.across === true;
    p.layout.push({ bytes: O, queue: (ctx) => ws(ctx, tab.name).getRange(address).merge(across) });
  }
  for (const run of runsOf((tab.hiddenColumns ?? []).map((c) => ({ index: c, value: true })))) {
    p.layout.push({
      bytes: O,
      queue: (ctx) => void (ws(ctx, tab.name).getRange(columnsAddress(run.from, run.to)).columnHidden = true),
    });
  }
  for (const run of runsOf((tab.hiddenRows ?? []).map((r) => ({ index: r, value: true })))) {
    p.layout.push({
      bytes: O,
      queue: (ctx) => void (ws(ctx, tab.name).getRange(rowsAddress(run.from, run.to)).rowHidden = true),
    });
  }
  const freeze = tab.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    reqs.require('freezePanes');
    p.layout.push({
      bytes: O,
      queue: (ctx) => {
        const panes = ws(ctx, tab.name).freezePanes;
        if (freeze.rows > 0 && freeze.cols > 0) panes.freezeAt(rangeA1({ row: 1, col: 1, rows: freeze.rows, cols: freeze.cols }));
        else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
        else panes.freezeColumns(freeze.cols);
      },
    });
  }
  const colour = tab.tabColour;
  if (colour !== undefined) {
    reqs.require('tabColour');
    p.layout.push({ bytes: O, queue: (ctx) => void (ws(ctx, tab.name).tabColor = colour) });
  }
}

function ruleOps(
  p: Phases,
  tab: TabPlan,
  ws: (ctx: ExcelContext, n: string) => ExcelWorksheet,
  reqs: Requirements,
  clearOldFormats: boolean,
  warnings: string[],
): void {
  for (const v of tab.validations) {
    reqs.require('validation');
    const address = rangeA1(v.range);
    if (v.rule.kind === 'list') {
      const problem = listProblem(v.rule.values);
      if (problem) {
        warnings.push(`No drop-down list was added to ${tab.name}!${address}: ${problem}. Shorten the choices in the framework.`);
        continue;
      }
    }
    const bytes =
      4 * O + (v.rule.kind === 'list' ? v.rule.values.join(',').length : 0) + (v.rule.prompt?.length ?? 0) + (v.rule.error?.length ?? 0);
    p.rules.push({ bytes, queue: (ctx) => queueValidation(ws(ctx, tab.name).getRange(address), v.rule) });
  }
  for (const spec of tab.conditionalFormats) {
    reqs.require('conditionalFormats');
    const address = rangeA1(spec.range);
    p.rules.push({
      bytes: (1 + 4 * spec.rules.length) * O,
      queue: (ctx) => {
        const range = ws(ctx, tab.name).getRange(address);
        if (clearOldFormats) range.conditionalFormats.clearAll();
        for (const rule of spec.rules) queueConditionalFormat(range, rule);
      },
    });
  }
}

function chartOps(p: Phases, tab: TabPlan, ws: (ctx: ExcelContext, n: string) => ExcelWorksheet): void {
  for (const chart of tab.charts) p.charts.push({ bytes: 8 * O, queue: (ctx) => queueChart(ws(ctx, tab.name), chart) });
}

function queueChart(ws: ExcelWorksheet, spec: ChartSpec): void {
  const type = spec.kind === 'bar' ? 'BarClustered' : 'ColumnClustered';
  const chart = ws.charts.add(type, ws.getRange(rangeA1(spec.data)), 'Columns');
  chart.name = spec.id;
  chart.title.text = spec.title;
  chart.setPosition(a1(spec.anchor.row, spec.anchor.col));
  chart.width = pxToPoints(spec.width);
  chart.height = pxToPoints(spec.height);
  // printed at a scale down to 65 %: 11 pt labels (14 pt title) stay at 7 pt or more on paper
  chart.format.font.size = 11;
  chart.title.format.font.size = 14;
  if (spec.min !== undefined) chart.axes.valueAxis.minimum = spec.min;
  if (spec.max !== undefined) chart.axes.valueAxis.maximum = spec.max;
}

function finishTabOps(
  p: Phases,
  tab: TabPlan,
  ws: (ctx: ExcelContext, n: string) => ExcelWorksheet,
  reqs: Requirements,
  wasProtected: boolean,
  warnings: string[],
): void {
  const print = tab.print;
  if (print) {
    if (!reqs.has('print')) {
      const note = `Print setup was skipped. ${missingSetMessage('print')}`;
      if (!warnings.includes(note)) warnings.push(note);
    } else {
      p.finish.push({
        bytes: (7 + (print.rowBreaks?.length ?? 0)) * O,
        queue: (ctx) => {
          const sheet = ws(ctx, tab.name);
          const layout = sheet.pageLayout;
          layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
          // 1 page wide, as many tall as needed (0 = automatic, as in the file format's fitToHeight)
          if (print.scale !== undefined) layout.zoom = { scale: print.scale };
          else if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          const footer = printFooter(print);
          layout.headersFooters.defaultForAllPages.leftFooter = footer.left;
          layout.headersFooters.defaultForAllPages.rightFooter = footer.right;
          if (print.rowBreaks !== undefined) {
            // the planned breaks replace the tab's manual ones (only tabs the add-in rebuilds carry them)
            sheet.horizontalPageBreaks.removePageBreaks();
            for (const r of print.rowBreaks) sheet.horizontalPageBreaks.add(`A${r}`);
          }
          if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.from}:$${print.titleRows.to}`);
          if (print.titleColumns)
            layout.setPrintTitleColumns(`$${columnLetter(print.titleColumns.from)}:$${columnLetter(print.titleColumns.to)}`);
          if (print.area) layout.setPrintArea(rangeA1(print.area));
        },
      });
    }
  }
  const prot = tab.protection;
  if (prot?.protect) {
    const editable: RangeRef[] = prot.editable;
    p.finish.push({
      bytes: (1 + editable.length) * O,
      queue: (ctx) => {
        const sheet = ws(ctx, tab.name);
        for (const r of editable) sheet.getRange(rangeA1(r)).format.protection.locked = false;
        sheet.protection.protect(PROTECTION_OPTIONS);
      },
    });
  } else if (prot === undefined && wasProtected) {
    // the tab was protected before this write: put protection back as it was found
    p.finish.push({ bytes: O, undoable: true, queue: (ctx) => ws(ctx, tab.name).protection.protect(PROTECTION_OPTIONS) });
  }
}
