/**
 * The Summary tab (mode 'replace'): respondents, overall and section scores, a table of items per scale with live
 * formulas over the Responses columns, partnerships side by side, change since the previous review, strengths and
 * areas for improvement, comments grouped by score (seed 000), register and theme results, and a chart of means.
 */
import type { Framework, Item, Scale } from '../framework/schema.js';
import type { GroupSummaryRow, SectionFreeText } from '../review/types.js';
import type { DraftResult } from '../plan/draft.js';
import type { PlanRowOut } from '../plan/types.js';
import type { Comparison, ItemScore, PartnershipComparison, ScoreReport, ThemeMentions } from '../scoring/types.js';
import type { RegisterResults } from '../scoring/register.js';
import type { RegisterComparison } from '../scoring/register-compare.js';
import { ragLabel } from '../scoring/rag.js';
import { scaleForItem } from '../scoring/scale.js';
import { a1, columnLetter } from '../util/a1.js';
import { STYLE, fx, ukDate, val } from './cells.js';
import { TAB, fieldKey, formatNumber, scaleMax, scaleMin } from './layout.js';
import { newTab, setWidth } from './tab.js';
import { TabWriter } from './writer.js';
import {
  cellRowHeights,
  estimatedRowHeights,
  fitScale,
  legibleScale,
  planPages,
  settleRepeatedHeaders,
  widthForLongestWord,
  type KeepTogether,
  type PlannedBreaks,
  type TableSpan,
} from './print.js';
import type { PlanCell, TabPlan } from './types.js';
import {
  columnRange,
  itemFormulas,
  meanOfCells,
  partnershipMeanWithin,
  ragFormula,
  totalOfCells,
  type EntryRange,
  type ItemRowCells,
} from './summary-formulas.js';
import {
  figureColumns,
  figureTable,
  writeAlsoWeak,
  writeCarried,
  writeChangeTable,
  writeCommentsPointer,
  writeNotes,
  writeRegisterChange,
  writeRegisterResults,
  writeStrengthsAndAreas,
  writeThemeReview,
  writeThemes,
  countHeader,
} from './summary-lists.js';
import { trackerHasTwoStages } from '../scoring/register.js';

export interface SummaryEntry extends EntryRange {
  /** entry column of each key (`respondent`, `partnership`, `ASPIRE|score`…) */
  cols: Record<string, number>;
}

export interface SummaryInput {
  framework: Framework;
  cycle: string;
  today: string;
  report: ScoreReport;
  /** where the entry columns are; null when the framework has no entry tab */
  entry: SummaryEntry | null;
  partnerships: PartnershipComparison | null;
  comparison: Comparison | null;
  /** a tracker's or risk register's figures per theme against last cycle's (issue #16) */
  registerComparison?: RegisterComparison | null;
  previousCycle: string | null;
  register: RegisterResults | null;
  themes: ThemeMentions | null;
  notes: SectionFreeText[];
  /** rows on the entry tab with a respondent name (what COUNTA of the Respondent column shows) */
  respondentsListed: number;
  /** interview frameworks: the answers tagged with each theme (seed 002: answers grouped under themes) */
  themeAnswers?: Record<string, string[]>;
  /** the drafted plan: what was left out goes under "Also weak, not yet planned" */
  draft?: DraftResult;
  /** the Theme Review rows (delivery tracker) */
  groupSummaries?: GroupSummaryRow[];
  /** where the register's columns are (delivery tracker: its live formulas count over them); null when not found */
  registerRange?: SummaryEntry | null;
  /** the plan rows as merged: rows carried forward from last cycle are listed (issue #16) */
  plan?: PlanRowOut[];
}

/** Where the figures of one item, section and the overall row are on the Summary (for charts and tests). */
export interface SummaryLayout {
  respondentsCell: { row: number; col: number } | null;
  items: Record<string, ItemRowCells>;
  sections: Record<string, { row: number; mean: number; percent: number; rag: number; total: number }>;
  overall: { row: number; mean: number; percent: number; rag: number } | null;
}

const TEXT_WIDTH = 40;
const NUMBER_WIDTH = 9.5;
const COL = { id: 1, name: 2, n: 3, missing: 4, mean: 5, median: 6, sd: 7, min: 8, max: 9, counts: 10 } as const;

export function itemLabel(item: Item): string {
  if (item.text.trim() === item.id && item.guidance) return `${item.id}: ${item.guidance}`;
  return item.text;
}

function itemCells(row: number, k: number): ItemRowCells {
  return { row, ...COL, percent: COL.counts + k, rag: COL.counts + k + 1, divided: COL.counts + k + 2 };
}

interface ScoredEntry {
  item: Item;
  sectionId: string;
  scale: Scale;
  score: ItemScore;
}

function scaleGroups(framework: Framework, report: ScoreReport): { scale: Scale; items: ScoredEntry[] }[] {
  const byId = new Map(report.items.map((s) => [s.id, s]));
  const groups: { scale: Scale; items: ScoredEntry[] }[] = [];
  for (const section of framework.sections) {
    for (const item of section.items) {
      if (!item.fields.includes('score')) continue;
      const scale = scaleForItem(framework, item);
      const score = byId.get(item.id);
      if (!score) continue;
      let g = groups.find((x) => x.scale.id === scale.id);
      if (!g) groups.push((g = { scale, items: [] }));
      g.items.push({ item, sectionId: section.id, scale, score });
    }
  }
  return groups;
}

/** Each section holds one scored item with the section's own id (partnership-tree): no separate section rows. */
function trivialSections(framework: Framework): boolean {
  return framework.sections.every((s) => {
    const scored = s.items.filter((i) => i.fields.includes('score'));
    return scored.length === 0 || (scored.length === 1 && scored[0]!.id === s.id);
  });
}

/** The key of a scale's items table, for writing its header again where a printed page starts. */
function itemsKey(scale: Scale): string {
  return `items:${scale.id}`;
}

function scaleHeading(scale: Scale): string {
  return scale.points
    .map((p) => (String(p.label).trim() === formatNumber(p.value) ? formatNumber(p.value) : `${formatNumber(p.value)} = ${p.label}`))
    .join(', ');
}

/**
 * The Summary tab. Built, its pages planned, and built again with each table's header written again where a printed
 * page starts inside the table (issue #13), until every such page starts with its table's header (a pass or two;
 * what comes before a page that starts with a header is the same in the next pass, so the passes settle).
 */
export function buildSummaryTab(input: SummaryInput): { tab: TabPlan; layout: SummaryLayout } {
  let repeats = new Map<string, Set<number>>();
  // formulas of the partnerships' table by what they are built from: a second pass (headers written again) mostly
  // asks for the same ones
  const memo = new Map<string, string>();
  for (let pass = 0; ; pass++) {
    const built = buildSummaryOnce(input, repeats, memo);
    const { needed, used } = built;
    const settled = [...needed].every(([k, ix]) => ix.every((i) => used.get(k)?.has(i)));
    if (settled || pass >= 5) return { tab: built.tab, layout: built.layout };
    // the headers written again that a page starts at, and those the pages now ask for
    repeats = new Map([...used].map(([k, ix]) => [k, new Set(ix)]));
    for (const [k, ix] of needed) for (const i of ix) (repeats.get(k) ?? repeats.set(k, new Set()).get(k)!).add(i);
  }
}

function buildSummaryOnce(
  input: SummaryInput,
  repeats: Map<string, Set<number>>,
  memo: Map<string, string>,
): { tab: TabPlan; layout: SummaryLayout; needed: Map<string, number[]>; used: Map<string, Set<number>> } {
  const { framework, report } = input;
  const tab = newTab(TAB.summary, 'summary', 'replace');
  tab.tabColour = '#ED7D31';
  const w = new TabWriter(tab);
  w.repeatAt = repeats;
  const layout: SummaryLayout = { respondentsCell: null, items: {}, sections: {}, overall: null };

  w.rows([[val(`${framework.title}: summary (${input.cycle})`)]]);
  w.format(1, 1, 1, 1, STYLE.title);
  w.rows([
    [
      val(
        `Built by Partnership Review on ${ukDate(input.today)}. This tab is rebuilt each time you summarise, so do not type here. Figures with formulas update as people type.`,
      ),
    ],
  ]);
  w.format(2, 1, 1, 1, STYLE.note);
  w.skip();

  const groups = scaleGroups(framework, report);
  const entry = input.entry;

  // respondents
  let respondentsRef = '0';
  if (entry) {
    const rr = w.row;
    const respCol = entry.cols['respondent'] ?? 1;
    w.rows([
      [val('Respondents listed'), val(null), fx(`COUNTA(${columnRange(entry, respCol)})`, input.respondentsListed)],
      [val('Respondents who gave at least one answer'), val(null), val(report.respondents)],
    ]);
    w.format(rr, 1, 2, 2, { bold: true });
    tab.merges.push({ row: rr, col: 1, rows: 1, cols: 2 }, { row: rr + 1, col: 1, rows: 1, cols: 2 });
    layout.respondentsCell = { row: rr, col: 3 };
    respondentsRef = a1(rr, 3, true);
    w.skip();
  }

  // positions: sections table, then one items table per scale
  const trivial = trivialSections(framework);
  const sectionRows = trivial ? [] : report.sections;
  const hasScores = groups.length > 0;
  let sectionsTop = 0;
  let itemsTop = 0;
  let sectionAt: number[] = [];
  if (hasScores) {
    sectionsTop = w.row; // heading row; header at +1; rows from +2 (the overall row last)
    sectionAt = w.bodyRows('sections', sectionsTop + 2, sectionRows.length + 1);
    itemsTop = sectionAt[sectionAt.length - 1]! + 2; // + blank
    let r = itemsTop;
    for (const g of groups) {
      // heading, header, rows (with the header again where a page starts), blank
      const at = w.bodyRows(itemsKey(g.scale), r + 2, g.items.length);
      g.items.forEach((e, i) => (layout.items[e.item.id] = itemCells(at[i]!, g.scale.points.length)));
      r = (at[at.length - 1] ?? r + 1) + 2;
    }
  }

  if (hasScores) {
    // overall and sections
    const top = sectionsTop;
    w.row = top;
    const withTotal = framework.sectionTotals && !trivial;
    const tw = withTotal ? 6 : 5;
    const sectionsHeader = [
      val('Id'),
      val(trivial ? 'Covers' : 'Section'),
      val('Mean'),
      val('Percent'),
      val('RAG'),
      ...(withTotal ? [val('Total')] : []),
    ];
    w.rows([[val(trivial ? 'Overall' : 'Overall and sections')], sectionsHeader]);
    w.format(top, 1, 1, 1, STYLE.heading);
    w.format(top + 1, 1, 1, tw, STYLE.header);
    const sectionCells: PlanCell[][] = [];
    const secCells: { row: number; col: number }[] = [];
    const secPct: { row: number; col: number }[] = [];
    const secWeights: number[] = [];
    sectionRows.forEach((s, si) => {
      const row = sectionAt[si]!;
      const section = framework.sections.find((x) => x.id === s.id)!;
      const items = section.items.filter((i) => i.fields.includes('score') && layout.items[i.id]);
      const cells = items.map((i) => ({ row: layout.items[i.id]!.row, col: COL.mean }));
      const pcts = items.map((i) => ({ row: layout.items[i.id]!.row, col: layout.items[i.id]!.percent }));
      const scales = items.map((i) => scaleForItem(framework, i));
      const mixed = scales.some((sc) => scaleMin(sc) !== scaleMin(scales[0]!) || scaleMax(sc) !== scaleMax(scales[0]!));
      const weights = items.map((i) => i.weight);
      const rowCells: PlanCell[] = [
        val(s.id),
        val(s.title),
        fx(meanOfCells(cells, mixed ? weights.map(() => 1) : weights), s.mean),
        fx(meanOfCells(pcts, weights), s.percent),
        fx(ragFormula(a1(row, 4), framework.rag), s.rag ? ragLabel(s.rag) : ''),
        ...(withTotal ? [fx(totalOfCells(cells), s.total)] : []),
      ];
      sectionCells.push(rowCells);
      layout.sections[s.id] = { row, mean: 3, percent: 4, rag: 5, total: 6 };
      secCells.push({ row, col: 3 });
      secPct.push({ row, col: 4 });
      secWeights.push(section.weight);
    });
    // overall row
    const orow = sectionAt[sectionAt.length - 1]!;
    let overallMean: string;
    let overallPct: string;
    if (trivial) {
      const cells: { row: number; col: number }[] = [];
      const pcts: { row: number; col: number }[] = [];
      const weights: number[] = [];
      for (const section of framework.sections) {
        const it = section.items.find((i) => i.fields.includes('score') && layout.items[i.id]);
        if (!it) continue;
        cells.push({ row: layout.items[it.id]!.row, col: COL.mean });
        pcts.push({ row: layout.items[it.id]!.row, col: layout.items[it.id]!.percent });
        weights.push(section.weight);
      }
      overallMean = meanOfCells(cells, weights);
      overallPct = meanOfCells(pcts, weights);
    } else {
      overallMean = meanOfCells(secCells, secWeights);
      overallPct = meanOfCells(secPct, secWeights);
    }
    sectionCells.push([
      val('Overall'),
      val(trivial ? 'All items' : 'All sections'),
      fx(overallMean, report.overall.mean),
      fx(overallPct, report.overall.percent),
      fx(ragFormula(a1(orow, 4), framework.rag), report.overall.rag ? ragLabel(report.overall.rag) : ''),
      ...(withTotal ? [val(null)] : []),
    ]);
    const written = w.body('sections', { row: top + 1, cells: sectionsHeader }, sectionCells);
    if (written.join() !== sectionAt.join()) throw new Error('summary layout out of step');
    const span = orow - (top + 2) + 1;
    layout.overall = { row: orow, mean: 3, percent: 4, rag: 5 };
    w.format(orow, 1, 1, tw, { bold: true });
    w.format(top + 2, 1, span, tw, { border: 'thin', vAlign: 'top' });
    w.format(top + 2, 2, span, 1, { wrap: true });
    w.format(top + 2, 3, span, 1, { numberFormat: '0.00' });
    w.format(top + 2, 4, span, 1, { numberFormat: '0"%"' });
    if (withTotal) w.format(top + 2, 6, span, 1, { numberFormat: '0.00' });
    w.ragColours({ row: top + 2, col: 5, rows: span, cols: 1 });
    w.skip();

    // items per scale
    w.row = itemsTop;
    for (const g of groups) {
      const k = g.scale.points.length;
      const width = COL.counts + k + 2;
      const head = w.row;
      const itemsHeader = [
        val('Id'),
        val('Item'),
        val('n'),
        val('Missing'),
        val('Mean'),
        val('Median'),
        val('SD'),
        val('Min'),
        val('Max'),
        ...g.scale.points.map((p) => val(countHeader(p))),
        val('Percent'),
        val('RAG'),
        val('Divided'),
      ];
      w.rows([
        [
          val(
            `Items${groups.length > 1 ? ` scored ${formatNumber(scaleMin(g.scale))}–${formatNumber(scaleMax(g.scale))}` : ''} (${scaleHeading(g.scale)})`,
          ),
        ],
        itemsHeader,
      ]);
      w.format(head, 1, 1, 1, STYLE.heading);
      const itemRows: PlanCell[][] = [];
      w.format(head + 1, 1, 1, width, STYLE.header);
      for (const e of g.items) {
        const c = layout.items[e.item.id]!;
        const s = e.score;
        const scoreCol = entry?.cols[fieldKey(e.item.id, 'score')];
        const row: PlanCell[] = [val(e.item.id), val(itemLabel(e.item))];
        if (entry && scoreCol !== undefined) {
          const f = itemFormulas(g.scale, c, columnRange(entry, scoreCol), respondentsRef, framework.rag, framework.dividedFraction);
          row.push(
            fx(f.n, s.n),
            fx(f.missing, s.missing),
            fx(f.mean, s.mean),
            fx(f.median, s.median),
            fx(f.sd, s.sd),
            fx(f.min, s.min),
            fx(f.max, s.max),
            ...g.scale.points.map((p, j) => fx(f.counts[j]!, s.counts[String(p.value)] ?? 0)),
            fx(f.percent, s.percent),
            fx(f.rag, s.rag ? ragLabel(s.rag) : ''),
            fx(f.divided, s.divided ? 'Yes' : ''),
          );
        } else {
          row.push(
            val(s.n),
            val(s.missing),
            val(s.mean),
            val(s.median),
            val(s.sd),
            val(s.min),
            val(s.max),
            ...g.scale.points.map((p) => val(s.counts[String(p.value)] ?? 0)),
            val(s.percent),
            val(s.rag ? ragLabel(s.rag) : ''),
            val(s.divided ? 'Yes' : ''),
          );
        }
        itemRows.push(row);
      }
      const written = w.body(itemsKey(g.scale), { row: head + 1, cells: itemsHeader }, itemRows);
      if (written.some((r, i) => r !== layout.items[g.items[i]!.item.id]!.row)) throw new Error('summary layout out of step');
      const first = head + 2;
      const n = w.row - first;
      w.format(first, 1, n, width, { border: 'thin', vAlign: 'top' });
      w.format(first, 2, n, 1, { wrap: true });
      w.format(first, COL.mean, n, 3, { numberFormat: '0.00' });
      w.format(first, COL.min, n, 2, { numberFormat: '0' });
      w.format(first, COL.counts + k, n, 1, { numberFormat: '0"%"' });
      w.format(first, COL.counts + k + 2, n, 1, { hAlign: 'center', bold: true });
      w.ragColours({ row: first, col: COL.counts + k + 1, rows: n, cols: 1 });
      const longest = Math.max(...g.scale.points.map((p) => countHeader(p).length));
      tab.rowHeights = [...(tab.rowHeights ?? []), { row: head + 1, height: Math.min(120, Math.max(30, Math.ceil(longest / 9) * 13 + 4)) }];
      w.skip();
    }
  }

  // chart of means
  const chartRows: { label: string; row: number; col: number; v: number | null }[] = [];
  if (hasScores) {
    const useSections = report.items.length > 20 && !trivial && sectionRows.length > 1;
    if (useSections) for (const s of sectionRows) chartRows.push({ label: s.title, row: layout.sections[s.id]!.row, col: 3, v: s.mean });
    else
      for (const g of groups)
        for (const e of g.items) chartRows.push({ label: e.item.id, row: layout.items[e.item.id]!.row, col: COL.mean, v: e.score.mean });
  }
  let chartAnchor = 0;
  const keepMore: KeepTogether[] = [];
  if (chartRows.length > 0) {
    chartAnchor = w.row;
    w.rows([[val(chartRows.length === report.items.length ? 'Mean score per item' : 'Mean score per section')]]);
    w.format(chartAnchor, 1, 1, 1, STYLE.heading);
    w.skip(18);
  }

  const widest = Math.max(
    6,
    ...groups.map((g) => COL.counts + g.scale.points.length + 2),
    2 + (input.partnerships?.partnerships.length ?? 0),
    input.register?.tracker.length ? (trackerHasTwoStages(framework) ? 10 : 7) : 0,
  );
  w.textCols = widest - 1;
  w.textChars = Math.floor(TEXT_WIDTH + (widest - 2) * NUMBER_WIDTH);
  if (input.partnerships && input.partnerships.partnerships.length > 1 && hasScores) writePartnerships(w, input, layout, trivial, memo);
  if (input.comparison) writeChangeTable(w, input);
  if (hasScores) writeStrengthsAndAreas(w, input);
  writeAlsoWeak(w, input);
  writeCarried(w, input);
  if (input.notes.some((n) => n.strengths.trim() !== '' || n.areasForImprovement.trim() !== '') || framework.sectionFreeText.length > 0)
    writeNotes(w, input);
  if (report.comments.length > 0) writeCommentsPointer(w, input);
  if (input.register) writeRegisterResults(w, input);
  if (input.registerComparison) writeRegisterChange(w, input);
  writeThemeReview(w, input);
  if (input.themes && Object.keys(input.themes.counts).length + input.themes.unknownTags.length > 0) writeThemes(w, input);

  if (chartRows.length > 0) {
    const top = w.row + 1;
    w.row = top;
    w.rows([[val('Chart data')], [val('Id'), val('Mean')], ...chartRows.map((c) => [val(c.label), fx(a1(c.row, c.col), c.v)])]);
    // the chart's data is one range: printed whole on one page, never with a header written again inside it
    keepMore.push({ from: top, to: w.row - 1 });
    w.format(top, 1, 1, 1, STYLE.heading);
    w.format(top + 1, 1, 1, 2, STYLE.header);
    w.format(top + 2, 2, chartRows.length, 1, { numberFormat: '0.00' });
    const scales = groups.map((g) => g.scale);
    const single = scales.length === 1 ? scales[0]! : null;
    // long labels (section titles) read across as bars; rotated under columns they ran out of the chart's frame
    const bars = chartRows.some((c) => c.label.length > 12);
    tab.charts.push({
      id: 'summary-means',
      kind: bars ? 'bar' : 'column',
      title: chartRows.length === report.items.length ? 'Mean score per item' : 'Mean score per section',
      data: { row: top + 1, col: 1, rows: chartRows.length + 1, cols: 2 },
      anchor: { row: chartAnchor + 1, col: 1 },
      width: bars ? 720 : Math.min(960, Math.max(480, chartRows.length * 48)),
      height: bars ? Math.min(340, 80 + chartRows.length * 36) : 320,
      ...(single ? { min: Math.min(0, scaleMin(single)), max: scaleMax(single) } : {}),
    });
  }

  setWidth(tab, 1, 14);
  setWidth(tab, 2, TEXT_WIDTH);
  for (let c = 3; c <= widest; c++) setWidth(tab, c, NUMBER_WIDTH);
  const planned = settleSummaryPrint(tab, widest, chartAnchor, keepMore, w.tables);
  const used = new Map<string, Set<number>>();
  for (const t of w.tables)
    for (const r of t.repeats)
      if (planned.breaks.includes(r)) {
        const index = r - t.first - t.repeats.filter((x) => x < r).length;
        (used.get(t.key) ?? used.set(t.key, new Set()).get(t.key)!).add(index);
      }
  return { tab, layout, needed: planned.repeatBefore, used };
}

/**
 * The Summary as a handout (issue #13): each figure column as wide as its headers' longest word (no header breaks
 * inside a word, and no column wider than it needs, so the tab fits a page wide at a legible scale), row heights of
 * the spread texts worked out again for those widths, and manual page breaks that keep the chart and each table's
 * heading and header with their first rows.
 */
function settleSummaryPrint(
  tab: TabPlan,
  widest: number,
  chartAnchor: number,
  keepMore: KeepTogether[],
  tables: TableSpan[],
): PlannedBreaks {
  settleRepeatedHeaders(tab, tables);
  const headerRows = new Set<number>();
  const headings: number[] = [];
  for (const f of tab.formats) {
    if (f.format === STYLE.header) for (let r = f.range.row; r < f.range.row + f.range.rows; r++) headerRows.add(r);
    if (f.format === STYLE.heading) headings.push(f.range.row);
  }
  const need = new Map<number, number>();
  for (const b of tab.blocks) {
    b.cells.forEach((cells, i) => {
      if (!headerRows.has(b.row + i)) return;
      cells.forEach((cell, j) => {
        const col = b.col + j;
        if (col < 3 || typeof cell.v !== 'string') return;
        need.set(col, Math.max(need.get(col) ?? 0, widthForLongestWord(cell.v, 11, true)));
      });
    });
  }
  // figures (2.57, 100%, Amber) need about 6
  for (let c = 3; c <= widest; c++) setWidth(tab, c, Math.max(6, need.get(c) ?? 6));
  // the spread texts' heights were estimated for the old widths: again for these
  const spread = new Set<number>();
  for (const m of tab.merges) if (m.across && m.col === 2) for (let r = m.row; r < m.row + m.rows; r++) spread.add(r);
  tab.rowHeights = (tab.rowHeights ?? []).filter((h) => !(h.fit && spread.has(h.row)));
  // what the cells need, worked out once: only the set heights change before the pages are planned
  const cellHeights = cellRowHeights(tab);
  const heights = estimatedRowHeights(tab, cellHeights);
  for (const r of spread) if ((heights[r] ?? 0) > 15) tab.rowHeights.push({ row: r, height: heights[r]!, fit: true });
  tab.rowHeights.sort((a, b) => a.row - b.row);

  tab.print = { orientation: 'landscape', fitToWidth: false, titleRows: { from: 1, to: 1 } };
  const scale = Math.max(legibleScale(tab), fitScale(tab));
  tab.print.scale = scale;
  // a heading keeps its header and first rows; the chart (heading and its rows) is kept whole
  const keep: KeepTogether[] = headings.filter((r) => r !== chartAnchor).map((r) => ({ from: r, to: r + (headerRows.has(r + 1) ? 4 : 3) }));
  if (chartAnchor > 0) keep.push({ from: chartAnchor, to: chartAnchor + 18 });
  keep.push(...keepMore);
  const planned = planPages(tab, keep, scale, tables, cellHeights);
  tab.print.rowBreaks = planned.breaks;
  return planned;
}

function writePartnerships(w: TabWriter, input: SummaryInput, layout: SummaryLayout, trivial: boolean, memo: Map<string, string>): void {
  const { framework } = input;
  const pc = input.partnerships!;
  const names = pc.partnerships;
  const entry = input.entry!;
  const partCol = entry.cols['partnership'];
  const top = w.row;
  w.rows([[val('Partnerships side by side (mean scores)')]]);
  w.format(top, 1, 1, 1, STYLE.heading);
  // the names head the figure columns (the header row is top + 1); the item texts spread across the columns before
  const { start } = figureColumns(w, names.length);
  // without the Partnership column (its key was overwritten) the figures are core's values, not formulas
  const partRange = partCol === undefined ? null : columnRange(entry, partCol);
  const first = top + 2;
  const PARTNERSHIPS_KEY = 'partnerships';
  // rows: overall, then per section (section row unless trivial) and its items
  type Row = { kind: 'overall' } | { kind: 'section'; id: string; title: string } | { kind: 'item'; item: Item; sectionId: string };
  const rows: Row[] = [{ kind: 'overall' }];
  for (const s of framework.sections) {
    const items = s.items.filter((i) => i.fields.includes('score') && layout.items[i.id]);
    if (items.length === 0) continue;
    if (!trivial) rows.push({ kind: 'section', id: s.id, title: s.title });
    for (const item of items) rows.push({ kind: 'item', item, sectionId: s.id });
  }
  const rowAt = w.bodyRows(PARTNERSHIPS_KEY, first, rows.length);
  const rowOf = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.kind === 'item') rowOf.set(`i:${r.item.id}`, rowAt[i]!);
    if (r.kind === 'section') rowOf.set(`s:${r.id}`, rowAt[i]!);
  });
  const out: PlanCell[][] = [];
  rows.forEach((r) => {
    const cells: PlanCell[] = [];
    if (r.kind === 'overall') cells.push(val('Overall'), val(trivial ? 'All items' : 'All sections'));
    else if (r.kind === 'section') cells.push(val(r.id), val(`Section: ${r.title}`));
    else cells.push(val(r.item.id), val(itemLabel(r.item)));
    names.forEach((p, j) => {
      const col = start + j;
      const rep = pc.reports[p]!;
      if (r.kind === 'item') {
        const scoreCol = entry.cols[fieldKey(r.item.id, 'score')];
        const mean = rep.items.find((x) => x.id === r.item.id)?.mean ?? null;
        // a score column the reader could not find (its key was overwritten): core's value, no formula
        if (scoreCol === undefined || partRange === null) cells.push(val(mean));
        else {
          const scoreRange = columnRange(entry, scoreCol);
          const nameCell = `${columnLetter(col)}$${top + 1}`;
          const key = `${r.item.id}\u001f${scoreRange}\u001f${partRange}\u001f${p}\u001f${nameCell}`;
          let f = memo.get(key);
          if (f === undefined)
            memo.set(key, (f = partnershipMeanWithin(scaleForItem(framework, r.item), scoreRange, partRange, p, nameCell)));
          cells.push(fx(f, mean));
        }
      } else if (r.kind === 'section') {
        const section = framework.sections.find((s) => s.id === r.id)!;
        const items = section.items.filter((it) => rowOf.has(`i:${it.id}`));
        const scales = items.map((it) => scaleForItem(framework, it));
        const mixed = scales.some((sc) => scaleMin(sc) !== scaleMin(scales[0]!) || scaleMax(sc) !== scaleMax(scales[0]!));
        const f = meanOfCells(
          items.map((it) => ({ row: rowOf.get(`i:${it.id}`)!, col })),
          items.map((it) => (mixed ? 1 : it.weight)),
        );
        cells.push(fx(f, rep.sections.find((x) => x.id === r.id)?.mean ?? null));
      } else {
        const parts = framework.sections
          .map((s) => ({ s, key: trivial ? `i:${s.items.find((it) => rowOf.has(`i:${it.id}`))?.id ?? ''}` : `s:${s.id}` }))
          .filter((x) => rowOf.has(x.key));
        cells.push(
          fx(
            meanOfCells(
              parts.map((x) => ({ row: rowOf.get(x.key)!, col })),
              parts.map((x) => x.s.weight),
            ),
            rep.overall.mean,
          ),
        );
      }
    });
    out.push(cells);
  });
  const { width, span, rowsAt } = figureTable(
    w,
    PARTNERSHIPS_KEY,
    ['Id', 'Item or section', ...names],
    out,
    names.map((_, j) => ({ fig: j, format: '0.00' })),
  );
  if (rowsAt.join() !== rowAt.join()) throw new Error('summary layout out of step');
  w.format(first, 1, 1, width, { bold: true });
  rows.forEach((r, i) => r.kind === 'section' && w.format(rowAt[i]!, 1, 1, width, { bold: true, fill: '#F2F2F2' }));
  // colour the means by the RAG thresholds when every item shares one scale
  const scales = new Set(
    framework.sections.flatMap((s) => s.items.filter((i) => i.fields.includes('score')).map((i) => scaleForItem(framework, i).id)),
  );
  if (scales.size === 1) {
    const scale = scaleForItem(
      framework,
      framework.sections.flatMap((s) => s.items).find((i) => i.fields.includes('score'))!,
    );
    const lo = scaleMin(scale);
    const range = scaleMax(scale) - lo;
    const green = lo + (framework.rag.green / 100) * range - 1e-9;
    const amber = lo + (framework.rag.amber / 100) * range - 1e-9;
    w.tab.conditionalFormats.push({
      range: { row: first, col: start, rows: span, cols: names.length },
      rules: [
        { kind: 'number', operator: 'gte', value: green, format: { fill: '#C6EFCE', fontColour: '#006100' } },
        { kind: 'number', operator: 'between', value: amber, value2: green, format: { fill: '#FFEB9C', fontColour: '#7A4F01' } },
        { kind: 'number', operator: 'lt', value: amber, format: { fill: '#FFC7CE', fontColour: '#9C0006' } },
      ],
    });
  }
  w.skip();
}
