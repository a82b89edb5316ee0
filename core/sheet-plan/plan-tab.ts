/**
 * The Improvement Plan tab (mode 'update'): the columns of seed 004 annex C (PLAN_COLUMNS), then the add-in's
 * "SMART check" and "Source status", and a hidden "Draft fingerprint".
 *
 * What a person typed is never written: for rows already on the tab only the generated columns are written, and the
 * plan columns only of rows the add-in drafted and nobody touched (their fingerprint still matches) when the new
 * draft differs. New drafted rows are appended below the last used row, Part 1 before Part 2, grouped by heading —
 * rows people already have are never moved.
 * Rows: 1 title, 2 note, 3 headers, 4 hidden keys, 5… rows.
 */
import { PLAN_COLUMNS } from '../plan/columns.js';
import { ACHIEVED_CHOICES, CARRY_CHOICES, carriedStatusText } from '../plan/carry.js';
import type { ImprovementAction, PlanPart, PlanRowOut, PlanRowRead, PlanSource } from '../plan/types.js';
import { isIsoDate, isoToSerial } from '../util/dates.js';
import { STYLE, val } from './cells.js';
import { TAB, TABLE_ROWS, VALIDATION_SPARE_ROWS } from './layout.js';
import { rowsWithinSheet } from './limits.js';
import { block, newTab, setWidth } from './tab.js';
import type { PlanCell, TabPlan } from './types.js';
import { linesFor, settlePrint } from './print.js';

/** Characters of column width the note above the table wraps within: about one printed page at 65 %. */
const NOTE_WIDTH = 120;

/** The keys of the columns about a row carried forward from last cycle's plan (issue #16, core/plan/carry.ts). */
export type CarryKey = 'carriedFrom' | 'achieved' | 'carryForward';
export type PlanTabKey = keyof ImprovementAction | keyof PlanSource | CarryKey | 'smart' | 'sourceStatus' | 'draftHash' | 'sourceKey';

export interface PlanTabColumn {
  key: PlanTabKey;
  header: string;
  width: number;
  /** rewritten by the add-in on every row (never typed by people) */
  generated: boolean;
  /** hidden column (the fingerprint, the source key) */
  hidden?: boolean;
}

const WIDTHS: Record<keyof ImprovementAction, number> = {
  ref: 10,
  part: 10,
  heading: 14,
  sourceItems: 9,
  action: 40,
  date: 11,
  keyContact: 13,
  leadAgency: 13,
  supportNeeded: 20,
  howSupportProvided: 20,
  progressReportDate: 11,
  status: 11,
};

/** People's columns about a carried row: where it came from, whether it was achieved, whether it goes on. */
export const CARRY_TAB_COLUMNS: (PlanTabColumn & { key: CarryKey })[] = [
  { key: 'carriedFrom', header: 'Carried from', width: 10, generated: false },
  { key: 'achieved', header: "Achieved? (last cycle's action)", width: 13, generated: false },
  { key: 'carryForward', header: 'Carry forward?', width: 10, generated: false },
];

export const PLAN_TAB_COLUMNS: PlanTabColumn[] = [
  ...PLAN_COLUMNS.map((c) => ({ key: c.id, header: c.header, width: WIDTHS[c.id], generated: false })),
  ...CARRY_TAB_COLUMNS,
  { key: 'smart', header: 'SMART check', width: 20, generated: true },
  { key: 'sourceStatus', header: 'Source status', width: 15, generated: true },
  { key: 'draftHash', header: 'Draft fingerprint', width: 10, generated: true, hidden: true },
];

export const PLAN_DATE_KEYS = new Set<PlanTabKey>(['date', 'progressReportDate']);
/** The parts as the 2004 review paper names them in a plan that holds both (annex C: "Part 1 …", "Part 2 …"). */
export const PART_TEXT: Record<PlanPart, string> = { Delivery: 'Part 1 Delivery', Partnership: 'Part 2 Partnership' };
/** A plan holding one part only: the paper's "Improvement Plan for Delivery" / "… for Partnership", no part number. */
export const SINGLE_PART_TEXT: Record<PlanPart, string> = { Delivery: 'Delivery', Partnership: 'Partnership' };

/** The 2004 review paper, by its own title: where the plan's columns come from. */
export const PLAN_SOURCE =
  'the Improvement Action Plan of “Review of Partnership Strategies and Partnership Working” (Kensington and Chelsea Partnership, March 2004, annex C)';

function partNames(parts: readonly PlanPart[] | undefined): Record<PlanPart, string> {
  return parts && parts.length === 1 ? SINGLE_PART_TEXT : PART_TEXT;
}

/** Title and note of a new plan tab: the parts it holds, named as the paper names them. */
export function planHeading(parts: readonly PlanPart[] | undefined, cycle: string, areaWord: string): { title: string; note: string } {
  const keep = 'Edit any row or add your own: the add-in keeps every change and rewrites only "SMART check" and "Source status".';
  if (parts && parts.length === 1) {
    const p = parts[0]!;
    return {
      title: `Improvement Plan for ${p} (${cycle})`,
      note: `Actions for improvement by ${areaWord}, in the columns of ${PLAN_SOURCE}. ${keep}`,
    };
  }
  return {
    title: `Improvement Plan (${cycle})`,
    note: `Part 1 Delivery (by theme) and Part 2 Partnership (by criterion), as in ${PLAN_SOURCE}. ${keep}`,
  };
}
export const STATUS_CHOICES = ['Not started', 'In progress', 'Completed'];

/** "Part 1 Delivery", "delivery", "1" → Delivery; otherwise null. */
export function parsePart(text: string): PlanPart | null {
  const t = text.trim().toLowerCase();
  if (/^(part\s*1\b|1$|delivery\b)/.test(t) || t === 'part 1 delivery') return 'Delivery';
  if (/^(part\s*2\b|2$|partnership\b)/.test(t)) return 'Partnership';
  return null;
}

export function sourceStatusText(row: PlanRowOut): string {
  if (row.carry) return row.origin === 'edited' ? `${carriedStatusText(row.carry)}; edited, kept as typed` : carriedStatusText(row.carry);
  const weak = row.sourceStillWeak === null ? 'Added by hand' : row.sourceStillWeak ? 'Still weak' : 'No longer weak: review or close';
  return row.origin === 'edited' ? `${weak}; edited, kept as typed` : weak;
}

function planValue(key: PlanTabKey, row: PlanRowOut, names: Record<PlanPart, string> = PART_TEXT): PlanCell {
  if (key === 'sourceWorkbook' || key === 'partnership') {
    const t = (row as Partial<PlanSource>)[key] ?? '';
    return val(t === '' ? null : t);
  }
  if (key === 'smart' || key === 'sourceStatus' || key === 'draftHash' || key === 'sourceKey') return val(null);
  if (key === 'carriedFrom' || key === 'achieved' || key === 'carryForward') return carryValue(key, row);
  const v = row[key];
  if (key === 'part') return val(names[row.part] ?? String(v));
  if ((key === 'date' || key === 'progressReportDate') && typeof v === 'string' && isIsoDate(v)) return val(isoToSerial(v));
  return val(v === '' ? null : v);
}

export interface PlanTabInput {
  rows: PlanRowOut[];
  /** the rows read from the tab, in order: rows[i] is the merge of existing[i] */
  existing: PlanRowRead[];
  /** column of each key on the tab as found; null when the tab does not exist yet */
  found: {
    cols: Partial<Record<PlanTabKey, number>>;
    lastUsedRow: number;
    /** the hidden key row and the last column holding anything: where carry columns missing on an older tab go */
    keyRow?: number;
    lastUsedCol?: number;
  } | null;
  mode: 'create' | 'update';
  cycle: string;
  /** the parts this workbook's plan holds (one: named without a number); default both */
  parts?: readonly PlanPart[];
  /** what one area is called in the note ("hallmark", "theme"); default "theme or criterion" */
  areaWord?: string;
  /** another table of plan rows (the LSP improvement plan's Part 1 and Part 2 tabs): its name, columns, heading and
   *  how a row's generated cells read; default the review's Improvement Plan tab */
  table?: PlanTableSpec;
}

export interface PlanTableSpec {
  name: string;
  columns: PlanTabColumn[];
  heading: { title: string; note: string };
  /** the text of a generated column of a row (SMART check, source status, fingerprint, source key) */
  generatedText: (row: PlanRowOut, key: PlanTabKey) => string;
}

function reviewGeneratedText(r: PlanRowOut, key: PlanTabKey): string {
  return key === 'smart' ? r.smart : key === 'sourceStatus' ? sourceStatusText(r) : key === 'draftHash' ? r.draftHash : '';
}

function carryValue(key: CarryKey, row: PlanRowOut): PlanCell {
  const c = row.carry;
  const v = !c ? '' : key === 'carriedFrom' ? c.from : key === 'achieved' ? c.achieved : c.carryForward;
  return val(v === '' ? null : v);
}

const CARRY_KEYS = new Set<PlanTabKey>(CARRY_TAB_COLUMNS.map((c) => c.key));

/** Stable: rows carried forward from last cycle first (issue #16), then Part 1 before Part 2, then headings in order of first appearance. */
export function orderNewRows(rows: PlanRowOut[]): PlanRowOut[] {
  const headingOrder = new Map<string, number>();
  rows.forEach((r) => headingOrder.has(r.heading) || headingOrder.set(r.heading, headingOrder.size));
  const partRank = (p: PlanPart) => (p === 'Delivery' ? 0 : 1);
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      // carried rows first, in last cycle's order
      if (a.r.carry || b.r.carry) return (a.r.carry ? 0 : 1) - (b.r.carry ? 0 : 1) || a.i - b.i;
      return partRank(a.r.part) - partRank(b.r.part) || headingOrder.get(a.r.heading)! - headingOrder.get(b.r.heading)! || a.i - b.i;
    })
    .map((x) => x.r);
}

export function buildPlanTab(input: PlanTabInput): TabPlan {
  const R = TABLE_ROWS;
  const fresh = input.found === null;
  // a fresh plan (headers and all rows) is only ever created: a host refuses it if the tab is there after all, so a
  // tab holding rows people typed is never written over by one
  const columns = input.table?.columns ?? PLAN_TAB_COLUMNS;
  const genText = input.table?.generatedText ?? reviewGeneratedText;
  const tab = newTab(input.table?.name ?? TAB.plan, 'plan', fresh ? 'create' : input.mode);
  tab.tabColour = '#ED7D31';
  const standard: Record<string, number> = {};
  columns.forEach((c, i) => (standard[c.key] = i + 1));
  // an Improvement Plan made before carry forward (issue #16) gets its three columns on the right, after every used
  // column, only when rows are carried into it
  const extra: Partial<Record<PlanTabKey, number>> = {};
  const keyRow = input.found?.keyRow ?? 0;
  if (!fresh && keyRow > 1 && input.rows.slice(input.existing.length).some((r) => r.carry)) {
    const cols = input.found!.cols;
    let next = Math.max(input.found!.lastUsedCol ?? 0, ...Object.values(cols).map((c) => c ?? 0)) + 1;
    for (const c of columns.filter((x) => CARRY_KEYS.has(x.key))) {
      if (cols[c.key] !== undefined) continue;
      const col = next++;
      extra[c.key] = col;
      tab.blocks.push(block(keyRow - 1, col, [[val(c.header)], [val(c.key)]]));
      tab.formats.push(
        { range: { row: keyRow - 1, col, rows: 1, cols: 1 }, format: { ...STYLE.header, wrap: true } },
        { range: { row: keyRow, col, rows: 1, cols: 1 }, format: STYLE.key },
      );
      setWidth(tab, col, c.width);
    }
  }
  const colOf = (k: PlanTabKey): number | undefined => (fresh ? standard[k] : (input.found!.cols[k] ?? extra[k]));
  const width = columns.length;
  const names = partNames(input.parts);

  if (fresh) {
    const head = input.table?.heading ?? planHeading(input.parts, input.cycle, input.areaWord ?? 'theme or criterion');
    tab.blocks.push(block(1, 1, [[val(head.title)], [val(head.note)], columns.map((c) => val(c.header)), columns.map((c) => val(c.key))]));
    tab.formats.push(
      { range: { row: R.title, col: 1, rows: 1, cols: 1 }, format: STYLE.title },
      { range: { row: R.note, col: 1, rows: 1, cols: 1 }, format: STYLE.note },
      { range: { row: R.header, col: 1, rows: 1, cols: width }, format: STYLE.header },
      { range: { row: R.key, col: 1, rows: 1, cols: width }, format: STYLE.key },
    );
    tab.hiddenRows = [R.key];
    // the note wraps within the columns that print on the first page (the tab runs on across pages; a note spilling
    // to the right would be cut at the page's edge)
    let noteCols = 0;
    let noteWidth = 0;
    while (noteCols < width && noteWidth + columns[noteCols]!.width <= NOTE_WIDTH) noteWidth += columns[noteCols++]!.width;
    tab.merges.push({ row: R.note, col: 1, rows: 1, cols: noteCols });
    tab.formats.push({ range: { row: R.note, col: 1, rows: 1, cols: noteCols }, format: { wrap: true, vAlign: 'top' } });
    const noteHeight = Math.ceil(linesFor(head.note, noteWidth, 11, false) * 15 + 3);
    tab.rowHeights = [
      { row: R.note, height: noteHeight, fit: true },
      { row: R.key, height: 3 },
      { row: R.header, height: 32 },
    ];
    for (const c of columns) setWidth(tab, standard[c.key]!, c.width);
    tab.freeze = { rows: R.key, cols: 0 };
  }

  // generated columns of the rows already there: one block from the first to the last existing row
  const gen = columns.filter((c) => c.generated).map((c) => ({ k: c.key, col: colOf(c.key) }));
  const typed = columns.filter((c) => !c.generated);
  // a refreshed row's cells the add-in may write: never "Carried from", "Achieved?" or "Carry forward?" (people's)
  const refreshed = typed.filter((c) => !CARRY_KEYS.has(c.key));
  if (input.existing.length > 0) {
    const first = Math.min(...input.existing.map((e) => e.at.row));
    const last = Math.max(...input.existing.map((e) => e.at.row));
    const byRow = new Map<number, PlanRowOut>();
    input.existing.forEach((e, i) => byRow.set(e.at.row, input.rows[i]!));
    const contiguous = gen.every((g, i) => g.col !== undefined && g.col === gen[0]!.col! + i);
    const cellsFor = (r: PlanRowOut | undefined, k: PlanTabKey): PlanCell => val(r ? genText(r, k) || null : null);
    if (contiguous) {
      const cells: PlanCell[][] = [];
      for (let row = first; row <= last; row++) cells.push(gen.map((g) => cellsFor(byRow.get(row), g.k)));
      tab.blocks.push(block(first, gen[0]!.col!, cells));
    } else {
      for (const g of gen) {
        if (g.col === undefined) continue;
        const cells: PlanCell[][] = [];
        for (let row = first; row <= last; row++) cells.push([cellsFor(byRow.get(row), g.k)]);
        tab.blocks.push(block(first, g.col, cells));
      }
    }
    // refreshed drafts (untouched by anyone): their plan columns, only when the draft changed
    input.existing.forEach((e, i) => {
      const r = input.rows[i]!;
      if (r.origin !== 'drafted' || r.draftHash === e.draftHash) return;
      const cols = refreshed.map((c) => colOf(c.key));
      if (cols.every((c, j) => c !== undefined && c === cols[0]! + j))
        tab.blocks.push(block(e.at.row, cols[0]!, [refreshed.map((c) => planValue(c.key, r, names))]));
      else refreshed.forEach((c, j) => cols[j] !== undefined && tab.blocks.push(block(e.at.row, cols[j], [[planValue(c.key, r, names)]])));
    });
  }

  // new drafted rows, appended in one block below everything on the tab
  const added = orderNewRows(input.rows.slice(input.existing.length));
  const start = Math.max(R.firstData, (input.found?.lastUsedRow ?? 0) + 1);
  if (added.length > 0) {
    const cols = columns.map((c) => colOf(c.key));
    const standardOrder = cols.every((c, i) => c === i + 1);
    const rowCells = (r: PlanRowOut): PlanCell[] =>
      columns.map((c) => (c.generated ? val(genText(r, c.key) || null) : planValue(c.key, r, names)));
    if (standardOrder) tab.blocks.push(block(start, 1, added.map(rowCells)));
    else {
      columns.forEach((c, j) => {
        const col = cols[j];
        if (col !== undefined)
          tab.blocks.push(
            block(
              start,
              col,
              added.map((r) => [rowCells(r)[j]!]),
            ),
          );
      });
    }
  }

  // formats over the data area (so rows people add look the same)
  const lastRow = Math.max(start + added.length - 1, input.found?.lastUsedRow ?? 0, R.firstData);
  const reach = rowsWithinSheet(R.firstData, lastRow - R.firstData + 1 + VALIDATION_SPARE_ROWS);
  for (const c of columns) {
    const col = colOf(c.key);
    if (col === undefined) continue;
    const range = { row: R.firstData, col, rows: reach, cols: 1 };
    if (PLAN_DATE_KEYS.has(c.key)) {
      tab.formats.push({ range, format: { numberFormat: 'dd/mm/yyyy', vAlign: 'top' } });
      tab.validations.push({ range, rule: { kind: 'date', prompt: 'A date, day/month/year.', error: 'Type a date as dd/mm/yyyy.' } });
    } else tab.formats.push({ range, format: { wrap: true, vAlign: 'top', ...(c.generated ? { fill: '#F2F2F2' } : {}) } });
  }
  const partCol = colOf('part');
  if (partCol !== undefined)
    tab.validations.push({
      range: { row: R.firstData, col: partCol, rows: reach, cols: 1 },
      rule: { kind: 'list', values: Object.values(names), strict: false },
    });
  const statusCol = colOf('status');
  if (statusCol !== undefined)
    tab.validations.push({
      range: { row: R.firstData, col: statusCol, rows: reach, cols: 1 },
      rule: { kind: 'list', values: STATUS_CHOICES, strict: false },
    });
  const choices: [PlanTabKey, readonly string[]][] = [
    ['achieved', ACHIEVED_CHOICES],
    ['carryForward', CARRY_CHOICES],
  ];
  for (const [key, values] of choices) {
    const col = colOf(key);
    if (col !== undefined)
      tab.validations.push({
        range: { row: R.firstData, col, rows: reach, cols: 1 },
        rule: { kind: 'list', values: [...values], strict: false },
      });
  }
  const smartCol = colOf('smart');
  if (smartCol !== undefined) {
    tab.conditionalFormats.push({
      range: { row: R.firstData, col: smartCol, rows: reach, cols: 1 },
      rules: [{ kind: 'textEquals', text: 'SMART', format: { fill: '#C6EFCE', fontColour: '#006100' } }],
    });
  }
  const hiddenCols = columns.filter((c) => c.hidden).map((c) => colOf(c.key));
  if (hiddenCols.some((c) => c !== undefined)) tab.hiddenColumns = hiddenCols.filter((c): c is number => c !== undefined);
  // too wide to fit a page at 7 pt: it runs on across pages with the reference column repeated
  tab.print = { orientation: 'landscape', fitToWidth: true, titleRows: { from: R.header, to: R.header }, titleColumns: { from: 1, to: 1 } };
  settlePrint(
    tab,
    columns.map((c, i) => ({ col: standard[c.key] ?? i + 1, width: c.width })),
  );
  return tab;
}
