/**
 * Live formulas for the Summary: each figure a spreadsheet can compute is a formula over the entry column, with
 * core's own value beside it. Only en-US function names, `,` separators, functions Excel 2007 already had.
 *
 * Counting: point k of a scale is counted as COUNTIF(col, value) + COUNTIF(col, "=label") — COUNTIF matches a
 * number, the same number typed as text, and the label in any case. The `=` prefix keeps a label such as "<5"
 * literal, and `~` escapes the wildcards `~ * ?`. Labels that are themselves numbers (e.g. "2") are not counted
 * twice. Entries core also accepts but COUNTIF cannot see (extra spaces inside, "3 = Strong") are counted when
 * the Summary is rebuilt; the formula then shows core's figure again.
 */
import type { Scale } from '../framework/schema.js';
import { a1, rangeA1, sheetRef } from '../util/a1.js';
import { criterion, fnum } from './cells.js';
import { EXCEL_MAX_FORMULA, EXCEL_MAX_FORMULA_TEXT, longestFormulaText } from './limits.js';

/** Written out (not 1E-9) so every spreadsheet parses it alike: core's tolerance on RAG and divided comparisons. */
export const EPS = '0.000000001';

export interface EntryRange {
  sheet: string;
  firstRow: number;
  /** last row the formulas count (the last data row plus spare rows) */
  lastRow: number;
}

/** `Responses!$D$6:$D$1005` */
export function columnRange(e: EntryRange, col: number): string {
  return `${sheetRef(e.sheet)}!${rangeA1({ row: e.firstRow, col, rows: e.lastRow - e.firstRow + 1, cols: 1 }, true)}`;
}

function isNumericLabel(label: string): boolean {
  return /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(label);
}

/** COUNTIF terms for one scale point over `range`. */
export function countPointFormula(range: string, value: number, label: string): string {
  const byValue = `COUNTIF(${range},${fnum(value)})`;
  return isNumericLabel(label) ? byValue : `${byValue}+COUNTIF(${range},${criterion(label)})`;
}

/**
 * Which partnership a per-partnership formula counts: its name inline, or the cell that holds the name (for long names:
 * Excel allows 255 characters in a text constant of a formula and 8,192 in a formula).
 */
export type PartnershipCriterion = string | { cell: string };

/** The COUNTIFS criterion for a partnership: inline `"=name"`, or built from the name's cell with the same escapes. */
export function partnershipCriterion(p: PartnershipCriterion): string {
  if (typeof p === 'string') return criterion(p);
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${p.cell},"~","~~"),"*","~*"),"?","~?")`;
}

/** COUNTIFS terms for one scale point of one partnership. */
export function countPointForFormula(
  range: string,
  value: number,
  label: string,
  partRange: string,
  partnership: PartnershipCriterion,
): string {
  const p = `${partRange},${partnershipCriterion(partnership)}`;
  const byValue = `COUNTIFS(${range},${fnum(value)},${p})`;
  return isNumericLabel(label) ? byValue : `${byValue}+COUNTIFS(${range},${criterion(label)},${p})`;
}

export interface ItemRowCells {
  row: number;
  n: number;
  missing: number;
  mean: number;
  median: number;
  sd: number;
  min: number;
  max: number;
  /** first count column; one per scale point */
  counts: number;
  percent: number;
  rag: number;
  divided: number;
}

const ref = (row: number, col: number) => a1(row, col);

/** The value at 1-based position `pos` of the sorted scores, from the counts: nested IFs over cumulative counts. */
function valueAt(scale: Scale, c: ItemRowCells, pos: string): string {
  const pts = scale.points;
  let f = fnum(pts[pts.length - 1]!.value);
  for (let k = pts.length - 2; k >= 0; k--) {
    const cum = pts
      .slice(0, k + 1)
      .map((_, j) => ref(c.row, c.counts + j))
      .join('+');
    f = `IF(${cum}>=${pos},${fnum(pts[k]!.value)},${f})`;
  }
  return f;
}

export interface RagThresholdsLike {
  green: number;
  amber: number;
}

/** RAG text from a percent cell. */
export function ragFormula(percentCell: string, rag: RagThresholdsLike): string {
  return `IF(${percentCell}="","",IF(${percentCell}>=${fnum(rag.green)}-${EPS},"Green",IF(${percentCell}>=${fnum(rag.amber)}-${EPS},"Amber","Red")))`;
}

export interface ItemFormulas {
  counts: string[];
  n: string;
  missing: string;
  mean: string;
  median: string;
  sd: string;
  min: string;
  max: string;
  percent: string;
  rag: string;
  divided: string;
}

export function itemFormulas(
  scale: Scale,
  c: ItemRowCells,
  scoreRange: string,
  respondentsCell: string,
  rag: RagThresholdsLike,
  dividedFraction: number,
): ItemFormulas {
  const pts = scale.points;
  const k = pts.length;
  const n = ref(c.row, c.n);
  const mean = ref(c.row, c.mean);
  const cnt = (j: number) => ref(c.row, c.counts + j);
  const lo = pts[0]!.value;
  const hi = pts[k - 1]!.value;
  const weighted = pts.map((p, j) => `${fnum(p.value)}*${cnt(j)}`).join('+');
  const squares = pts.map((p, j) => `${cnt(j)}*(${fnum(p.value)}-${mean})^2`).join('+');
  let minF = fnum(hi);
  for (let j = k - 2; j >= 0; j--) minF = `IF(${cnt(j)}>0,${fnum(pts[j]!.value)},${minF})`;
  let maxF = fnum(lo);
  for (let j = 1; j < k; j++) maxF = `IF(${cnt(j)}>0,${fnum(pts[j]!.value)},${maxF})`;
  const percent = ref(c.row, c.percent);
  const range = fnum(hi - lo);
  return {
    counts: pts.map((p) => countPointFormula(scoreRange, p.value, p.label)),
    n: `SUM(${cnt(0)}:${cnt(k - 1)})`,
    missing: `${respondentsCell}-${n}`,
    mean: `IF(${n}=0,"",(${weighted})/${n})`,
    median: `IF(${n}=0,"",(${valueAt(scale, c, `INT((${n}+1)/2)`)}+${valueAt(scale, c, `INT(${n}/2)+1`)})/2)`,
    sd: `IF(${n}<2,"",SQRT((${squares})/(${n}-1)))`,
    min: `IF(${n}=0,"",${minF})`,
    max: `IF(${n}=0,"",${maxF})`,
    percent: `IF(${n}=0,"",(${mean}-${fnum(lo)})/${range}*100)`,
    rag: ragFormula(percent, rag),
    divided: `IF(${n}<2,"",IF(${ref(c.row, c.max)}-${ref(c.row, c.min)}>=${fnum(dividedFraction)}*${range}-${EPS},"Yes",""))`,
  };
}

/** Cells as compact argument lists: consecutive rows of one column become one range (AVERAGE takes ≤ 255 args). */
export function cellList(cells: { row: number; col: number }[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < cells.length) {
    let j = i;
    while (j + 1 < cells.length && cells[j + 1]!.col === cells[i]!.col && cells[j + 1]!.row === cells[j]!.row + 1) j++;
    out.push(j === i ? a1(cells[i]!.row, cells[i]!.col) : `${a1(cells[i]!.row, cells[i]!.col)}:${a1(cells[j]!.row, cells[j]!.col)}`);
    i = j + 1;
  }
  return out;
}

/**
 * Mean of the numeric cells among `cells`, weighted; "" when none is a number. Equal weights → AVERAGE (which skips
 * the "" of items nobody scored), otherwise Σ w·x / Σ w over the cells that hold numbers.
 */
export function meanOfCells(cells: { row: number; col: number }[], weights: number[]): string {
  if (cells.length === 0) return '""';
  const equal = weights.every((w) => w === weights[0]);
  if (equal) return `IFERROR(AVERAGE(${cellList(cells).join(',')}),"")`;
  const num = cells.map((c, i) => `IF(ISNUMBER(${a1(c.row, c.col)}),${fnum(weights[i]!)}*${a1(c.row, c.col)},0)`).join('+');
  const den = cells.map((c, i) => `IF(ISNUMBER(${a1(c.row, c.col)}),${fnum(weights[i]!)},0)`).join('+');
  return `IFERROR((${num})/(${den}),"")`;
}

/** Sum of the numeric cells, "" when none. */
export function totalOfCells(cells: { row: number; col: number }[]): string {
  const list = cellList(cells).join(',');
  return `IF(COUNT(${list})=0,"",SUM(${list}))`;
}

/** Per-partnership mean of one item: Σ value·count / Σ count over COUNTIFS, "" when nobody scored it. */
export function partnershipMeanFormula(scale: Scale, scoreRange: string, partRange: string, partnership: PartnershipCriterion): string {
  const terms = scale.points.map((p) => ({ v: p.value, f: countPointForFormula(scoreRange, p.value, p.label, partRange, partnership) }));
  const num = terms.map((t) => `${fnum(t.v)}*(${t.f})`).join('+');
  const den = terms.map((t) => t.f).join('+');
  return `IFERROR((${num})/(${den}),"")`;
}

/**
 * The per-partnership mean with the name inline when that stays within Excel's limits (a text constant ≤ 255
 * characters, the formula ≤ 8,192), otherwise referring to `nameCell`, the Summary cell that shows the name.
 */
export function partnershipMeanWithin(scale: Scale, scoreRange: string, partRange: string, partnership: string, nameCell: string): string {
  const inline = partnershipMeanFormula(scale, scoreRange, partRange, partnership);
  if (inline.length + 1 <= EXCEL_MAX_FORMULA && longestFormulaText(inline) <= EXCEL_MAX_FORMULA_TEXT) return inline;
  return partnershipMeanFormula(scale, scoreRange, partRange, { cell: nameCell });
}

/** COUNTIFS criteria that match one scale point: its value, and its label unless the label is a number. */
function pointCriteria(p: { value: number; label: string }): string[] {
  return isNumericLabel(p.label) ? [fnum(p.value)] : [fnum(p.value), criterion(p.label)];
}

/** The register columns a tracker's live formulas count over (`Progress Tracker'!$K$5:$K$1016`). */
export interface TrackerRanges {
  theme: string;
  coordinator: string;
  /** null in a tracker made before the champions' column */
  confirmed: string | null;
}

/**
 * Rows of one theme whose score that counts is point `k` (seed 004's two stages, `achievementUsed`): the champions'
 * confirmed score where it is a point of the scale, else the co-ordinator's. So: rows whose confirmed score is k, plus
 * rows whose co-ordinator's score is k, less those of them whose confirmed score is any point (it counts instead).
 * `themeCriterion` is a COUNTIFS criterion (`"=Crime"`).
 */
export function trackerPointCountFormula(scale: Scale, k: number, r: TrackerRanges, themeCriterion: string): string {
  const t = `${r.theme},${themeCriterion}`;
  const own = pointCriteria(scale.points[k]!);
  const every = scale.points.flatMap(pointCriteria);
  const terms: string[] = [];
  if (r.confirmed) for (const c of own) terms.push(`+COUNTIFS(${t},${r.confirmed},${c})`);
  for (const c of own) terms.push(`+COUNTIFS(${t},${r.coordinator},${c})`);
  if (r.confirmed) for (const c of own) for (const d of every) terms.push(`-COUNTIFS(${t},${r.coordinator},${c},${r.confirmed},${d})`);
  return terms.join('').replace(/^\+/, '');
}

/** Rows of one theme with a score on the scale in `range` (the co-ordinator's, or the champions'). */
export function trackerScoredFormula(scale: Scale, range: string, themeRange: string, themeCriterion: string): string {
  return scale.points
    .flatMap(pointCriteria)
    .map((c) => `COUNTIFS(${themeRange},${themeCriterion},${range},${c})`)
    .join('+');
}
