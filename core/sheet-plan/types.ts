/**
 * A declarative sheet plan: what the workbook should contain. Hosts apply it verbatim and decide nothing.
 *
 * Ownership: every block is `generated` (the add-in owns it and may rewrite it) or `input` (a person owns it).
 * Core operations only put `input` cells into a plan when a person asked for them to be written (creating a
 * workbook, importing responses); they never put a cell a person typed into a plan otherwise.
 *
 * Text safety: a `{ v: string }` cell is ALWAYS literal text. Hosts must write it so that it is never taken as a
 * formula, number or date (see `hostText` in ./text-guard.ts). Only `{ f }` cells are formulas, and only core makes them.
 */

/** 0-based row/column offsets are never used in plans: rows and columns are 1-based like A1 notation. */
export interface RangeRef {
  row: number; // 1-based top row
  col: number; // 1-based left column
  rows: number;
  cols: number;
}

/**
 * A merged range. `across: true` merges each row of the range on its own, as one call for the whole range (Excel
 * `range.merge(true)`, Sheets `range.mergeAcross()`), e.g. a list of texts, each spread over the same columns.
 * Optional (added for flat host call counts): without it the whole range becomes one cell.
 */
export interface MergeSpec extends RangeRef {
  across?: boolean;
}

/** A row height in points. */
export interface RowHeightSpec {
  row: number;
  height: number;
  /**
   * Optional: the height is core's estimate of what the row's wrapped text needs (Excel and LibreOffice do not fit
   * rows holding merged cells themselves). A host that fits rows to their wrapped text on its own — Google Sheets,
   * also across cells merged within one row — may leave the row to do so instead of setting the height.
   */
  fit?: boolean;
}

export type PlanCell =
  | { v: string | number | boolean | null }
  /** A formula in en-US function names with `,` separators, with a leading `=`, e.g. `=AVERAGE(B2:B9)`.
   *  Functions newer than Excel 2007 are written with `_xlfn.` (e.g. `_xlfn.STDEV.S`); hosts that need it
   *  strip the prefix (see `formulaForHost`). `v` is core's own value, so hosts that cannot recalculate
   *  (ExcelJS, the in-memory workbook) still show the right number. */
  | { f: string; v: string | number | boolean | null };

export interface Block {
  /** top-left, 1-based */
  row: number;
  col: number;
  /** rectangular: every row has the same length */
  cells: PlanCell[][];
  owner: 'generated' | 'input';
}

export type HAlign = 'left' | 'center' | 'right';
export type VAlign = 'top' | 'middle' | 'bottom';

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** #RRGGBB */
  fontColour?: string;
  fill?: string;
  wrap?: boolean;
  hAlign?: HAlign;
  vAlign?: VAlign;
  /** Excel/Sheets number format code, e.g. `0.00`, `0%`, `dd/mm/yyyy`, `@` */
  numberFormat?: string;
  border?: 'thin' | 'none';
}

export interface FormatRule {
  range: RangeRef;
  format: CellFormat;
}

export type ValidationRule =
  | {
      kind: 'list';
      /** shown in the dropdown, in order */
      values: string[];
      /** reject anything else (false = warn only, so people can still type a label or a note) */
      strict: boolean;
      prompt?: string;
      error?: string;
    }
  | { kind: 'date'; prompt?: string; error?: string }
  | { kind: 'number'; min: number; max: number; integer: boolean; prompt?: string; error?: string };

export interface ValidationSpec {
  range: RangeRef;
  rule: ValidationRule;
}

export type ConditionalRule =
  /** cell text equals (case-insensitive) */
  | { kind: 'textEquals'; text: string; format: Pick<CellFormat, 'fill' | 'fontColour' | 'bold'> }
  /** number comparisons on the cell value */
  | {
      kind: 'number';
      operator: 'lt' | 'lte' | 'gt' | 'gte' | 'between';
      value: number;
      value2?: number;
      format: Pick<CellFormat, 'fill' | 'fontColour' | 'bold'>;
    };

export interface ConditionalFormatSpec {
  range: RangeRef;
  rules: ConditionalRule[];
}

export interface ChartSpec {
  id: string;
  kind: 'bar' | 'column';
  title: string;
  /** categories down the first column of `data`, one series per further column, header row first */
  data: RangeRef;
  /** where to put it: top-left cell and size in pixels */
  anchor: { row: number; col: number };
  width: number;
  height: number;
  /** axis range for scores */
  min?: number;
  max?: number;
}

export interface ProtectionSpec {
  /** Protect the tab; cells in `editable` stay editable. Not a security boundary: a guard against slips. */
  protect: boolean;
  editable: RangeRef[];
  description: string;
  /** Optional (added for the Sheets add-on): ranges each editable only by the people named — in Sheets, one
   *  protection per respondent row when the owner asks for it at creation. `editors` are e-mail addresses; when
   *  empty, anyone editing the range gets a warning instead (no one is locked out). Hosts without per-person
   *  permissions (Excel, .xlsx) ignore it. */
  owned?: { range: RangeRef; editors: string[]; description: string }[];
}

export interface PrintSpec {
  orientation: 'portrait' | 'landscape';
  fitToWidth: boolean;
  /** rows repeated at the top of each printed page, e.g. { from: 1, to: 3 } */
  titleRows?: { from: number; to: number };
  /** columns repeated at the left of each printed page, 1-based, e.g. { from: 1, to: 1 } (optional; hosts
   *  without print titles for columns skip it) */
  titleColumns?: { from: number; to: number };
  /** area to print; default used range */
  area?: RangeRef;
  /** Optional (issue #13): print at this fixed scale (percent) instead of fitting to one page wide — set by core
   *  (`settlePrint`) where fitting would shrink text under 7 pt or where `rowBreaks` need a known page height. */
  scale?: number;
  /** Optional (issue #13): manual page breaks — a new page starts at each of these rows (1-based). Computed by core
   *  from the layout and estimated row heights so a chart and a table's header stay with their rows. Hosts without a
   *  page-break API (Google Sheets) skip them. */
  rowBreaks?: number[];
}

export type TabRole =
  'instructions' | 'settings' | 'entry' | 'register' | 'group-summary' | 'previous' | 'summary' | 'comments' | 'plan' | 'meta';

export interface TabPlan {
  name: string; // at most 31 characters, no []:*?/\
  role: TabRole;
  /**
   * `create`  — the tab must not exist yet (create); fails if it does.
   * `replace` — clear the tab's contents, formats, validation, conditional formats and charts, then write (generated tabs
   *             only: Summary, meta). Creates the tab if missing.
   * `update`  — write only the blocks given, leave everything else (entry tabs after import, plan merge). Creates the tab if
   *             missing.
   */
  mode: 'create' | 'replace' | 'update';
  hidden?: boolean;
  /** 0-based position among tabs when created; default: at the end */
  position?: number;
  tabColour?: string;
  blocks: Block[];
  formats: FormatRule[];
  /** column widths in characters (Excel's unit); hosts convert */
  columnWidths: { col: number; width: number }[];
  rowHeights?: RowHeightSpec[];
  merges: MergeSpec[];
  freeze?: { rows: number; cols: number };
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  charts: ChartSpec[];
  protection?: ProtectionSpec;
  print?: PrintSpec;
  /** hide these columns (e.g. the draft fingerprint on the plan tab) */
  hiddenColumns?: number[];
  /** hide these rows (e.g. the machine key row of an entry tab, which the reader uses to find columns) */
  hiddenRows?: number[];
}

export interface NamedRangeSpec {
  name: string; // e.g. PR_Responses
  sheet: string;
  range: RangeRef;
}

/** A cell that must still hold what was read, or the host refuses to write (the layout changed underneath). */
export interface Precondition {
  sheet: string;
  row: number;
  col: number;
  equals: string | number | boolean | null;
}

export interface SheetPlan {
  /** Checked by the host just before writing (Excel re-reads them; Sheets checks them under the document lock). */
  preconditions?: Precondition[];
  tabs: TabPlan[];
  namedRanges: NamedRangeSpec[];
  /** tab to show when done */
  activate?: string;
}
