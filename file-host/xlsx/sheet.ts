/**
 * One worksheet part as an editable model that keeps what it does not change. The part is parsed once; every
 * top-level element the engine does not edit is written back as the exact text it was read as, and so is every row
 * and cell it does not write. Elements the plan owns (columns, merges, validations, the plan's conditional formats,
 * protection, print setup, panes, the drawing link) are rebuilt from the parsed element with only the plan's entries
 * changed, and placed where the schema (CT_Worksheet) puts them.
 */
import type { CellValue } from '../../core/review/types.js';
import { columnLetter, columnNumber } from '../../core/util/a1.js';
import { cellValueOf, inlineText } from './cell-value.js';
import type { SharedStrings } from './shared-strings.js';
import type { Styles } from './styles.js';
import {
  decodeEntities,
  escAttr,
  escText,
  isSpace,
  localName,
  parseXml,
  readStartTag,
  retag,
  startTag,
  XmlError,
  type XNode,
} from './xml.js';
import { shiftFormula } from './formula-shift.js';
import { NS } from './package.js';
import { ByteSink, StringSink, type TextSink } from './byte-sink.js';

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Cell {
  col: number;
  s: number;
  value: CellValue;
  /** formula text when the cell holds one ('' for a shared formula's dependent) */
  f?: string;
  /** start/end of the original XML, or -1 when the cell was written in this session */
  a: number;
  b: number;
  /** a written cell's XML after its `r` and `s` attributes (`/>` or ` t="s"><v>3</v></c>`): the start of the tag is
   *  made when the part is written, so restyling a cell many times costs no string work */
  x?: string;
  /** an original cell whose style index changed: only its `s` attribute is rewritten when the part is written */
  restyled?: boolean;
  /** the shared formula group (`si`) an original cell belongs to, master or not */
  si?: string;
}

/** The first cell of a shared formula group, as read. */
interface SharedMaster {
  row: number;
  col: number;
  ref: Rect;
  formula: string;
}

/** An array formula (or data table) a person entered: the cells it fills, and where it was entered. */
export interface ArrayFormula {
  rect: Rect;
  row: number;
  col: number;
  kind: 'array' | 'dataTable';
}

export interface Row {
  r: number;
  attrs: Record<string, string>;
  /** the row's start tag must be written again (attributes changed) */
  dirty: boolean;
  /** a cell of it changed */
  cellsDirty: boolean;
  cells: Cell[];
  /** offsets of the original start tag, and the end of the original row */
  a: number;
  b: number;
  e: number;
  /** while the row's cells are still only text (from `b` to this offset, where its end tag starts): read when first
   *  needed, so rows a command never looks at (the blank formatted rows below the data) cost no cell objects; -1 once
   *  read, and for rows made in this session */
  lazyEnd: number;
  /** while the row is not read: its cells' columns and style indexes, peeked from the text when a range is
   *  restyled (null: the row's cells are not all plain empty tags, so it must be read) */
  lazyStyles?: { cols: number[]; styles: number[] } | null;
}

interface ColRange {
  min: number;
  max: number;
  attrs: Record<string, string>;
}

/** CT_Worksheet child order. */
const ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
const ord = (local: string) => {
  const i = ORDER.indexOf(local);
  return i < 0 ? -1 : i;
};

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
export const MAX_TEXT = 32_767;

/** A range at least this tall whose foot is blank is formatted there through its columns' own style (and only one that
 *  starts within this many rows of the top: the blank cells above it are kept as they look, a cell each). */
export const COLUMN_STYLE_ROWS = 100;

/** The style a row gives its cells that have no element, when it has one of its own (`customFormat`: Excel writes
 *  "1", LibreOffice "true"; without an `s`, style 0). */
function rowStyle(row: Row): number | null {
  const f = row.attrs['customFormat'];
  return f === '1' || f === 'true' ? Number(row.attrs['s'] ?? 0) : null;
}

// Binary searches over a tab's sorted rows, a row's sorted cells and a peeked row's sorted columns: plain functions of
// plain arrays (the command line runs most code unoptimised, where a comparison passed as a closure costs a call each)

/** The index of the first row numbered `r` or more. */
function firstRowFrom(rows: readonly Row[], r: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.r < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first cell in column `col` or to its right. */
function firstCellFrom(cells: readonly Cell[], col: number): number {
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid]!.col < col) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first column number `col` or more. */
function firstColFrom(cols: readonly number[], col: number): number {
  let lo = 0;
  let hi = cols.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cols[mid]! < col) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const letters: string[] = [];
export function colLetter(c: number): string {
  return (letters[c] ??= columnLetter(c));
}

export function parseRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  while (i < ref.length) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else if (ch !== 36) break;
    i++;
  }
  const row = Number(ref.slice(i).replace('$', ''));
  if (!col || !Number.isInteger(row) || row < 1) return null;
  return { row, col };
}

/** The column of a cell reference such as `AB12` (the row must be valid too), as `parseRef` reads it, without making
 *  strings for the common form. */
function colOfRef(ref: string): number | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else break;
  }
  if (i === ref.length || ref.charCodeAt(i) === 48) return parseRef(ref)?.col ?? null;
  for (let j = i; j < ref.length; j++) {
    const ch = ref.charCodeAt(j);
    if (ch < 48 || ch > 57) return parseRef(ref)?.col ?? null;
  }
  return col || null;
}

const TAG_NAME_END = /[\s/>]/;

/** Whether the character code is one of a prefix's name characters after the first (`[\w.-]`). */
function prefixChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
}

/**
 * Where formula start tags begin from `from` up to `to`, in order: the matches of `<(?:[A-Za-z_][\w.-]*:)?f[\s/>]`,
 * found by searching for `<f` and `:f` (a tab is mostly cell tags, and a regular expression trying every `<` of a
 * 3 MB part costs several milliseconds more).
 */
export function formulaTags(src: string, from: number, to: number): number[] {
  const plain: number[] = [];
  for (let k = src.indexOf('<f', from); k >= 0 && k < to; k = src.indexOf('<f', k + 2)) {
    if (TAG_NAME_END.test(src.charAt(k + 2))) plain.push(k);
  }
  const prefixed: number[] = [];
  for (let k = src.indexOf(':f', from); k >= 0; k = src.indexOf(':f', k + 2)) {
    if (!TAG_NAME_END.test(src.charAt(k + 2))) continue;
    // back over the prefix's name to its `<`
    let j = k - 1;
    while (j >= from && prefixChar(src.charCodeAt(j))) j--;
    if (j >= to) break;
    const first = src.charCodeAt(j + 1);
    const nameStart = (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95;
    if (j >= from && j < k - 1 && src.charCodeAt(j) === 60 && nameStart) prefixed.push(j);
  }
  if (prefixed.length === 0) return plain;
  return [...plain, ...prefixed].sort((a, b) => a - b);
}

/** Whether the formula start tag at `lt` has attributes (`t="shared"`, `ref`, `si`, `aca`, …): a plain `<f>` has none. */
export function formulaTagHasAttributes(src: string, lt: number): boolean {
  let j = lt + 1;
  for (let c = src.charCodeAt(j); j < src.length && !isSpace(c) && c !== 47 && c !== 62;) c = src.charCodeAt(++j);
  while (j < src.length && isSpace(src.charCodeAt(j))) j++;
  const c = src.charCodeAt(j);
  return c !== 47 && c !== 62;
}

/** A plain cell start tag at `lt` (`<c` with only `r`, `s` and `t`, each at most once, values without entities or
 *  line breaks) read without making an attribute object; null for anything else, which `readStartTag` then reads. */
function readCellTag(
  src: string,
  lt: number,
  limit: number,
): { name: string; r?: string; s?: string; t?: string; end: number; selfClose: boolean } | null {
  if (src.charCodeAt(lt) !== 60) return null;
  let j = lt + 1;
  let c = src.charCodeAt(j);
  while (j < limit && !isSpace(c) && c !== 47 && c !== 62) c = src.charCodeAt(++j);
  if (j >= limit) return null;
  const nameEnd = j;
  // "c" or "prefix:c"
  if (src.charCodeAt(nameEnd - 1) !== 99 || (nameEnd - 2 > lt && src.charCodeAt(nameEnd - 2) !== 58) || nameEnd - 1 === lt) return null;
  let r: string | undefined;
  let s: string | undefined;
  let t: string | undefined;
  for (;;) {
    while (j < limit && isSpace(src.charCodeAt(j))) j++;
    if (j >= limit) return null;
    const ch = src.charCodeAt(j);
    if (ch === 62) return { name: src.slice(lt + 1, nameEnd), r, s, t, end: j + 1, selfClose: false };
    if (ch === 47) {
      if (src.charCodeAt(j + 1) !== 62 || j + 2 > limit) return null;
      return { name: src.slice(lt + 1, nameEnd), r, s, t, end: j + 2, selfClose: true };
    }
    // one-letter names r, s or t, then ="
    if (src.charCodeAt(j + 1) !== 61 || src.charCodeAt(j + 2) !== 34) return null;
    const close = src.indexOf('"', j + 3);
    if (close < 0 || close >= limit) return null;
    for (let k = j + 3; k < close; k++) {
      const x = src.charCodeAt(k);
      if (x === 38 || x === 60 || x === 9 || x === 10 || x === 13) return null;
    }
    const value = src.slice(j + 3, close);
    if (ch === 114 && r === undefined) r = value;
    else if (ch === 115 && s === undefined) s = value;
    else if (ch === 116 && t === undefined) t = value;
    else return null;
    j = close + 1;
  }
}

export function parseRange(ref: string): Rect | null {
  const [a, b = a] = ref.trim().split(':');
  const p = parseRef(a!);
  const q = parseRef(b!);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function rectRef(r: Rect): string {
  const tl = `${colLetter(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${colLetter(r.right)}${r.bottom}`;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return !(a.bottom < b.top || a.top > b.bottom || a.right < b.left || a.left > b.right);
}

/** `r` without `cut`, as up to four rectangles. */
export function subtract(r: Rect, cut: Rect): Rect[] {
  if (!overlaps(r, cut)) return [r];
  const out: Rect[] = [];
  if (r.top < cut.top) out.push({ top: r.top, left: r.left, bottom: cut.top - 1, right: r.right });
  if (r.bottom > cut.bottom) out.push({ top: cut.bottom + 1, left: r.left, bottom: r.bottom, right: r.right });
  const midTop = Math.max(r.top, cut.top);
  const midBottom = Math.min(r.bottom, cut.bottom);
  if (r.left < cut.left) out.push({ top: midTop, left: r.left, bottom: midBottom, right: cut.left - 1 });
  if (r.right > cut.right) out.push({ top: midTop, left: cut.right + 1, bottom: midBottom, right: r.right });
  return out;
}

export interface SheetContext {
  sst: () => SharedStrings;
  /** the shared strings as read (null when the package has none) */
  readSst: SharedStrings | null;
  styles: Styles;
  date1904: boolean;
}

interface Managed {
  xml: string | null;
}

export const BLANK_SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}"><sheetData/></worksheet>`;

const SHEET_DATA: ReadonlySet<string> = new Set(['sheetData']);

/** A cell as read from the part, before its value is worked out. */
interface RawCell {
  /** the cell's `r`, `s` and `t` attributes (the others are kept in its text) */
  r: string | undefined;
  s: string | undefined;
  t: string | undefined;
  v?: string;
  f?: string;
  fAttrs?: Record<string, string>;
  inline?: string;
  a: number;
  b: number;
}

export class SheetModel {
  readonly rows: Row[] = [];
  private readonly rowMap = new Map<number, Row>();
  private readonly src: string;
  private readonly root: XNode;
  /** top-level children, with the sheetData subtree dropped after reading */
  private readonly top: Array<{ local: string; node: XNode; own: boolean }> = [];
  private readonly managed = new Map<string, Managed>();
  /** the conditional formats: null while untouched */
  private cfs: Array<{ sqref: string; xml: string }> | null = null;
  private merges: Rect[] | null = null;
  private mergesDirty = false;
  private mergeIndex: Map<number, Rect[]> | null = null;
  private readWithoutMerges: boolean | null = null;
  private cols: ColRange[] | null = null;
  private colStyles: Map<number, number> | null = null;
  /** columns given their style in this session by a range's foot, and the last row of that range */
  private readonly columnStyledTo = new Map<number, number>();
  /** the tab had nothing in it when read (a tab this command made, or one it replaces whole) */
  private readonly blankAtStart: boolean;
  private colsDirty = false;
  private validations: Array<{ rects: Rect[]; node: XNode | null; xml?: string; changed: boolean }> | null = null;
  private validationsDirty = false;
  private dataDirty = false;
  readonly P: string;
  private readonly rDeclared: boolean;
  /** rows a plan wrote a cell into in this session */
  readonly touchedRows = new Set<number>();
  /** shared formula groups by `si`, while their master cell is as read */
  private readonly sharedMasters = new Map<string, SharedMaster>();
  private readonly arrays: ArrayFormula[] = [];

  /** `srcBytes`: the UTF-8 bytes `src` was decoded from, exactly (see `ByteSink`), or null */
  constructor(
    src: string,
    private readonly ctx: SheetContext,
    private readonly srcBytes: Uint8Array | null = null,
  ) {
    this.src = src;
    this.blankAtStart = src === BLANK_SHEET;
    this.root = parseXml(src, SHEET_DATA);
    this.P = this.root.name.includes(':') ? this.root.name.slice(0, this.root.name.indexOf(':') + 1) : '';
    const mainPrefix = this.P.slice(0, -1);
    this.rDeclared = Object.entries(this.root.attrs).some(([k, v]) => k === 'xmlns:r' && v === NS.r);
    for (const n of this.root.children) {
      const own = (n.name.includes(':') ? n.name.slice(0, n.name.indexOf(':')) : '') === mainPrefix;
      const local = localName(n.name);
      if (own && local === 'sheetData') {
        this.readSheetData(n);
        // keep the position, drop the subtree
        this.top.push({ local, own, node: { ...n, children: [] } });
      } else this.top.push({ local, node: n, own });
    }
    if (!this.top.some((t) => t.own && t.local === 'sheetData')) this.dataDirty = true;
  }

  private element(local: string): XNode | undefined {
    return this.top.find((t) => t.own && t.local === local)?.node;
  }

  private rawOf(n: XNode): string {
    return this.src.slice(n.start, n.end);
  }

  // ---------- reading ----------

  /** The rows and cells of `sheetData`: scanned straight from the text (no element tree: a large tab is mostly
   *  cells), or, when the scan meets anything but rows of cells holding `v`, `f` and `is` (comments, CDATA, other
   *  elements), parsed the general way. */
  private readSheetData(sd: XNode): void {
    if (this.scanSheetData(sd.innerStart, sd.innerEnd)) return;
    this.rows.length = 0;
    this.rowMap.clear();
    this.sharedMasters.clear();
    this.arrays.length = 0;
    const full = parseXml(this.src.slice(sd.start, sd.end));
    this.readSheetDataTree(full, sd.start);
  }

  private readSheetDataTree(sd: XNode, base: number): void {
    let lastRow = 0;
    for (const rn of sd.children) {
      if (localName(rn.name) !== 'row') continue;
      const r = rn.attrs['r'] ? Number(rn.attrs['r']) : lastRow + 1;
      lastRow = r;
      const row: Row = {
        r,
        attrs: rn.attrs,
        dirty: !rn.attrs['r'],
        cellsDirty: false,
        cells: [],
        a: base + rn.start,
        b: base + rn.innerStart,
        e: base + rn.end,
        lazyEnd: -1,
      };
      this.readRowTree(rn, base, row);
      this.finishRow(row);
    }
  }

  /** The cells of one row element, parsed the general way. */
  private readRowTree(rn: XNode, base: number, row: Row): void {
    let lastCol = 0;
    for (const cn of rn.children) {
      if (localName(cn.name) !== 'c') continue;
      const raw: RawCell = { r: cn.attrs['r'], s: cn.attrs['s'], t: cn.attrs['t'], a: base + cn.start, b: base + cn.end };
      for (const k of cn.children) {
        const l = localName(k.name);
        if (l === 'v') raw.v = k.text;
        else if (l === 'f') {
          raw.f = k.text;
          raw.fAttrs = k.attrs;
        } else if (l === 'is') raw.inline = inlineText(k);
      }
      lastCol = this.addCell(row, raw, lastCol);
    }
  }

  /** A row's cells, read from its text the first time they are needed. */
  private load(row: Row): Row {
    const end = row.lazyEnd;
    if (end < 0) return row;
    row.lazyEnd = -1;
    if (!this.scanCells(row, row.b, end)) {
      // anything but cells holding `v`, `f` and `is` (an `extLst`, say): the general way
      row.cells = [];
      this.readRowTree(parseXml(this.src.slice(row.a, row.e)), row.a, row);
    }
    this.sortCells(row);
    return row;
  }

  /** Whether a row not yet read may hold a value: its cells are all empty tags (`<c …/>`) unless an end tag other
   *  than the row's own comes before it ends. */
  private mayHoldValues(row: Row): boolean {
    if (row.lazyEnd < 0) return true;
    const k = this.src.indexOf('</', row.b);
    return k >= 0 && k < row.lazyEnd;
  }

  /** The first and last column of a row not yet read, from its first and last cell tags; null when that needs the
   *  row read ([0, 0]: no cells). */
  private lazySpan(row: Row): [number, number] | null {
    if (this.mayHoldValues(row)) return null;
    // the row's cells already peeked (a range restyled over it): their first and last columns
    const peek = row.lazyStyles;
    if (peek) return peek.cols.length === 0 ? [0, 0] : [peek.cols[0]!, peek.cols[peek.cols.length - 1]!];
    const src = this.src;
    let i = row.b;
    while (i < row.lazyEnd && isSpace(src.charCodeAt(i))) i++;
    if (i >= row.lazyEnd) return [0, 0];
    const colOf = (at: number): number | null => {
      // a plain cell tag without an attribute object; anything else the general way
      const plain = readCellTag(src, at, row.lazyEnd);
      if (plain) return plain.selfClose && plain.r ? colOfRef(plain.r) : null;
      const t = readStartTag(src, at, row.lazyEnd);
      if (!t || !t.selfClose || localName(t.name) !== 'c' || !t.attrs['r']) return null;
      return parseRef(t.attrs['r'])?.col ?? null;
    };
    const first = colOf(i);
    const last = colOf(src.lastIndexOf('<', row.lazyEnd - 1));
    return first === null || last === null || last < first ? null : [first, last];
  }

  /** The fast path of `readSheetData`; false (and nothing trusted) when the text is not plain rows of cells. Only the
   *  rows are read here: a row's cells wait until something needs them, except in rows holding a formula tag with
   *  attributes (shared formulas, array formulas and data tables must be known from the start). Rows of plain
   *  formulas (`<f>…</f>`, all the tool writes) wait too: a Summary's 1,100 formulas are never read when only its
   *  first rows are. */
  private scanSheetData(from: number, to: number): boolean {
    const src = this.src;
    // comments, CDATA or processing instructions anywhere in the rows: the general way
    for (const mark of ['<!', '<?']) {
      const k = src.indexOf(mark, from);
      if (k >= 0 && k < to) return false;
    }
    const formulaAt = formulaTags(src, from, to).filter((k) => formulaTagHasAttributes(src, k));
    let nextFormula = 0;
    let i = from;
    let lastRow = 0;
    for (;;) {
      while (i < to && isSpace(src.charCodeAt(i))) i++;
      if (i >= to) return i === to;
      const rt = readStartTag(src, i, to);
      if (!rt || localName(rt.name) !== 'row') return false;
      const r = rt.attrs['r'] ? Number(rt.attrs['r']) : lastRow + 1;
      lastRow = r;
      const row: Row = { r, attrs: rt.attrs, dirty: !rt.attrs['r'], cellsDirty: false, cells: [], a: i, b: rt.end, e: rt.end, lazyEnd: -1 };
      i = rt.end;
      if (!rt.selfClose) {
        const close = src.indexOf(`</${rt.name}`, i);
        const gt = close < 0 || close >= to ? -1 : src.indexOf('>', close);
        if (gt < 0 || gt >= to || src.slice(close + 2 + rt.name.length, gt).trim() !== '') return false;
        // a row start inside the row: malformed, for the general way to refuse
        const nested = src.indexOf(`<${rt.name}`, i);
        if (nested >= 0 && nested < close) return false;
        while (nextFormula < formulaAt.length && formulaAt[nextFormula]! < i) nextFormula++;
        if (nextFormula < formulaAt.length && formulaAt[nextFormula]! < close) {
          if (!this.scanCells(row, i, close)) return false;
          this.sortCells(row);
        } else row.lazyEnd = close;
        row.e = i = gt + 1;
      }
      this.addRow(row);
    }
  }

  /** The cells of a row from `from` to the start of its end tag; false when the text is not plain cells. */
  private scanCells(row: Row, from: number, to: number): boolean {
    const src = this.src;
    let i = from;
    const skipSpace = (): void => {
      while (i < to && isSpace(src.charCodeAt(i))) i++;
    };
    /** at `</name>`: past it, or false */
    const endTag = (name: string): boolean => {
      if (src.charCodeAt(i) !== 60 || src.charCodeAt(i + 1) !== 47) return false;
      const gt = src.indexOf('>', i);
      if (gt < 0 || gt >= to || src.slice(i + 2, gt).trim() !== name) return false;
      i = gt + 1;
      return true;
    };
    let lastCol = 0;
    for (;;) {
      skipSpace();
      if (i >= to) return i === to;
      const ct = readCellTag(src, i, to) ?? readStartTag(src, i, to);
      if (!ct || localName(ct.name) !== 'c') return false;
      const attrs = 'attrs' in ct ? ct.attrs : ct;
      const raw: RawCell = { r: attrs['r'], s: attrs['s'], t: attrs['t'], a: i, b: ct.end };
      i = ct.end;
      if (!ct.selfClose) {
        for (;;) {
          skipSpace();
          if (src.charCodeAt(i + 1) === 47) {
            if (!endTag(ct.name)) return false;
            break;
          }
          // the common case, a plain <v>…</v> (a number, a shared string's index): no tag objects
          if (src.charCodeAt(i) === 60 && src.charCodeAt(i + 1) === 118 && src.charCodeAt(i + 2) === 62) {
            const lt = src.indexOf('<', i + 3);
            if (lt >= 0 && lt + 4 <= to && src.startsWith('</v>', lt)) {
              try {
                raw.v = decodeEntities(src.slice(i + 3, lt), i + 3);
              } catch {
                return false;
              }
              i = lt + 4;
              continue;
            }
          }
          const kt = readStartTag(src, i, to);
          if (!kt) return false;
          const kl = localName(kt.name);
          if (kl === 'is') {
            const close = src.indexOf(`</${kt.name}>`, kt.end);
            if (close < 0 || close >= to) return false;
            const end = close + kt.name.length + 3;
            try {
              raw.inline = inlineText(parseXml(src.slice(i, end)));
            } catch {
              return false;
            }
            i = end;
            continue;
          }
          if (kl !== 'v' && kl !== 'f') return false;
          let text = '';
          if (kt.selfClose) i = kt.end;
          else {
            const lt = src.indexOf('<', kt.end);
            if (lt < 0 || lt >= to) return false;
            const body = src.slice(kt.end, lt);
            i = lt;
            if (!endTag(kt.name)) return false;
            try {
              text = decodeEntities(body, kt.end);
            } catch {
              return false;
            }
          }
          if (kl === 'v') raw.v = text;
          else {
            raw.f = text;
            raw.fAttrs = kt.attrs;
          }
        }
      }
      raw.b = i;
      lastCol = this.addCell(row, raw, lastCol);
    }
  }

  /** One cell as read → the model; returns its column. */
  private addCell(row: Row, raw: RawCell, lastCol: number): number {
    const r = row.r;
    const ref = raw.r;
    const col = ref ? (colOfRef(ref) ?? lastCol + 1) : lastCol + 1;
    // Excel opens no file with a cell past its last column: the review's ranges could not reach it either
    if (col > MAX_COLS) throw new XmlError(`a cell (${ref ?? `column ${col} of row ${r}`}) is past Excel's last column, XFD`);
    const s = raw.s === undefined ? 0 : Number(raw.s);
    const t = raw.t ?? 'n';
    const { v, f, inline } = raw;
    let si: string | undefined;
    if (f !== undefined && raw.fAttrs) {
      const ft = raw.fAttrs['t'];
      if (ft === 'shared' && raw.fAttrs['si'] !== undefined) {
        si = raw.fAttrs['si'];
        const sref = raw.fAttrs['ref'] ? parseRange(raw.fAttrs['ref']) : null;
        if (sref && f.trim() !== '') this.sharedMasters.set(si, { row: r, col, ref: sref, formula: f });
      } else if (ft === 'array' || ft === 'dataTable') {
        const rect = (raw.fAttrs['ref'] ? parseRange(raw.fAttrs['ref']) : null) ?? { top: r, left: col, bottom: r, right: col };
        this.arrays.push({ rect, row: r, col, kind: ft });
      }
    }
    const value: CellValue = cellValueOf(t, v, inline, s, this.ctx);
    if (!ref) row.dirty = row.cellsDirty = true;
    const cell: Cell = { col, s, value, a: raw.a, b: raw.b };
    if (f !== undefined) cell.f = f;
    if (si !== undefined) cell.si = si;
    row.cells.push(cell);
    return col;
  }

  private finishRow(row: Row): void {
    this.sortCells(row);
    this.addRow(row);
  }

  private sortCells(row: Row): void {
    if (!isSorted(row.cells)) {
      row.cells.sort((p, q) => p.col - q.col);
      row.cellsDirty = true;
    }
  }

  private addRow(row: Row): void {
    // Excel opens no file with a row past its last one: the review's ranges could not reach it either
    if (!Number.isInteger(row.r) || row.r < 1 || row.r > MAX_ROWS)
      throw new XmlError(`a row is numbered ${String(row.attrs['r'] ?? row.r)}, outside Excel's rows 1 to 1,048,576`);
    const last = this.rows[this.rows.length - 1];
    this.rowMap.set(row.r, row);
    if (!last || last.r < row.r) {
      this.rows.push(row);
      return;
    }
    this.rows.splice(firstRowFrom(this.rows, row.r), 0, row);
  }

  row(r: number): Row | undefined {
    const row = this.rowMap.get(r);
    return row && this.load(row);
  }

  private ensureRow(r: number): Row {
    let row = this.row(r);
    if (!row) {
      row = { r, attrs: { r: String(r) }, dirty: true, cellsDirty: true, cells: [], a: -1, b: -1, e: -1, lazyEnd: -1 };
      this.addRow(row);
      this.dataDirty = true;
    }
    return row;
  }

  cell(r: number, c: number): Cell | undefined {
    const row = this.row(r);
    if (!row) return undefined;
    const i = findCol(row.cells, c);
    return i >= 0 ? row.cells[i] : undefined;
  }

  /** What a person sees in a cell; a cell merged into another reads blank. */
  valueAt(r: number, c: number): CellValue {
    if (this.masterOf(r, c)) return null;
    return this.cell(r, c)?.value ?? null;
  }

  /** Values from A1 to the last cell holding something (in the first `lastRow` rows): each row holding a value as wide
   *  as the widest, a row holding nothing empty (`[]`). */
  values(lastRow = Infinity): CellValue[][] {
    let maxRow = 0;
    let maxCol = 0;
    // indexed loops here and in the lookups below: the command line runs most code unoptimised, where `for … of`
    // makes an object per step (an eighth of what summarise allocated)
    const rows = this.rows;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.r > lastRow) break; // a head: the rows after it are left unread
      if (!this.mayHoldValues(row)) continue;
      const cells = this.load(row).cells;
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j]!;
        if (c.value === null || c.value === '') continue;
        if (this.masterOf(row.r, c.col)) continue;
        if (row.r > maxRow) maxRow = row.r;
        if (c.col > maxCol) maxCol = c.col;
      }
    }
    // a row holding nothing is one shared empty row (core reads rows that may be short): a stray value far down and
    // to the right (XFD1048576) is then a million references, not seventeen billion cells
    const blank: CellValue[] = Object.freeze([]) as unknown as CellValue[];
    const out: CellValue[][] = new Array<CellValue[]>(maxRow).fill(blank);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.r > maxRow) break;
      if (row.lazyEnd >= 0) continue;
      let line: CellValue[] | null = null;
      const cells = row.cells;
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j]!;
        if (c.col > maxCol || c.value === null || c.value === '') continue;
        if (this.masterOf(row.r, c.col)) continue;
        line ??= out[row.r - 1] = new Array<CellValue>(maxCol).fill(null);
        line[c.col - 1] = c.value;
      }
    }
    return out;
  }

  /** Every formula on the tab. */
  formulas(): Array<{ row: number; col: number; formula: string }> {
    const out: Array<{ row: number; col: number; formula: string }> = [];
    for (const row of this.rows) {
      if (!this.mayHoldValues(row)) continue; // only empty cell tags
      for (const c of this.load(row).cells) if (c.f !== undefined) out.push({ row: row.r, col: c.col, formula: c.f });
    }
    return out;
  }

  // ---------- writing cells ----------

  /** The style index a new cell at (r, c) starts with: the row's, else the column's. */
  private inheritedStyle(row: Row, c: number): number {
    return rowStyle(row) ?? this.columnStyle(c);
  }

  private cellFor(r: number, c: number): { row: Row; cell: Cell; created: boolean } {
    const row = this.ensureRow(r);
    const cells = row.cells;
    const last = cells[cells.length - 1];
    if (!last || last.col < c) {
      const cell: Cell = { col: c, s: this.inheritedStyle(row, c), value: null, a: -1, b: -1 };
      cells.push(cell);
      return { row, cell, created: true };
    }
    const lo = firstCellFrom(cells, c);
    if (cells[lo]?.col === c) return { row, cell: cells[lo], created: false };
    const cell: Cell = { col: c, s: this.inheritedStyle(row, c), value: null, a: -1, b: -1 };
    cells.splice(lo, 0, cell);
    return { row, cell, created: true };
  }

  /** The array formula or data table a person entered whose cells include (r, c), if any. */
  arrayAt(r: number, c: number): ArrayFormula | null {
    for (const a of this.arrays) if (a.rect.top <= r && r <= a.rect.bottom && a.rect.left <= c && c <= a.rect.right) return a;
    return null;
  }

  /** Before the master cell of a shared formula is overwritten: every other cell of its group gets its own formula,
   *  the master's moved by the cell's offset (what Excel shows in it), so no cell loses its formula. The cells keep
   *  their cached values, styles and other attributes. */
  private unshare(si: string): void {
    const m = this.sharedMasters.get(si);
    if (!m) return;
    this.sharedMasters.delete(si);
    const P = this.P;
    for (let r = m.ref.top; r <= m.ref.bottom; r++) {
      const row = this.row(r);
      if (!row) continue;
      for (const cell of row.cells) {
        if (cell.col < m.ref.left || cell.col > m.ref.right || cell.si !== si || (r === m.row && cell.col === m.col) || cell.a < 0)
          continue;
        const old = this.src.slice(cell.a, cell.b);
        const node = parseXml(old);
        const fNode = node.children.find((k) => localName(k.name) === 'f');
        if (!fNode) continue;
        const formula = shiftFormula(m.formula, r - m.row, cell.col - m.col);
        const fXml = `${retag(fNode, { t: null, si: null, ref: null }, false)}${escText(formula)}</${fNode.name}>`;
        let attrs = '';
        for (const [k, v] of Object.entries(node.attrs)) if (k !== 'r' && k !== 's') attrs += ` ${k}="${escAttr(v)}"`;
        cell.x = `${attrs}>${old.slice(node.innerStart, fNode.start)}${fXml}${old.slice(fNode.end, node.innerEnd)}</${P}c>`;
        cell.a = cell.b = -1;
        delete cell.restyled;
        delete cell.si;
        cell.f = formula;
        row.cellsDirty = true;
        this.dataDirty = true;
      }
    }
  }

  private touch(row: Row, cell: Cell, value = true): void {
    row.cellsDirty = true;
    this.dataDirty = true;
    if (value) this.touchedRows.add(row.r);
    if (cell.si !== undefined) {
      const m = this.sharedMasters.get(cell.si);
      if (m && m.row === row.r && m.col === cell.col) this.unshare(cell.si);
      delete cell.si;
    }
    if (cell.a >= 0) {
      cell.a = cell.b = -1;
      delete cell.restyled;
    }
  }

  /** Write a value: text as a shared string (never a formula), numbers, booleans, or a formula with core's cached
   *  value. The cell keeps its style. */
  writeValue(r: number, c: number, value: string | number | boolean | null, formula?: string): void {
    const { row, cell } = this.cellFor(r, c);
    this.touch(row, cell);
    const P = this.P;
    delete cell.f;
    if (formula !== undefined) {
      cell.f = formula;
      const f = `<${P}f>${escText(formula)}</${P}f>`;
      if (value === null || value === undefined) cell.x = `>${f}</${P}c>`;
      else if (typeof value === 'number') cell.x = Number.isFinite(value) ? `>${f}<${P}v>${value}</${P}v></${P}c>` : `>${f}</${P}c>`;
      else if (typeof value === 'boolean') cell.x = ` t="b">${f}<${P}v>${value ? 1 : 0}</${P}v></${P}c>`;
      else cell.x = ` t="str">${f}<${P}v>${escText(value)}</${P}v></${P}c>`;
      cell.value = typeof value === 'number' && !Number.isFinite(value) ? null : value;
      return;
    }
    if (value === null || value === '' || (typeof value === 'number' && !Number.isFinite(value))) {
      cell.value = null;
      cell.x = '/>';
      return;
    }
    cell.value = value;
    if (typeof value === 'number') cell.x = `><${P}v>${value}</${P}v></${P}c>`;
    else if (typeof value === 'boolean') cell.x = ` t="b"><${P}v>${value ? 1 : 0}</${P}v></${P}c>`;
    else cell.x = ` t="s"><${P}v>${this.ctx.sst().indexOf(value)}</${P}v></${P}c>`;
  }

  styleAt(r: number, c: number): number {
    const existing = this.cell(r, c);
    if (existing) return existing.s;
    const row = this.rowMap.get(r);
    return row
      ? this.inheritedStyle(row, c)
      : this.inheritedStyle({ r, attrs: {}, dirty: false, cellsDirty: false, cells: [], a: -1, b: -1, e: -1, lazyEnd: -1 }, c);
  }

  setStyle(r: number, c: number, s: number): void {
    const { row, cell, created } = this.cellFor(r, c);
    if (created) {
      this.touch(row, cell, false);
      cell.s = s;
      cell.x = '/>';
      return;
    }
    if (cell.s === s) return;
    cell.s = s;
    row.cellsDirty = true;
    this.dataDirty = true;
    if (cell.a >= 0) cell.restyled = true;
  }

  /** Change the style index of every cell in a rectangle by a function of the one it has (or would inherit), row by row: each row is walked once (no lookup per cell), and the function is
   *  called once per run of cells that share a style.
   *
   *  The blank foot of a tall rectangle (the rows at its bottom with no cell in its columns and no style of their own:
   *  the formatted spare rows below a table) is formatted through its columns' own style, as Excel stores a format
   *  given to whole columns, not with an empty cell each — a Responses tab's thousand spare rows would otherwise be
   *  140,000 empty cells. That style also reaches the blank cells below the rectangle (never a cell that exists);
   *  the blank cells above it are given the style they show now, so they look as they did. See `columnFoot`. */
  mapStyleRange(rect: Rect, fn: (s: number) => number): void {
    let lastIn = -1;
    let lastOut = -1;
    const map = (s: number): number => {
      if (s !== lastIn) {
        lastIn = s;
        lastOut = fn(s);
      }
      return lastOut;
    };
    const foot = this.columnFoot(rect, map);
    const last = foot === null ? rect.bottom : foot - 1;
    let blankRowKept: boolean | undefined;
    for (let r = rect.top; r <= last; r++) {
      // a row not read yet whose styles all stay (the formatted blank rows below the data, restyled as they were)
      // is left unread: reading it would make a cell object per cell only to change nothing
      const lazy = this.rowMap.get(r);
      if (lazy && lazy.lazyEnd >= 0 && this.lazyStylesKept(lazy, rect.left, rect.right, map)) continue;
      if (!lazy) {
        // a row with no element takes every style from its columns: the same answer for each such row
        if (blankRowKept === undefined) {
          blankRowKept = true;
          for (let c = rect.left; c <= rect.right && blankRowKept; c++) {
            const s = this.columnStyle(c);
            if (map(s) !== s) blankRowKept = false;
          }
        }
        if (blankRowKept) continue;
      }
      const row = this.ensureRow(r);
      const cells = row.cells;
      let i = firstCellFrom(cells, rect.left);
      let out: Cell[] | null = null;
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = i < cells.length && cells[i]!.col === c ? cells[i++]! : null;
        if (cell) {
          out?.push(cell);
          const s = map(cell.s);
          if (cell.s === s) continue;
          cell.s = s;
          row.cellsDirty = true;
          this.dataDirty = true;
          if (cell.a >= 0) cell.restyled = true;
          continue;
        }
        const inherited = this.inheritedStyle(row, c);
        const mapped = map(inherited);
        if (mapped === inherited) continue; // a cell made only to hold the style it would show anyway
        if (!out) out = cells.slice(0, i);
        out.push({ col: c, s: mapped, value: null, a: -1, b: -1, x: '/>' });
        row.cellsDirty = true;
        this.dataDirty = true;
      }
      if (out) {
        for (; i < cells.length; i++) out.push(cells[i]!);
        row.cells = out;
      }
    }
    if (foot !== null) this.mapColumnStyles(rect, map);
  }

  /** The first row of the blank foot of `rect`: the rows from it to the bottom have no cell in the rectangle's
   *  columns and no style of their own (a row style would hide a column's). Null when that foot is shorter than
   *  COLUMN_STYLE_ROWS (a small range is formatted cell by cell, exactly), or when the rectangle starts so far down
   *  that keeping the blank cells above it as they look would take more cells than it saves. */
  private columnFoot(rect: Rect, map: (s: number) => number): number | null {
    if (rect.bottom - rect.top + 1 < COLUMN_STYLE_ROWS || rect.top > COLUMN_STYLE_ROWS) return null;
    // a column given its style by a range reaching further down: that style would carry this format into rows the
    // other range formats (and only it)
    for (let c = rect.left; c <= rect.right; c++) if ((this.columnStyledTo.get(c) ?? 0) > rect.bottom) return null;
    const rows = this.rows;
    let first = rect.top;
    for (let i = firstRowFrom(rows, rect.bottom + 1) - 1; i >= 0 && rows[i]!.r >= rect.top; i--) {
      const row = rows[i]!;
      if (rowStyle(row) !== null || this.rowTouches(row, rect.left, rect.right)) {
        first = row.r + 1;
        break;
      }
    }
    if (rect.bottom - first + 1 < COLUMN_STYLE_ROWS) return null;
    return this.blankAtStart || this.columnsKeepOutside(rect, map) ? first : null;
  }

  /** Whether the columns of `rect` can take a style of their own without a cell outside the rectangle changing:
   *  every blank cell above it already has a cell (or a row style) to keep its look, and no cell of style 0 would
   *  need that saying outright (see cellXml). In a tab people have, the columns' style is used only then: a cell
   *  outside what the plan formats is never written. */
  private columnsKeepOutside(rect: Rect, map: (s: number) => number): boolean {
    for (let c = rect.left; c <= rect.right; c++) {
      const s = this.columnStyle(c);
      if (map(s) === s) continue;
      for (let r = 1; r < rect.top; r++) if (this.showsColumnStyle(r, c)) return false;
      for (const row of this.rows) {
        if (row.r >= rect.top && row.r <= rect.bottom) continue;
        if (row.lazyEnd >= 0 && !this.rowTouches(row, c, c)) continue;
        if (this.cell(row.r, c)?.s === 0) return false;
      }
    }
    return true;
  }

  /** Whether a row may have a cell from column `left` to `right` (a row not read yet that would need reading to tell
   *  counts as having one). */
  private rowTouches(row: Row, left: number, right: number): boolean {
    if (row.lazyEnd >= 0) {
      // every cell tag of the row, checked to be plain and in column order (a row whose cells are out of order, or
      // hold anything, counts as having a cell there)
      let peek = row.lazyStyles;
      if (peek === undefined) peek = row.lazyStyles = this.peekStyles(row);
      if (!peek) return true;
      const cols = peek.cols;
      const i = firstColFrom(cols, left);
      return i < cols.length && cols[i]! <= right;
    }
    const cells = row.cells;
    const i = firstCellFrom(cells, left);
    return i < cells.length && cells[i]!.col <= right;
  }

  /** Whether the cell at (r, c) shows its column's style: it has no element, and its row no style of its own. */
  private showsColumnStyle(r: number, c: number): boolean {
    const row = this.row(r);
    return !row || (rowStyle(row) === null && !this.cell(r, c));
  }

  /** Change the own style of each column of `rect` by `map`; a blank cell above the rectangle (in a row without a
   *  style of its own) is first given the style it shows now, so only the rectangle's rows and the blank cells below
   *  it take the new one. */
  private mapColumnStyles(rect: Rect, map: (s: number) => number): void {
    for (let c = rect.left; c <= rect.right; c++) {
      const old = this.columnStyle(c);
      const s = map(old);
      if (s === old) continue;
      for (let r = 1; r < rect.top; r++) if (this.showsColumnStyle(r, c)) this.setStyle(r, c, old);
      this.setColAttrs(c, { style: String(s) });
      this.columnStyledTo.set(c, Math.max(rect.bottom, this.columnStyledTo.get(c) ?? 0));
      // a cell of style 0 read in the column says so from now on (see cellXml): marked to be written again. None was
      // read in a tab blank when read, and outside the rectangle there is none (columnsKeepOutside)
      if (this.blankAtStart) continue;
      for (const row of this.rows) {
        if (row.r < rect.top || row.r > rect.bottom || (row.lazyEnd >= 0 && !this.rowTouches(row, c, c))) continue;
        const cell = this.cell(row.r, c);
        if (cell && cell.s === 0 && cell.a >= 0 && !cell.restyled) {
          cell.restyled = true;
          row.cellsDirty = true;
          this.dataDirty = true;
        }
      }
    }
  }

  /** The style a column gives its cells that have no element (0 when it has none); remembered per column until the
   *  columns change (a cell made in a new row asks once per cell: 140,000 times in a 1,000-respondent import). */
  private columnStyle(c: number): number {
    let memo = this.colStyles;
    if (!memo) memo = this.colStyles = new Map();
    const known = memo.get(c);
    if (known !== undefined) return known;
    let style = 0;
    const ranges = this.colRanges();
    for (let i = 0; i < ranges.length; i++) {
      const range = ranges[i]!;
      if (range.min <= c && c <= range.max) {
        style = range.attrs['style'] ? Number(range.attrs['style']) : 0;
        break;
      }
    }
    memo.set(c, style);
    return style;
  }

  /** Whether a row not read yet has a cell in every column from `left` to `right` whose style `map` keeps. Stops at
   *  the first cell `map` would change, so the calls made here are the first calls `mapStyleRange` then repeats. */
  private lazyStylesKept(row: Row, left: number, right: number, map: (s: number) => number): boolean {
    let peek = row.lazyStyles;
    if (peek === undefined) peek = row.lazyStyles = this.peekStyles(row);
    if (!peek) return false;
    const { cols, styles } = peek;
    let i = firstColFrom(cols, left);
    for (let c = left; c <= right; c++, i++) {
      if (i >= cols.length || cols[i] !== c) return false;
      const st = styles[i]!;
      if (map(st) !== st) return false;
    }
    return true;
  }

  /** The columns and styles of a row not read yet, from its text, when its cells are all empty plain tags with a
   *  reference, in column order (what reading the row would find, without the cell objects); else null. */
  private peekStyles(row: Row): { cols: number[]; styles: number[] } | null {
    if (this.mayHoldValues(row)) return null;
    const src = this.src;
    const end = row.lazyEnd;
    const cols: number[] = [];
    const styles: number[] = [];
    let i = row.b;
    for (;;) {
      while (i < end && isSpace(src.charCodeAt(i))) i++;
      if (i >= end) return { cols, styles };
      const t = readCellTag(src, i, end);
      if (!t || !t.selfClose || t.r === undefined) return null;
      const col = colOfRef(t.r);
      if (col === null || (cols.length > 0 && col <= cols[cols.length - 1]!)) return null;
      cols.push(col);
      styles.push(t.s === undefined ? 0 : Number(t.s));
      i = t.end;
    }
  }

  /** A cell's XML as it is written. A cell of style 0 in a column with a style of its own is written with s="0":
   *  LibreOffice gives a cell without an `s` its column's style, where the standard and Excel give it style 0. */
  private cellXml(row: number, c: Cell): string {
    if (c.a >= 0) {
      const old = this.src.slice(c.a, c.b);
      if (!c.restyled) return old;
      // change only the s attribute of the cell's start tag
      const node = parseXml(old);
      const ref = `${colLetter(c.col)}${row}`;
      const attrs: Record<string, string> = { r: ref, s: String(c.s), ...node.attrs };
      attrs['r'] = ref;
      attrs['s'] = String(c.s);
      if (!c.s && this.columnStyle(c.col) === 0) delete attrs['s'];
      const tag = startTag(node.name, attrs, node.end === node.innerEnd);
      return node.end === node.innerEnd ? tag : tag + old.slice(node.innerStart);
    }
    return `<${this.P}c r="${colLetter(c.col)}${row}"${c.s || this.columnStyle(c.col) !== 0 ? ` s="${c.s}"` : ''}${c.x ?? '/>'}`;
  }

  // ---------- rows and columns ----------

  setRowAttrs(r: number, changes: Record<string, string | null>): void {
    const row = this.ensureRow(r);
    let changed = false;
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) {
        if (k in row.attrs) {
          row.attrs = { ...row.attrs };
          delete row.attrs[k];
          changed = true;
        }
      } else if (row.attrs[k] !== v) {
        row.attrs = { ...row.attrs, [k]: v };
        changed = true;
      }
    }
    if (changed) {
      row.dirty = true;
      this.dataDirty = true;
    }
  }

  rowHeight(r: number): number {
    const row = this.rowMap.get(r);
    if (row?.attrs['hidden'] === '1' || row?.attrs['hidden'] === 'true') return 0;
    const ht = row?.attrs['ht'];
    if (ht) return Number(ht);
    const fmt = this.element('sheetFormatPr');
    return Number(fmt?.attrs['defaultRowHeight'] ?? 15) || 15;
  }

  private colRanges(): ColRange[] {
    if (!this.cols) {
      const node = this.element('cols');
      this.cols = (node?.children ?? [])
        .filter((n) => localName(n.name) === 'col')
        .map((n) => ({ min: Number(n.attrs['min']), max: Number(n.attrs['max']), attrs: n.attrs }));
    }
    return this.cols;
  }

  defaultColWidth(): number {
    const fmt = this.element('sheetFormatPr');
    const w = fmt?.attrs['defaultColWidth'] ?? fmt?.attrs['baseColWidth'];
    return w ? Number(w) + (fmt?.attrs['defaultColWidth'] ? 0 : 0.43) : 8.43;
  }

  /** The width to store on a `<col>` made only to carry other attributes (a style, hidden): the tab's default column
   *  width as `<col>` stores it, padding included — `defaultColWidth` when the tab says, else Excel's for its base
   *  width in Calibri 11 (maximum digit width 7 px, 5 px of padding: 8.43 characters are stored as 9.140625). */
  private storedDefaultWidth(): string {
    const fmt = this.element('sheetFormatPr');
    if (fmt?.attrs['defaultColWidth']) return fmt.attrs['defaultColWidth'];
    const chars = Number(fmt?.attrs['baseColWidth'] ?? 8) + 0.43;
    return String(Math.trunc(((chars * 7 + 5) / 7) * 256) / 256);
  }

  colWidth(c: number): number {
    const ranges = this.colRanges();
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i]!;
      if (r.min <= c && c <= r.max) return r.attrs['width'] ? Number(r.attrs['width']) : this.defaultColWidth();
    }
    return this.defaultColWidth();
  }

  colHidden(c: number): boolean {
    const ranges = this.colRanges();
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i]!;
      if (r.min <= c && c <= r.max) return r.attrs['hidden'] === '1' || r.attrs['hidden'] === 'true';
    }
    return false;
  }

  /** The highest column with a width, style or cell. */
  lastColumn(): number {
    let max = 0;
    for (const r of this.colRanges()) if (r.max < MAX_COLS) max = Math.max(max, r.max);
    for (const row of this.rows) {
      if (!this.mayHoldValues(row)) continue;
      const cells = this.load(row).cells;
      const last = cells[cells.length - 1];
      if (last && last.value !== null) max = Math.max(max, last.col);
    }
    return max;
  }

  setColAttrs(c: number, changes: Record<string, string>): void {
    const ranges = this.colRanges();
    const out: ColRange[] = [];
    let found = false;
    for (const r of ranges) {
      if (c < r.min || c > r.max) {
        out.push(r);
        continue;
      }
      found = true;
      if (r.min < c) out.push({ min: r.min, max: c - 1, attrs: r.attrs });
      out.push({ min: c, max: c, attrs: { ...r.attrs, ...changes } });
      if (r.max > c) out.push({ min: c + 1, max: r.max, attrs: r.attrs });
    }
    if (!found) out.push({ min: c, max: c, attrs: { width: this.storedDefaultWidth(), ...changes } });
    out.sort((a, b) => a.min - b.min);
    this.cols = out;
    this.colStyles = null;
    this.colsDirty = true;
  }

  // ---------- merges ----------

  mergeList(): Rect[] {
    if (!this.merges) {
      const node = this.element('mergeCells');
      this.merges = [];
      for (const m of node?.children ?? []) {
        if (localName(m.name) !== 'mergeCell') continue;
        const r = parseRange(m.attrs['ref'] ?? '');
        if (r) this.merges.push(r);
      }
    }
    return this.merges;
  }

  private index(): Map<number, Rect[]> {
    if (!this.mergeIndex) {
      this.mergeIndex = new Map();
      for (const m of this.mergeList()) this.indexMerge(m);
    }
    return this.mergeIndex;
  }

  private indexMerge(m: Rect): void {
    for (let r = m.top; r <= m.bottom; r++) {
      const list = this.mergeIndex!.get(r);
      if (list) list.push(m);
      else this.mergeIndex!.set(r, [m]);
    }
  }

  /** The merge (r, c) lies in when it is not that merge's top-left cell. */
  masterOf(r: number, c: number): Rect | null {
    if (this.merges === null) {
      // whether the part as read has merges, looked up once (the elements as read never change)
      this.readWithoutMerges ??= !this.element('mergeCells');
      if (this.readWithoutMerges) return null;
    }
    const list = this.index().get(r);
    if (!list) return null;
    for (let i = 0; i < list.length; i++) {
      const m = list[i]!;
      if (m.left <= c && c <= m.right && (m.top !== r || m.left !== c)) return m;
    }
    return null;
  }

  unmerge(m: Rect): void {
    const list = this.mergeList();
    const i = list.indexOf(m);
    if (i < 0) return;
    list.splice(i, 1);
    this.mergesDirty = true;
    if (this.mergeIndex)
      for (let r = m.top; r <= m.bottom; r++)
        this.mergeIndex.set(
          r,
          (this.mergeIndex.get(r) ?? []).filter((x) => x !== m),
        );
  }

  /** Merge a rectangle; merges it would overlap are undone first. */
  merge(want: Rect): void {
    const idx = this.index();
    const hits = new Set<Rect>();
    for (let r = want.top; r <= want.bottom; r++) for (const m of idx.get(r) ?? []) if (overlaps(m, want)) hits.add(m);
    for (const m of hits) {
      if (m.top === want.top && m.left === want.left && m.bottom === want.bottom && m.right === want.right) return;
    }
    for (const m of hits) this.unmerge(m);
    this.mergeList().push(want);
    this.indexMerge(want);
    this.mergesDirty = true;
  }

  // ---------- validations ----------

  private validationList(): Array<{ rects: Rect[]; node: XNode | null; xml?: string; changed: boolean }> {
    if (!this.validations) {
      const node = this.element('dataValidations');
      this.validations = (node?.children ?? [])
        .filter((n) => localName(n.name) === 'dataValidation')
        .map((n) => ({
          rects: (n.attrs['sqref'] ?? '')
            .split(/\s+/)
            .filter(Boolean)
            .map(parseRange)
            .filter((r): r is Rect => r !== null),
          node: n,
          changed: false,
        }));
    }
    return this.validations;
  }

  /** Put a validation (its XML without `sqref`, e.g. `<dataValidation type="list" …>…</dataValidation>` with a
   *  `__SQREF__` placeholder) on a rectangle, cutting the rectangle out of any rule already there. */
  setValidation(rect: Rect, xmlWithPlaceholder: string): void {
    const list = this.validationList();
    for (const v of list) {
      if (!v.rects.some((r) => overlaps(r, rect))) continue;
      v.rects = v.rects.flatMap((r) => subtract(r, rect));
      v.changed = true;
    }
    list.push({ rects: [rect], node: null, xml: xmlWithPlaceholder, changed: true });
    this.validationsDirty = true;
  }

  validationsXml(): string | null {
    const list = this.validationList().filter((v) => v.rects.length > 0);
    const P = this.P;
    if (list.length === 0) return null;
    const items = list.map((v) => {
      const sqref = v.rects.map(rectRef).join(' ');
      if (v.node) {
        if (!v.changed) return this.rawOf(v.node);
        const n = v.node;
        const open = startTag(n.name, { ...n.attrs, sqref }, n.end === n.innerEnd);
        return n.end === n.innerEnd ? open : open + this.src.slice(n.innerStart, n.end);
      }
      return v.xml!.replace('__SQREF__', escAttr(sqref));
    });
    const node = this.element('dataValidations');
    const attrs: Record<string, string> = { ...(node?.attrs ?? {}), count: String(items.length) };
    return `${startTag(node?.name ?? `${P}dataValidations`, attrs)}${items.join('')}</${node?.name ?? `${P}dataValidations`}>`;
  }

  // ---------- conditional formats ----------

  private cfList(): Array<{ sqref: string; xml: string }> {
    if (!this.cfs) {
      this.cfs = this.top
        .filter((t) => t.own && t.local === 'conditionalFormatting')
        .map((t) => ({ sqref: t.node.attrs['sqref'] ?? '', xml: this.rawOf(t.node) }));
    }
    return this.cfs;
  }

  /** The highest rule priority on the tab (rules in `extLst` included), leaving out the ranges in `replacing` (their
   *  rules are about to be written again: counting them would raise the priorities at every run). */
  maxPriority(replacing: ReadonlySet<string> = new Set()): number {
    let max = 0;
    const walk = (n: XNode) => {
      const p = n.attrs['priority'];
      if (p !== undefined && localName(n.name) === 'cfRule') max = Math.max(max, Number(p) || 0);
      n.children.forEach(walk);
    };
    if (this.cfs) {
      for (const cf of this.cfs)
        if (!replacing.has(cf.sqref)) for (const m of cf.xml.matchAll(/\spriority="(\d+)"/g)) max = Math.max(max, Number(m[1]));
    } else {
      for (const t of this.top) if (t.local === 'conditionalFormatting' && !replacing.has(t.node.attrs['sqref'] ?? '')) walk(t.node);
    }
    for (const t of this.top) if (t.local === 'extLst') walk(t.node);
    return max;
  }

  /** Replace the conditional formats on exactly this range with `xml` (one `<conditionalFormatting>`). */
  setConditional(sqref: string, xml: string): void {
    const list = this.cfList().filter((c) => c.sqref !== sqref);
    list.push({ sqref, xml });
    this.cfs = list;
  }

  // ---------- other elements ----------

  /** Replace (or with null remove) a top-level element the plan owns. */
  setElement(local: string, xml: string | null): void {
    this.managed.set(local, { xml });
  }

  /** The element as it is now (managed or as read). */
  elementXml(local: string): string | null {
    const m = this.managed.get(local);
    if (m) return m.xml;
    const n = this.element(local);
    return n ? this.rawOf(n) : null;
  }

  elementNode(local: string): XNode | null {
    const xml = this.elementXml(local);
    return xml ? parseXml(xml) : null;
  }

  /** The relationship id of the tab's `<drawing>`, if it has one. */
  drawingRelId(): string | null {
    const n = this.elementNode('drawing');
    if (!n) return null;
    for (const [k, v] of Object.entries(n.attrs)) if (localName(k) === 'id' && k.includes(':')) return v;
    return null;
  }

  setDrawing(relId: string | null): void {
    this.setElement(
      'drawing',
      relId === null ? null : `<${this.P}drawing${this.rDeclared ? '' : ` xmlns:r="${NS.r}"`} r:id="${escAttr(relId)}"/>`,
    );
  }

  get relPrefixDeclared(): boolean {
    return this.rDeclared;
  }

  // ---------- writing the part ----------

  private writeSheetData(out: TextSink): void {
    const P = this.P;
    const node = this.element('sheetData');
    out.write(node ? startTag(node.name, node.attrs) : `<${P}sheetData>`);
    // untouched rows: their text from start tag to end, cells included; rows that follow each other in the text
    // are written as one piece
    let keptFrom = -1;
    let keptTo = -1;
    const flush = (): void => {
      if (keptFrom >= 0) out.writeSource(this.src, keptFrom, keptTo);
      keptFrom = keptTo = -1;
    };
    for (const row of this.rows) {
      if (!row.dirty && !row.cellsDirty && row.a >= 0) {
        if (row.a !== keptTo) {
          flush();
          keptFrom = row.a;
        }
        keptTo = row.e;
        continue;
      }
      flush();
      this.load(row);
      if (row.cellsDirty && row.attrs['spans']) {
        row.attrs = { ...row.attrs };
        delete row.attrs['spans'];
      }
      const tag =
        row.dirty || row.cellsDirty || row.a < 0 ? startTag(`${P}row`, { ...row.attrs, r: String(row.r) }) : this.src.slice(row.a, row.b);
      let cells = '';
      for (const c of row.cells) cells += this.cellXml(row.r, c);
      out.write(`${tag.replace(/\/>$/, '>')}${cells}</${P}row>`);
    }
    flush();
    out.write(`</${node?.name ?? `${P}sheetData`}>`);
  }

  private usedRef(): string {
    let top = 0;
    let bottom = 0;
    let left = 0;
    let right = 0;
    for (const row of this.rows) {
      let a: number;
      let b: number;
      const span = row.lazyEnd >= 0 ? this.lazySpan(row) : null;
      if (span) [a, b] = span;
      else {
        const cells = this.load(row).cells;
        if (cells.length === 0) continue;
        a = cells[0]!.col;
        b = cells[cells.length - 1]!.col;
      }
      if (a === 0) continue;
      if (!top) top = row.r;
      bottom = row.r;
      left = left ? Math.min(left, a) : a;
      right = Math.max(right, b);
    }
    return top ? rectRef({ top, left, bottom, right }) : 'A1';
  }

  /** Whether every row is still as read (the part may have changed elsewhere: its view, print settings, …). */
  get rowsAsRead(): boolean {
    return !this.dataDirty;
  }

  get changed(): boolean {
    return this.dataDirty || this.managed.size > 0 || this.cfs !== null || this.mergesDirty || this.colsDirty || this.validationsDirty;
  }

  /** The part as text. */
  serialise(): string {
    if (!this.changed) return this.src;
    const out = new StringSink();
    this.writeTo(out);
    return out.toString();
  }

  /** The part as UTF-8 bytes, encoded piece by piece (the part is never one string), in pieces to be joined in order
   *  (the package deflates them without joining them: see `deflatePieces`). */
  serialiseBytes(): Uint8Array[] {
    // runs kept as read (a tab whose only change is its view keeps all its rows) are copied as their original bytes
    const out = new ByteSink(this.srcBytes ? { text: this.src, bytes: this.srcBytes } : null);
    if (!this.changed) out.writeSource(this.src, 0, this.src.length);
    else this.writeTo(out);
    return out.toPieces();
  }

  private writeTo(sink: TextSink): void {
    const P = this.P;
    const out = new Map<string, string | null>();
    for (const [k, m] of this.managed) out.set(k, m.xml);
    if (this.dataDirty) {
      out.set('sheetData', SHEET_DATA_SLOT);
      const dim = this.element('dimension');
      out.set(
        'dimension',
        dim ? startTag(dim.name, { ...dim.attrs, ref: this.usedRef() }, true) : `<${P}dimension ref="${this.usedRef()}"/>`,
      );
    }
    if (this.colsDirty) {
      const cols = this.colRanges();
      const node = this.element('cols');
      out.set(
        'cols',
        cols.length === 0
          ? null
          : `${node ? startTag(node.name, node.attrs) : `<${P}cols>`}${cols.map((c) => startTag(`${P}col`, { ...{ min: '', max: '' }, ...c.attrs, ...{ min: String(c.min), max: String(c.max) } }, true)).join('')}</${node?.name ?? `${P}cols`}>`,
      );
    }
    if (this.mergesDirty) {
      const list = this.mergeList();
      const node = this.element('mergeCells');
      out.set(
        'mergeCells',
        list.length === 0
          ? null
          : `${startTag(node?.name ?? `${P}mergeCells`, { ...(node?.attrs ?? {}), count: String(list.length) })}${list.map((m) => `<${P}mergeCell ref="${rectRef(m)}"/>`).join('')}</${node?.name ?? `${P}mergeCells`}>`,
      );
    }
    if (this.validationsDirty) out.set('dataValidations', this.validationsXml());
    const cfXml = this.cfs ? this.cfs.map((c) => c.xml).join('') : null;

    // original children, with the changed ones replaced where they stand
    // an element kept as read is its place in the text (`from`, `to`), so its original bytes can be copied
    const slots: Array<{ ord: number; xml: string; from?: number; to?: number }> = [];
    let lastOrd = -1;
    let cfDone = false;
    const seen = new Set<string>();
    for (const t of this.top) {
      const o = t.own ? ord(t.local) : -1;
      if (o >= 0) lastOrd = o;
      if (t.own && t.local === 'conditionalFormatting' && cfXml !== null) {
        if (!cfDone) slots.push({ ord: lastOrd, xml: cfXml });
        cfDone = true;
        continue;
      }
      if (t.own && out.has(t.local) && !seen.has(t.local)) {
        seen.add(t.local);
        const x = out.get(t.local);
        if (x) slots.push({ ord: lastOrd, xml: x });
        continue;
      }
      slots.push({ ord: lastOrd, xml: '', from: t.node.start, to: t.node.end });
    }
    const insert = (local: string, xml: string) => {
      const o = ord(local);
      const i = slots.findIndex((s) => s.ord > o);
      if (i < 0) slots.push({ ord: o, xml });
      else slots.splice(i, 0, { ord: o, xml });
    };
    for (const [local, x] of out) if (!seen.has(local) && x && !this.top.some((t) => t.own && t.local === local)) insert(local, x);
    if (cfXml !== null && !cfDone && cfXml) insert('conditionalFormatting', cfXml);
    const r = this.root;
    sink.writeSource(this.src, 0, r.innerStart);
    for (const s of slots) {
      if (s.xml === SHEET_DATA_SLOT) this.writeSheetData(sink);
      else if (s.from !== undefined) sink.writeSource(this.src, s.from, s.to!);
      else sink.write(s.xml);
    }
    sink.write(`</${r.name}>`);
    sink.writeSource(this.src, r.end, this.src.length);
  }
}

/** Where the rows go among the written elements (NUL cannot occur in XML). */
const SHEET_DATA_SLOT = '\u0000sheetData';

function isSorted(cells: Cell[]): boolean {
  for (let i = 1; i < cells.length; i++) if (cells[i]!.col <= cells[i - 1]!.col) return false;
  return true;
}

function findCol(cells: Cell[], c: number): number {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = cells[mid]!.col;
    if (v === c) return mid;
    if (v < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export { columnNumber };
