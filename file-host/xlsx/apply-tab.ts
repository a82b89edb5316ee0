/**
 * One `TabPlan` onto a worksheet of the engine, verbatim: the host decides nothing about what a tab looks like.
 * Only the cells, rows, columns, formats, validations and rules the plan names are written; everything else on the
 * tab stays as it was.
 */
import type { ChartSpec, MergeSpec, PrintSpec, RangeRef, TabPlan } from '../../core/sheet-plan/types.js';
import { mergedRanges } from '../../core/sheet-plan/merges.js';
import { ReviewRequestError } from '../../core/operations/types.js';
import { a1, columnLetter, sheetRef } from '../../core/util/a1.js';
import { serialInDateSystem } from '../../core/util/dates.js';
import { planCellValue } from './cell-values.js';
import { conditionalXml, ruleFormula } from './conditional.js';
import { inlineList, LISTS_TAB, validationXml } from './validations.js';
import { MAX_COLS, MAX_ROWS, MAX_TEXT, rectRef, type Rect, type SheetModel } from './sheet.js';
import type { SheetEntry, Workbook } from './workbook.js';
import { localName, retag, startTag, type XNode } from './xml.js';
import { fixedScaleFor } from './print-fit.js';
import { printFooter } from '../../core/sheet-plan/print.js';

/** Excel's limit on the length of a formula. */
export const MAX_FORMULA = 8_192;

const BAD_NAME = /[[\]:*?/\\]/;

export function checkTabName(name: string): void {
  if (name.trim() === '' || name.length > 31 || BAD_NAME.test(name) || /^'|'$/.test(name)) {
    throw new ReviewRequestError(`"${name}" cannot be a tab name: use at most 31 characters and none of [ ] : * ? / \\.`);
  }
}

function rectOf(r: RangeRef): Rect {
  return { top: r.row, left: r.col, bottom: r.row + r.rows - 1, right: r.col + r.cols - 1 };
}

function checkRange(tab: string, r: RangeRef): void {
  if (r.row < 1 || r.col < 1 || r.row + r.rows - 1 > MAX_ROWS || r.col + r.cols - 1 > MAX_COLS) {
    throw new ReviewRequestError(
      `${tab}: the range starting at ${a1(Math.max(1, r.row), Math.max(1, r.col))} goes past Excel's last row (1,048,576) or column (XFD); nothing was written.`,
    );
  }
}

function writeBlocks(tab: TabPlan, ws: SheetModel, numbers: Array<[number, number, number]>): number {
  let cells = 0;
  for (const block of tab.blocks) {
    checkRange(tab.name, { row: block.row, col: block.col, rows: block.cells.length, cols: block.cells[0]?.length ?? 1 });
    block.cells.forEach((rowCells, i) => {
      const r = block.row + i;
      rowCells.forEach((pc, j) => {
        const c = block.col + j;
        const { value, formula } = planCellValue(pc);
        const master = ws.masterOf(r, c);
        if (master) {
          // writing into a merged area: a blank stays blank; anything else means the merge no longer fits
          if (value === null && formula === undefined) return;
          ws.unmerge(master);
        }
        const array = ws.arrayAt(r, c);
        if (array) {
          const what = array.kind === 'array' ? 'an array formula' : 'a data table';
          const where = `${rectRef(array.rect)}, entered in ${a1(array.row, array.col)}`;
          throw new ReviewRequestError(
            `${tab.name}!${a1(r, c)}: this cell is part of ${what} (${where}), and the command needs to write here; writing it would break that formula. Move the formula off the cells the review uses (or delete it), then run the command again. Nothing was written.`,
          );
        }
        if (typeof value === 'string' && value.length > MAX_TEXT && formula === undefined) {
          throw new ReviewRequestError(
            `${tab.name}!${a1(r, c)}: the text is ${value.length.toLocaleString('en-GB')} characters long, more than the 32,767 a cell can hold; shorten it, then run the command again. Nothing was written.`,
          );
        }
        if (formula !== undefined && formula.length > MAX_FORMULA) {
          throw new ReviewRequestError(
            `${tab.name}!${a1(r, c)}: the formula is ${formula.length.toLocaleString('en-GB')} characters long, more than Excel's 8,192; shorten the names it refers to. Nothing was written.`,
          );
        }
        ws.writeValue(r, c, value, formula);
        if (typeof value === 'number' && formula === undefined) numbers.push([r, c, value]);
        cells++;
      });
    });
  }
  return cells;
}

function applyMerges(ws: SheetModel, merges: MergeSpec[]): void {
  for (const spec of merges) for (const m of mergedRanges(spec)) ws.merge(rectOf(m));
}

/** A small element rebuilt with some children replaced, in the order given (others kept after, as they were). */
function rebuild(
  node: XNode | null,
  name: string,
  src: string,
  attrs: Record<string, string | null>,
  children: Record<string, string | null>,
  order: string[],
): string {
  const kept = new Map<string, string>();
  const others: string[] = [];
  for (const c of node?.children ?? []) {
    const l = localName(c.name);
    const raw = src.slice(c.start, c.end);
    if (order.includes(l)) kept.set(l, raw);
    else others.push(raw);
  }
  for (const [k, v] of Object.entries(children)) {
    if (v === null) kept.delete(k);
    else kept.set(k, v);
  }
  const inner =
    order
      .filter((o) => kept.has(o))
      .map((o) => kept.get(o)!)
      .join('') + others.join('');
  const tagAttrs: Record<string, string | null> = { ...attrs };
  const open = node
    ? retag(node, tagAttrs, inner === '')
    : startTag(
        name,
        Object.entries(tagAttrs).filter((e): e is [string, string] => e[1] !== null),
        inner === '',
      );
  return inner === '' ? open : `${open}${inner}</${node?.name ?? name}>`;
}

export function editSheetPr(ws: SheetModel, children: Record<string, string | null>): void {
  const src = ws.elementXml('sheetPr') ?? '';
  const node = src ? ws.elementNode('sheetPr') : null;
  ws.setElement('sheetPr', rebuild(node, `${ws.P}sheetPr`, src, {}, children, ['tabColor', 'outlinePr', 'pageSetUpPr']));
}

function pageSetUpPr(ws: SheetModel, fit: boolean): string {
  const sheetPr = ws.elementNode('sheetPr');
  const existing = sheetPr?.children.find((c) => localName(c.name) === 'pageSetUpPr');
  return existing ? retag(existing, { fitToPage: fit ? '1' : null }, true) : `<${ws.P}pageSetUpPr${fit ? ' fitToPage="1"' : ''}/>`;
}

/** Freeze panes (or none) on the tab's first view, keeping the view's other settings. */
function setFreeze(ws: SheetModel, rows: number, cols: number): void {
  const P = ws.P;
  const top = a1(rows + 1, cols + 1);
  const activePane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const pane =
    rows > 0 || cols > 0
      ? `<${P}pane${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''} topLeftCell="${top}" activePane="${activePane}" state="frozen"/><${P}selection pane="${activePane}" activeCell="${top}" sqref="${top}"/>`
      : '';
  setView(ws, {}, { pane, dropSelection: true });
}

export function setView(ws: SheetModel, attrs: Record<string, string | null>, panes?: { pane: string; dropSelection: boolean }): void {
  const P = ws.P;
  const src = ws.elementXml('sheetViews');
  if (!src) {
    const a = Object.entries({ workbookViewId: '0', ...attrs }).filter((e): e is [string, string] => e[1] !== null);
    const tag = startTag(`${P}sheetView`, [...a.filter(([k]) => k !== 'workbookViewId'), ['workbookViewId', '0']], !panes?.pane);
    ws.setElement('sheetViews', `<${P}sheetViews>${panes?.pane ? `${tag}${panes.pane}</${P}sheetView>` : tag}</${P}sheetViews>`);
    return;
  }
  const node = ws.elementNode('sheetViews')!;
  const view = node.children.find((c) => localName(c.name) === 'sheetView');
  if (!view) return;
  let inner = view.children.map((c) => ({ l: localName(c.name), raw: src.slice(c.start, c.end) }));
  if (panes) {
    inner = inner.filter((c) => c.l !== 'pane' && !(panes.dropSelection && c.l === 'selection'));
    if (panes.pane) inner.unshift({ l: 'pane', raw: panes.pane });
  }
  const body = inner.map((c) => c.raw).join('');
  const tag = retag(view, attrs, body === '');
  const viewXml = body === '' ? tag : `${tag}${body}</${view.name}>`;
  ws.setElement('sheetViews', src.slice(0, view.start) + viewXml + src.slice(view.end));
}

/** Where long lists live: a hidden tab with one column per distinct list. */
function listRange(wb: Workbook, values: string[]): string {
  let entry = wb.find(LISTS_TAB);
  if (!entry) {
    entry = wb.addSheet(LISTS_TAB);
    wb.setHidden(entry, true);
  }
  const ws = wb.model(entry);
  let col = 1;
  for (; ; col++) {
    const existing: string[] = [];
    for (let r = 1; ; r++) {
      const v = ws.valueAt(r, col);
      if (v === null || v === '') break;
      existing.push(String(v));
    }
    if (existing.length === 0) {
      values.forEach((v, i) => ws.writeValue(i + 1, col, v));
      ws.setColAttrs(col, { width: String(Math.min(60, Math.max(10, ...values.map((v) => v.length)))), customWidth: '1' });
      break;
    }
    if (existing.length === values.length && existing.every((v, i) => v === values[i])) break;
  }
  const letter = columnLetter(col);
  return `${sheetRef(LISTS_TAB)}!$${letter}$1:$${letter}$${values.length}`;
}

const PROTECTION =
  // a guard against slips, not a lock: people may still resize, format, sort, filter and add rows
  ' sheet="1" objects="1" scenarios="1" formatCells="0" formatColumns="0" formatRows="0" insertRows="0" insertHyperlinks="0" deleteRows="0" sort="0" autoFilter="0"';

function applyProtection(wb: Workbook, ws: SheetModel, tab: TabPlan): void {
  const p = tab.protection;
  if (!p) return;
  if (!p.protect) {
    ws.setElement('sheetProtection', null);
    return;
  }
  const styles = wb.styles();
  for (const r of p.editable) {
    checkRange(tab.name, r);
    ws.mapStyleRange(rectOf(r), (s) => styles.withLocked(s, false));
  }
  ws.setElement('sheetProtection', `<${ws.P}sheetProtection${PROTECTION}/>`);
}

/** The print titles and area names of a tab. */
function printNames(wb: Workbook, entry: SheetEntry, p: PrintSpec): void {
  const q = `'${entry.name.replace(/'/g, "''")}'`;
  const titles: string[] = [];
  if (p.titleColumns) titles.push(`${q}!$${columnLetter(p.titleColumns.from)}:$${columnLetter(p.titleColumns.to)}`);
  if (p.titleRows) titles.push(`${q}!$${p.titleRows.from}:$${p.titleRows.to}`);
  wb.setName('_xlnm.Print_Titles', titles.length ? titles.join(',') : null, entry);
  wb.setName('_xlnm.Print_Area', p.area ? `${q}!${rectRef(rectOf(p.area)).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}` : null, entry);
}

/** The footer's text: core's footer, at the scale this file prints at (its own fixed scale for a too-wide column). */
function footerText(p: PrintSpec, scale: number | null): string {
  const f = printFooter(scale === null ? p : { ...p, scale });
  return `&L${f.left}&R${f.right}`;
}

function applyPrint(wb: Workbook, entry: SheetEntry, ws: SheetModel, tab: TabPlan): void {
  const p = tab.print;
  if (!p) return;
  const P = ws.P;
  printNames(wb, entry, p);
  // core's fixed scale (the legibility floor, or planned page breaks) wins; else fit to one page wide
  const scale = p.scale ?? (p.fitToWidth ? fixedScaleFor(ws, p) : null);
  const fit = p.fitToWidth && scale === null;
  const existing = ws.elementNode('pageSetup');
  // numbering runs on from the tab before (no first page number of its own), so "Page n of m" counts right
  const changes: Record<string, string | null> = {
    paperSize: '9',
    scale: scale === null ? null : String(scale),
    orientation: p.orientation,
    fitToWidth: fit ? '1' : null,
    fitToHeight: fit ? '0' : null,
    firstPageNumber: null,
    useFirstPageNumber: null,
  };
  ws.setElement(
    'pageSetup',
    existing
      ? retag(existing, changes, true)
      : startTag(
          `${P}pageSetup`,
          Object.entries(changes).filter((e): e is [string, string] => e[1] !== null),
          true,
        ),
  );
  ws.setElement('pageMargins', `<${P}pageMargins left="0.5" right="0.5" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>`);
  const hfSrc = ws.elementXml('headerFooter') ?? '';
  ws.setElement(
    'headerFooter',
    rebuild(
      hfSrc ? ws.elementNode('headerFooter') : null,
      `${P}headerFooter`,
      hfSrc,
      {},
      { oddFooter: `<${P}oddFooter>${footerText(p, scale).replace(/&/g, '&amp;')}</${P}oddFooter>` },
      ['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter'],
    ),
  );
  editSheetPr(ws, { pageSetUpPr: pageSetUpPr(ws, fit) });
  // manual page breaks: `brk id` is the last row of the page before (0-based index of the first row of the next)
  if (p.rowBreaks === undefined) return; // a person's own breaks stay
  const breaks = [...new Set(p.rowBreaks)].filter((r) => r > 1).sort((a, b) => a - b);
  ws.setElement(
    'rowBreaks',
    breaks.length === 0
      ? null
      : `<${P}rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<${P}brk id="${r - 1}" max="16383" man="1"/>`).join('')}</${P}rowBreaks>`,
  );
}

export interface TabState {
  /** a tab was emptied for `replace` */
  onReplaced(entry: SheetEntry): void;
}

export interface AppliedTab {
  entry: SheetEntry;
  cells: number;
  charts: ChartSpec[];
}

/** Apply one tab. */
export function applyTab(wb: Workbook, tab: TabPlan, state: TabState): AppliedTab {
  checkTabName(tab.name);
  // tab names match without regard to case, as in Excel ("summary" is the Summary tab, renamed by a person)
  let entry = wb.find(tab.name);
  if (entry && tab.mode === 'create') {
    throw new ReviewRequestError(
      `The workbook already has a tab called "${tab.name}": rename or delete that tab, or use another workbook.`,
    );
  }
  if (entry && tab.mode === 'replace') {
    wb.clearSheet(entry);
    state.onReplaced(entry);
  }
  if (!entry) entry = wb.addSheet(tab.name, tab.position);
  if (tab.hidden !== undefined) wb.setHidden(entry, tab.hidden);
  const ws = wb.model(entry);
  if (tab.tabColour) editSheetPr(ws, { tabColor: `<${ws.P}tabColor rgb="FF${tab.tabColour.replace('#', '').toUpperCase()}"/>` });

  const numbers: Array<[number, number, number]> = [];
  const cells = writeBlocks(tab, ws, numbers);
  applyMerges(ws, tab.merges);
  const styles = wb.styles();
  for (const f of tab.formats) {
    checkRange(tab.name, f.range);
    ws.mapStyleRange(rectOf(f.range), (s) => styles.withFormat(s, f.format));
  }
  // core writes a date as its serial in the 1900 date system; a workbook that counts from 1904 gets the same day
  if (wb.date1904) {
    for (const [r, c, v] of numbers) if (styles.info(ws.styleAt(r, c)).date) ws.writeValue(r, c, serialInDateSystem(v, true));
  }
  for (const w of tab.columnWidths) ws.setColAttrs(w.col, { width: String(w.width), customWidth: '1' });
  for (const h of tab.rowHeights ?? []) ws.setRowAttrs(h.row, { ht: String(h.height), customHeight: '1' });
  for (const c of tab.hiddenColumns ?? []) ws.setColAttrs(c, { hidden: '1' });
  for (const r of tab.hiddenRows ?? []) ws.setRowAttrs(r, { hidden: '1' });
  if (tab.freeze) setFreeze(ws, tab.freeze.rows, tab.freeze.cols);
  for (const v of tab.validations) {
    checkRange(tab.name, v.range);
    const list = v.rule.kind === 'list' ? (inlineList(v.rule.values) ?? listRange(wb, v.rule.values)) : null;
    ws.setValidation(rectOf(v.range), validationXml(ws.P, v.rule, list));
  }
  let priority = ws.maxPriority(new Set(tab.conditionalFormats.map((cf) => rectRef(rectOf(cf.range)))));
  for (const cf of tab.conditionalFormats) {
    checkRange(tab.name, cf.range);
    const sqref = rectRef(rectOf(cf.range));
    const topLeft = a1(cf.range.row, cf.range.col);
    ws.setConditional(
      sqref,
      conditionalXml(
        ws.P,
        sqref,
        cf.rules.map((rule) => ({ formula: ruleFormula(rule, topLeft), dxfId: styles.dxf(rule.format), priority: ++priority })),
      ),
    );
  }
  applyProtection(wb, ws, tab);
  applyPrint(wb, entry, ws, tab);
  return { entry, cells, charts: tab.charts };
}
