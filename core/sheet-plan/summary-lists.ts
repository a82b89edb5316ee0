/**
 * The Summary's static lists (core's values, not formulas): change since the previous review, strengths and areas
 * for improvement, workshop notes, comments grouped by score (seed 000 "Specific comments"), register and theme
 * results.
 */
import type { Item, Scale } from '../framework/schema.js';
import { findItem as findItemIn } from '../framework/describe.js';
import type { Change } from '../scoring/types.js';
import { ragLabel } from '../scoring/rag.js';
import { STYLE, criterion, fnum, fx, val } from './cells.js';
import { TAB, formatNumber, registerColumns as registerColumnsOfTab } from './layout.js';
import { prefixWithinUnits } from '../util/graphemes.js';
import { NOTES_HEADERS } from './workshop-notes.js';
import type { PlanCell } from './types.js';
import type { TabWriter } from './writer.js';
import type { SummaryInput } from './summary.js';
import { TWO_STAGE_RULE, championChangeText, registerColumns, trackerHasTwoStages } from '../scoring/register.js';
import { scaleById } from '../scoring/scale.js';
import { nameKey } from '../scoring/names.js';
import { a1 } from '../util/a1.js';
import { EXCEL_MAX_FORMULA, EXCEL_MAX_FORMULA_TEXT, longestFormulaText } from './limits.js';
import { columnRange, trackerPointCountFormula, trackerScoredFormula, type TrackerRanges } from './summary-formulas.js';
import { achievedText, carriedSummary, type CarriedSummary } from '../plan/carry.js';

/** Excel keeps at most 32,767 characters in a cell. */
const CELL_LIMIT = 32_000;

function clip(s: string): string {
  return s.length <= CELL_LIMIT ? s : `${prefixWithinUnits(s, CELL_LIMIT - 60)}… (more on the entry tab: the rest is cut here)`;
}

function findItem(input: Pick<SummaryInput, 'framework'>, id: string): Item | undefined {
  return findItemIn(input.framework, id)?.item;
}

function label(input: Pick<SummaryInput, 'framework'>, id: string): string {
  const item = findItem(input, id);
  if (!item) return id;
  return item.text.trim() === item.id && item.guidance ? `${item.id}: ${item.guidance}` : item.text;
}

function heading(w: TabWriter, text: string, width: number, header?: string[]): number {
  const top = w.row;
  w.rows([[val(text)]]);
  w.format(top, 1, 1, 1, STYLE.heading);
  w.lastHeader = null;
  if (header) {
    const cells = header.map((h) => val(h));
    w.lastHeader = { row: w.row, cells };
    w.rows([cells]);
    w.format(top + 1, 1, 1, width, STYLE.header);
  }
  return w.row;
}

/**
 * The rows of a table under the header `heading` wrote, its header written again where a printed page starts inside it
 * (`key`; null for a table whose rows other formulas refer to by position, written plainly). Returns the first row
 * and the rows the body spans (data rows and headers written again).
 */
function table(
  w: TabWriter,
  key: string | null,
  rows: PlanCell[][],
  width: number,
  numberCols: { col: number; format: string }[] = [],
): { first: number; span: number } {
  const first = w.row;
  if (rows.length === 0) return { first, span: 0 };
  if (key === null) w.rows(rows);
  else w.body(key, w.lastHeader ?? { row: first - 1, cells: [] }, rows);
  const span = w.row - first;
  w.format(first, 1, span, width, { border: 'thin', vAlign: 'top' });
  w.format(first, 2, span, 1, { wrap: true });
  for (const n of numberCols) w.format(first, n.col, span, 1, { numberFormat: n.format });
  return { first, span };
}

/** Where a figure table's columns go: its first figure column, the text's span from column B, the table's width. */
export function figureColumns(w: TabWriter, figs: number): { start: number; span: number; width: number } {
  const widest = 1 + Math.max(1, w.textCols);
  const start = Math.max(3, widest - figs + 1);
  return { start, span: start - 2, width: start + figs - 1 };
}

/**
 * A table of an id, a text and figures, as the Summary prints it compactly (issue #13): the text spread across the
 * Summary's text columns (merged across each row) and the figures in its last columns, so an item's text takes a line
 * or two instead of three or four. The header row is written at the cursor, and again where a printed page starts
 * inside the table (`TabWriter.body`). Returns the first data row, the rows the body spans, the row of each data row
 * and the column of each figure.
 */
export function figureTable(
  w: TabWriter,
  key: string,
  header: string[],
  rows: PlanCell[][],
  numberFormats: { fig: number; format: string }[] = [],
): { first: number; span: number; rowsAt: number[]; figCol: (j: number) => number; width: number } {
  const { start, span: textSpan, width } = figureColumns(w, header.length - 2);
  const spread = (r: PlanCell[]): PlanCell[] => [r[0]!, r[1]!, ...Array.from({ length: textSpan - 1 }, () => val(null)), ...r.slice(2)];
  const headerCells = spread(header.map((h) => val(h)));
  const head = w.rows([headerCells]);
  w.format(head, 1, 1, width, STYLE.header);
  const first = w.row;
  const rowsAt = w.body(key, { row: head, cells: headerCells }, rows.map(spread));
  const span = w.row - first;
  if (span > 0) {
    w.format(first, 1, span, width, { border: 'thin', vAlign: 'top' });
    w.format(first, 2, span, 1, { wrap: true });
    for (const n of numberFormats) w.format(first, start + n.fig, span, 1, { numberFormat: n.format });
  }
  if (textSpan > 1) w.tab.merges.push({ row: head, col: 2, rows: 1 + span, cols: textSpan, across: true });
  return { first, span, rowsAt, figCol: (j) => start + j, width };
}

/** "Count of 3 (partially achieved)", "Count of 2". */
export function countHeader(p: { value: number; label: string }): string {
  return p.label.trim() === formatNumber(p.value) ? `Count of ${formatNumber(p.value)}` : `Count of ${formatNumber(p.value)} (${p.label})`;
}

const CHANGE_TEXT: Record<Change, string> = {
  improved: 'Improved',
  declined: 'Declined',
  unchanged: 'Unchanged',
  new: 'New since last time',
  'not scored': 'Not scored this time',
};

export function writeChangeTable(w: TabWriter, input: SummaryInput): void {
  const cmp = input.comparison!;
  const cycle = input.previousCycle ? ` (${input.previousCycle})` : '';
  heading(w, `Change since the previous review${cycle}`, 6, ['Id', 'Item or section', 'Previous mean', 'Mean now', 'Change', 'Direction']);
  const itemIds = new Set(cmp.items.map((r) => r.id));
  const rows: PlanCell[][] = [];
  for (const r of cmp.items)
    rows.push([val(r.id), val(label(input, r.id)), val(r.previous), val(r.current), val(r.delta), val(CHANGE_TEXT[r.change])]);
  for (const r of cmp.sections) {
    if (itemIds.has(r.id)) continue; // a section that is its own single item (partnership-tree)
    const title = input.framework.sections.find((s) => s.id === r.id)?.title ?? r.id;
    rows.push([val(r.id), val(`Section: ${title}`), val(r.previous), val(r.current), val(r.delta), val(CHANGE_TEXT[r.change])]);
  }
  const o = cmp.overall;
  rows.push([
    val('Overall'),
    val('Overall (mean of the sections)'),
    val(o.previous),
    val(o.current),
    val(o.delta),
    val(CHANGE_TEXT[o.change]),
  ]);
  // per partnership, where the previous review kept figures per partnership: each one's overall then and now
  for (const [p, pc] of Object.entries(cmp.partnerships ?? {})) {
    const po = pc.overall;
    rows.push([val('Overall'), val(`Overall: ${p}`), val(po.previous), val(po.current), val(po.delta), val(CHANGE_TEXT[po.change])]);
  }
  changeRows(w, 'change', rows, changeThresholdNote(input));
}

/** The rule for "Improved" and "Declined", in the scale's own numbers (issue #11). */
export function changeThresholdNote(input: SummaryInput): string {
  const fraction = input.comparison?.thresholdFraction ?? 0;
  if (fraction <= 0) return 'Improved or Declined: any change in the mean.';
  const scale = input.framework.scales.find((s) => s.id === input.framework.defaultScale) ?? input.framework.scales[0]!;
  const lo = scale.points[0]!.value;
  const hi = scale.points[scale.points.length - 1]!.value;
  const pct = Math.round(fraction * 1000) / 10;
  return `Improved or Declined only when the mean moved by at least ${pct}% of the scale's range (${formatNumber(fraction * (hi - lo))} on the ${formatNumber(lo)}–${formatNumber(hi)} scale); a smaller move is Unchanged (a setting of the framework).`;
}

/**
 * A tracker's or risk register's change since the previous review (issue #16): per theme, last cycle's figure and
 * this cycle's, with the same threshold rule as the questionnaires'.
 */
export function writeRegisterChange(w: TabWriter, input: SummaryInput): void {
  const cmp = input.registerComparison!;
  const cycle = input.previousCycle ? ` (${input.previousCycle})` : '';
  const group = input.framework.register?.groupLabel ?? 'Theme';
  const what = cmp.kind === 'tracker' ? 'mean achievement' : 'mean risk level';
  heading(w, `Change since the previous review${cycle}: ${what} by ${group.toLowerCase()}`, 6, [
    '#',
    group,
    `Previous ${what}`,
    `${what.charAt(0).toUpperCase()}${what.slice(1)} now`,
    'Change',
    'Direction',
  ]);
  const rows: PlanCell[][] = cmp.themes.map((r, i) => [
    val(i + 1),
    val(r.id),
    val(r.previous),
    val(r.current),
    val(r.delta),
    val(CHANGE_TEXT[r.change]),
  ]);
  const o = cmp.overall;
  rows.push([val(null), val('Overall (every row)'), val(o.previous), val(o.current), val(o.delta), val(CHANGE_TEXT[o.change])]);
  changeRows(w, 'register change', rows, registerChangeNote(cmp));
}

/** A change table's rows (previous, now, change in columns 3–5; the direction, coloured, in 6) and the rule under it. */
function changeRows(w: TabWriter, key: string, rows: PlanCell[][], note: string): void {
  const { first, span } = table(w, key, rows, 6, [
    { col: 3, format: '0.00' },
    { col: 4, format: '0.00' },
    { col: 5, format: '+0.00;-0.00;0.00' },
  ]);
  w.tab.conditionalFormats.push({
    range: { row: first, col: 6, rows: span, cols: 1 },
    rules: [
      { kind: 'textEquals', text: 'Improved', format: { fill: '#C6EFCE', fontColour: '#006100' } },
      { kind: 'textEquals', text: 'Declined', format: { fill: '#FFC7CE', fontColour: '#9C0006' } },
    ],
  });
  w.rows([[val(note)]]);
  w.format(w.row - 1, 1, 1, 1, STYLE.note);
  w.skip();
}

/** How a register's change is counted, in its own numbers. */
export function registerChangeNote(cmp: NonNullable<SummaryInput['registerComparison']>): string {
  const basis =
    cmp.kind === 'tracker'
      ? 'Mean achievement: the mean of the scored rows (5 achieved … 1 not achieved); higher is better.'
      : 'Mean risk level: each rated risk counts Green 1, Amber 2, Red 3 (our numbers: the paper gives none); lower is better, so a fall is Improved.';
  const rule =
    cmp.thresholdFraction > 0
      ? ` Improved or Declined only when it moved by at least ${Math.round(cmp.thresholdFraction * 1000) / 10}% of the range (${formatNumber(cmp.thresholdFraction * (cmp.max - cmp.min))} on ${formatNumber(cmp.min)}–${formatNumber(cmp.max)}); a smaller move is Unchanged (a setting of the framework).`
      : ' Improved or Declined: any change.';
  return basis + rule;
}

/**
 * Last cycle's actions carried into the plan (issue #16, "noting which target actions have been achieved"): each with
 * the judgement people gave it on the Improvement Plan, and the counts.
 */
export function writeCarried(w: TabWriter, input: SummaryInput): void {
  const c = carriedSummary(input.plan ?? []);
  if (!c) return;
  const from = c.from.length ? ` (${c.from.join(', ')})` : '';
  heading(w, `Last cycle's actions${from}: achieved, partly or not, and carried forward?`, 6, [
    'Ref',
    'Action',
    'Theme/criterion',
    'Status',
    'Achieved?',
    'Carry forward?',
  ]);
  const rows = c.rows.map((r) => [
    val(r.ref || null),
    val(r.action || null),
    val(r.heading || null),
    val(r.status || null),
    val(achievedText(r.achieved) || 'Not yet judged'),
    val(r.carryForward === true ? 'Yes' : r.carryForward === false ? 'No' : r.open ? 'Not decided: still open' : 'No (achieved)'),
  ]);
  table(w, 'carried', rows, 6);
  w.rows([[val(carriedCountsText(c))]]);
  w.format(w.row - 1, 1, 1, 1, STYLE.note);
  w.skip();
}

/** "Of 5 actions carried from last cycle: 2 achieved, 1 partly achieved, 1 not achieved, 1 not yet judged; 3 still open." */
export function carriedCountsText(c: CarriedSummary): string {
  const n = c.rows.length;
  return `Of ${n} ${n === 1 ? 'action' : 'actions'} from last cycle's plan: ${c.achieved} achieved, ${c.partly} partly achieved, ${c.notAchieved} not achieved, ${c.notAssessed} not yet judged; ${c.open} still open in this plan. Set "Achieved?" and "Carry forward?" on the Improvement Plan: a row is closed when Carry forward? is No, or when it is Achieved and Carry forward? is not Yes.`;
}

export function writeStrengthsAndAreas(w: TabWriter, input: SummaryInput): void {
  const byId = new Map(input.report.items.map((s) => [s.id, s]));
  const strengthsHeader = ['Id', 'Item', 'Mean', 'RAG'];
  heading(w, 'Strengths (green and not divided, highest mean first)', 4);
  const strengths = input.report.strengths.map((id) => {
    const s = byId.get(id)!;
    return [val(id), val(label(input, id)), val(s.mean), val(s.rag ? ragLabel(s.rag) : '')];
  });
  const st = figureTable(w, 'strengths', strengthsHeader, strengths, [{ fig: 0, format: '0.00' }]);
  if (strengths.length === 0) w.rows([[val(null), val('None yet: no item is green without divided opinion.')]]);
  else w.ragColours({ row: st.first, col: st.figCol(1), rows: st.span, cols: 1 });
  w.skip();
  const areasHeader = ['Id', 'Item', 'Mean', 'RAG', 'Divided'];
  heading(w, 'Areas for improvement (red, amber or divided opinion, lowest first)', 5);
  const areas = input.report.areasForImprovement.map((id) => {
    const s = byId.get(id)!;
    return [val(id), val(label(input, id)), val(s.mean), val(s.rag ? ragLabel(s.rag) : ''), val(s.divided ? 'Yes' : '')];
  });
  const ar = figureTable(w, 'areas', areasHeader, areas, [{ fig: 0, format: '0.00' }]);
  if (areas.length === 0) w.rows([[val(null), val('None: every item scored is green and no opinion is divided.')]]);
  else w.ragColours({ row: ar.first, col: ar.figCol(1), rows: ar.span, cols: 1 });
  w.skip();
}

export function writeNotes(w: TabWriter, input: SummaryInput): void {
  heading(w, 'Strengths and areas for improvement agreed (Workshop Notes)', 2);
  const byId = new Map(input.notes.map((n) => [n.sectionId, n]));
  const entries: { label: string; texts: string[]; bold?: boolean }[] = [];
  for (const s of input.framework.sections) {
    const n = byId.get(s.id);
    entries.push({ label: s.id, texts: [s.title === s.id ? '' : s.title], bold: true });
    for (const k of input.framework.sectionFreeText) {
      const text = (n?.[k] ?? '').trim();
      entries.push({ label: NOTES_HEADERS[k], texts: [text === '' ? 'None recorded.' : clip(text)] });
    }
  }
  w.textRows(entries);
  w.skip();
}

/**
 * Comments grouped by the score they came with (the workshop paper's "Specific comments"): only comments that exist.
 * An item nobody commented on takes no line; a score nobody commented with takes no line. Returns the entries
 * written (for tests).
 */
export function commentEntries(input: Pick<SummaryInput, 'framework' | 'report'>): { label: string; texts: string[]; bold?: boolean }[] {
  const entries: { label: string; texts: string[]; bold?: boolean }[] = [];
  for (const c of input.report.comments) {
    const groups = c.groups.filter((g) => g.comments.some((x) => x.trim() !== ''));
    if (groups.length === 0) continue;
    const item = findItem(input, c.itemId);
    entries.push({ label: c.itemId, texts: [label(input, c.itemId)], bold: true });
    const scale = item ? input.framework.scales.find((s) => s.id === (item.scale ?? input.framework.defaultScale)) : undefined;
    for (const g of groups) {
      const point = scale?.points.find((p) => String(p.value) === g.score);
      const name =
        g.score === 'other'
          ? 'No valid score'
          : `Score ${g.score}${point && point.label.trim() !== formatNumber(point.value) ? ` (${point.label})` : ''}`;
      entries.push({ label: name, texts: g.comments.filter((x) => x.trim() !== '').map((x) => clip(`• ${x}`)) });
    }
  }
  return entries;
}

/** Where the comments are: on the Comments tab of their own (issue #13), one line on the Summary saying so. */
export function writeCommentsPointer(w: TabWriter, input: SummaryInput): void {
  const entries = commentEntries(input);
  if (entries.length === 0) return;
  const comments = entries.filter((e) => !e.bold).reduce((n, e) => n + e.texts.length, 0);
  const items = entries.filter((e) => e.bold).length;
  heading(w, 'Specific comments, grouped by the score given with them', 2);
  w.rows([
    [
      val(
        `${comments === 1 ? 'One comment' : `${comments} comments`} on ${items === 1 ? 'one item' : `${items} items`}: on the ${TAB.comments} tab, which prints on its own.`,
      ),
    ],
  ]);
  w.format(w.row - 1, 1, 1, 1, STYLE.note);
  w.skip();
}

/** "Also weak, not yet planned": weak items the plan's cap left without a drafted row, so nothing disappears. */
export function writeAlsoWeak(w: TabWriter, input: SummaryInput): void {
  const d = input.draft;
  if (!d || d.alsoWeak.length === 0) return;
  const multi = d.alsoWeak.some((x) => x.partnership !== null);
  const header = multi ? ['Id', 'Item', 'Partnership', 'Area', 'Why'] : ['Id', 'Item', 'Area', 'Why'];
  heading(
    w,
    `Also weak, not yet planned (the plan drafts the ${d.maxAreas} weakest areas${multi ? ' per partnership' : ''}; change this on Review Settings)`,
    header.length,
    header,
  );
  const rows = d.alsoWeak.map((x) =>
    multi
      ? [val(x.id), val(x.text || null), val(x.partnership ?? 'All partnerships together'), val(x.area), val(x.why)]
      : [val(x.id), val(x.text || null), val(x.area), val(x.why)],
  );
  table(w, 'also weak', rows, header.length);
  w.skip();
}

/** The Theme Review (the 2004 review paper's summary sheet, appendix 3), one block per theme that has anything. */
export function writeThemeReview(w: TabWriter, input: SummaryInput): void {
  const gs = input.framework.register?.groupSummary;
  const rows = (input.groupSummaries ?? []).filter((g) => g.group.trim() !== '');
  if (!gs || rows.length === 0) return;
  const wanted = [
    { id: 'achievements', label: 'Achievements' },
    { id: 'barriers', label: 'Barriers' },
    { id: 'solutions', label: 'Possible solutions' },
    { id: 'action', label: 'Action for improvement' },
  ].filter((x) => gs.columns.some((c) => c.id === x.id));
  const entries: { label: string; texts: string[]; bold?: boolean }[] = [];
  for (const g of rows) {
    const texts = wanted
      .map((x) => ({ x, v: g.cells[x.id]?.value }))
      .filter(({ v }) => v !== null && v !== undefined && String(v).trim() !== '');
    if (texts.length === 0) continue;
    entries.push({ label: g.group.trim(), texts: [''], bold: true });
    for (const { x, v } of texts) entries.push({ label: x.label, texts: [clip(String(v))] });
  }
  if (entries.length === 0) return;
  heading(w, `Review of delivery by ${(input.framework.register?.groupLabel ?? 'theme').toLowerCase()} (${gs.tab})`, 2);
  w.textRows(entries);
  w.skip();
}

export function writeRegisterResults(w: TabWriter, input: SummaryInput): void {
  const reg = input.register!;
  const groupLabel = input.framework.register?.groupLabel ?? 'Theme';
  const regTab = input.framework.register?.tab ?? 'register';
  if (reg.tracker.length > 0) {
    const twoStages = trackerHasTwoStages(input.framework);
    const live = twoStages ? trackerLive(input) : null;
    const header = [
      '#',
      groupLabel,
      'Rows',
      'Scored',
      'Mean achievement',
      'Share achieved',
      'Rows with low appropriateness',
      ...(twoStages ? ["Co-ordinator's scores", 'Confirmed by champions', 'Changed by champions'] : []),
    ];
    heading(w, `Delivery by ${groupLabel.toLowerCase()} (${regTab})`, header.length, header);
    const first = w.row;
    const n = reg.tracker.length;
    // the scores-that-count table below: after these rows, the note, a blank row, its heading and header
    const countsFirst = first + n + 1 + 1 + 2;
    const rows = reg.tracker.map((t, i) => {
      const lowRows = val(
        t.lowAppropriatenessRows.length
          ? `${regTab} ${t.lowAppropriatenessRows.length === 1 ? 'row' : 'rows'} ${t.lowAppropriatenessRows.join(', ')}`
          : '',
      );
      const themeCrit = live?.criterionFor(t.theme) ?? null;
      if (!live || themeCrit === null)
        return [
          val(i + 1),
          val(t.theme),
          val(t.rows),
          val(t.scored),
          val(t.meanAchievement),
          val(t.shareAchieved),
          lowRows,
          ...(twoStages ? [val(t.coordinatorScored), val(t.confirmed), val(t.changed)] : []),
        ];
      const row = first + i;
      const points = live.scale.points;
      const cnt = (j: number) => a1(countsFirst + i, 3 + j);
      const scored = a1(row, 4);
      return [
        val(i + 1),
        val(t.theme),
        val(t.rows),
        fx(`SUM(${cnt(0)}:${cnt(points.length - 1)})`, t.scored),
        fx(`IF(${scored}=0,"",(${points.map((p, j) => `${fnum(p.value)}*${cnt(j)}`).join('+')})/${scored})`, t.meanAchievement),
        fx(`IF(${scored}=0,"",${cnt(points.length - 1)}/${scored})`, t.shareAchieved),
        lowRows,
        fx(trackerScoredFormula(live.scale, live.ranges.coordinator, live.ranges.theme, themeCrit), t.coordinatorScored),
        live.ranges.confirmed
          ? fx(trackerScoredFormula(live.scale, live.ranges.confirmed, live.ranges.theme, themeCrit), t.confirmed)
          : val(t.confirmed),
        val(t.changed),
      ];
    });
    table(w, null, rows, header.length, [
      { col: 5, format: '0.00' },
      { col: 6, format: '0%' },
    ]);
    if (twoStages) {
      w.rows([[val(TWO_STAGE_RULE)]]);
      w.format(w.row - 1, 1, 1, 1, STYLE.note);
    }
    w.skip();
    if (live) writeScoresThatCount(w, input, live, countsFirst);
    if (twoStages) writeChampionChanges(w, input);
  }
  if (reg.risks.length > 0) {
    heading(w, `Risks by ${groupLabel.toLowerCase()} (traffic lights)`, 6, [
      '#',
      groupLabel,
      'Red (high)',
      'Amber (moderate)',
      'Green (low)',
      'Unrated',
    ]);
    const rows = reg.risks.map((t, i) => [val(i + 1), val(t.theme), val(t.red), val(t.amber), val(t.green), val(t.unrated)]);
    const { first, span } = table(w, 'risks', rows, 6);
    const rules = (fill: string, fontColour: string) => [
      { kind: 'number' as const, operator: 'gt' as const, value: 0, format: { fill, fontColour, bold: true } },
    ];
    w.tab.conditionalFormats.push(
      { range: { row: first, col: 3, rows: span, cols: 1 }, rules: rules('#FFC7CE', '#9C0006') },
      { range: { row: first, col: 4, rows: span, cols: 1 }, rules: rules('#FFEB9C', '#7A4F01') },
      { range: { row: first, col: 5, rows: span, cols: 1 }, rules: rules('#C6EFCE', '#006100') },
    );
    w.skip();
  }
}

interface TrackerLive {
  scale: Scale;
  ranges: TrackerRanges;
  /** the COUNTIFS criterion of a theme, or null when its figures are core's values (a theme not in the framework's
   *  list, "No theme given", or a name too long for a formula) */
  criterionFor: (theme: string) => string | null;
}

/** What the tracker's live formulas need: the scale and the register's columns; null when the reader found none. */
function trackerLive(input: SummaryInput): TrackerLive | null {
  const range = input.registerRange;
  const cols = registerColumns(input.framework);
  const reg = input.framework.register;
  if (!range || !reg || !cols.achievement?.scale) return null;
  const groupKey = registerColumnsOfTab(reg.columns, reg.groupLabel).find((c) => c.type === 'group')?.key;
  const themeCol = groupKey === undefined ? undefined : range.cols[groupKey];
  const coordCol = range.cols[cols.achievement.id];
  const confCol = cols.confirmed ? range.cols[cols.confirmed.id] : undefined;
  if (themeCol === undefined || coordCol === undefined || (cols.confirmed && confCol === undefined)) return null;
  const scale = scaleById(input.framework, cols.achievement.scale);
  const ranges: TrackerRanges = {
    theme: columnRange(range, themeCol),
    coordinator: columnRange(range, coordCol),
    confirmed: confCol === undefined ? null : columnRange(range, confCol),
  };
  const known = new Set(reg.groups.map(nameKey));
  return {
    scale,
    ranges,
    criterionFor: (theme) => {
      if (!known.has(nameKey(theme))) return null;
      const c = criterion(theme);
      const longest = trackerPointCountFormula(scale, 0, ranges, c);
      return longestFormulaText(c) <= EXCEL_MAX_FORMULA_TEXT && longest.length + 1 <= EXCEL_MAX_FORMULA ? c : null;
    },
  };
}

/** Per theme, how many rows' score that counts is each point (live formulas): what the Delivery table's figures add up. */
function writeScoresThatCount(w: TabWriter, input: SummaryInput, live: TrackerLive, countsFirst: number): void {
  const reg = input.register!;
  const groupLabel = input.framework.register?.groupLabel ?? 'Theme';
  const points = live.scale.points;
  const header = ['#', groupLabel, ...points.map(countHeader)];
  heading(
    w,
    `Scores that count, by ${groupLabel.toLowerCase()} (the champions' confirmed score where there is one, otherwise the co-ordinator's)`,
    header.length,
    header,
  );
  if (w.row !== countsFirst) throw new Error('summary layout out of step (tracker counts)');
  const rows = reg.tracker.map((t, i) => {
    const crit = live.criterionFor(t.theme);
    const mine = reg.rows.filter((r) => r.theme === t.theme);
    return [
      val(i + 1),
      val(t.theme),
      ...points.map((p, k) => {
        const count = mine.filter((r) => r.achievement === p.value).length;
        return crit === null ? val(count) : fx(trackerPointCountFormula(live.scale, k, live.ranges, crit), count);
      }),
    ];
  });
  table(w, null, rows, header.length);
  w.skip();
}

/**
 * Stage 2 on the Summary: every row where the champions changed the co-ordinator's score, and what the champions
 * wrote (why not met, key actions, support needed), word for word.
 */
function writeChampionChanges(w: TabWriter, input: SummaryInput): void {
  const reg = input.register!;
  const regTab = input.framework.register?.tab ?? 'register';
  const groupLabel = input.framework.register?.groupLabel ?? 'Theme';
  const changed = reg.rows.filter((r) => r.changedByChampions);
  const header = ['Row', 'Issue', groupLabel, "Co-ordinator's score", "Champions' score", 'Change'];
  heading(w, `Where the champions changed the co-ordinator's score (${regTab})`, header.length, header);
  if (changed.length === 0)
    w.rows([
      [
        val(null),
        val(
          reg.rows.some((r) => r.confirmed !== null)
            ? "None: where the champions gave a score, it is the co-ordinator's."
            : "None yet: no champions' confirmed score is given.",
        ),
      ],
    ]);
  else
    table(
      w,
      null,
      changed.map((r) => [
        val(r.row),
        val(r.label || null),
        val(r.theme),
        val(r.coordinator),
        val(r.confirmed),
        val(`${championChangeText(r)} (${r.confirmed! > r.coordinator! ? 'raised' : 'lowered'})`),
      ]),
      header.length,
    );
  w.skip();
  const notes = reg.rows.filter((r) => r.whyNotMet.trim() !== '' || r.keyActions.trim() !== '' || r.supportNeeded.trim() !== '');
  if (notes.length === 0) return;
  heading(w, `Why not met, key actions and support needed (the champions with the co-ordinators, ${regTab})`, 2);
  const entries: { label: string; texts: string[]; bold?: boolean }[] = [];
  for (const r of notes) {
    entries.push({ label: `Row ${r.row}`, texts: [clip(`${r.theme}: ${r.label}`)], bold: true });
    if (r.whyNotMet.trim() !== '') entries.push({ label: 'Why not met', texts: [clip(r.whyNotMet)] });
    if (r.keyActions.trim() !== '') entries.push({ label: 'Key actions', texts: [clip(r.keyActions)] });
    if (r.supportNeeded.trim() !== '') entries.push({ label: 'Support needed', texts: [clip(r.supportNeeded)] });
  }
  w.textRows(entries);
  w.skip();
}

export function writeThemes(w: TabWriter, input: SummaryInput): void {
  const t = input.themes!;
  heading(w, 'Themes mentioned in the answers', 3, ['#', 'Theme', 'Answers']);
  const rows = Object.entries(t.counts).map(([tag, n], i) => [val(i + 1), val(tag), val(n)]);
  table(w, 'themes', rows, 3);
  if (t.unknownTags.length > 0) {
    const r = w.row;
    w.rows([
      [val('Not in the list'), val(`${t.unknownTags.join('; ')} (add them to the theme list, or correct the spelling on the entry tab)`)],
    ]);
    w.format(r, 1, 1, 2, { wrap: true, italic: true });
  }
  w.skip();
  const grouped = Object.entries(input.themeAnswers ?? {}).filter(([, answers]) => answers.length > 0);
  if (grouped.length > 0) {
    heading(w, 'Answers grouped by theme', 2);
    w.textRows(grouped.map(([tag, answers]) => ({ label: tag, texts: answers.map((a) => clip(`• ${a}`)) })));
    w.skip();
  }
}
