/**
 * Item, section and overall scores of a review (issue #2, "Scoring — exact rules").
 *
 * Per item (only items with a 'score' field):
 * - respondents counted = the responses passed (after the optional partnership filter);
 * - n = valid scores; missing = respondents counted − n (blank, not scored and invalid all count as missing);
 * - mean, median, sample SD (n − 1; null when n < 2), min, max; counts per scale point (every point a key, e.g. "1");
 * - percent = (mean − scaleMin) / (scaleMax − scaleMin) × 100; RAG on percent (null when n = 0);
 * - divided = n ≥ 2 and (max − min) ≥ dividedFraction × (scaleMax − scaleMin), within 1e-9.
 * Per section (sections with at least one scored item; others are left out):
 * - mean = mean of its item means (items with n > 0), weighted by item weight (equal weights = plain mean);
 *   when the section mixes scales (different lowest or highest point) the mean is the plain mean of item means,
 *   since a weighted mean across different scales has no meaning; it is shown for information only;
 * - percent = weighted mean of item percents (the same as the percent of the mean when the scales agree);
 * - total = sum of item means (n > 0), null when none; RAG on percent.
 * Overall: mean of section means and mean of section percents (sections with a mean), weighted by section weight;
 * RAG on the overall percent.
 * Strengths: green items that are not divided, highest mean first (ties: framework order).
 * Areas for improvement: red, amber or divided items (n > 0), lowest percent first (ties: framework order).
 * Comments: per scored item that has a 'comment' field, grouped by the score given with them in ascending scale
 * order (seed 000 lists Score 1, 2, 3), every scale point present (an empty group reads "No specific comments"),
 * then 'other' for comments without a valid score (only when there are some). Blank comments are dropped.
 * respondents = responses with at least one non-blank entry.
 *
 * Cost: ONE pass over the responses collects every item's scores and comments (and counts respondents), each
 * distinct raw value is parsed once per scale, and the median is read from the counts instead of a sort, so the
 * time grows with the number of cells, not cells × items.
 */
import type { Framework, Item, Scale } from '../framework/schema.js';
import type { CellValue, FieldEntry, Response } from '../review/types.js';
import type { CommentsByScore, ItemScore, ParsedScore, ScoreReport, SectionScore } from './types.js';
import { isBlank, scoreParser } from './parse-score.js';
import { scaleForItem, scaleMax, scaleMin } from './scale.js';
import { EPSILON, percentOnScale, ragForPercent } from './rag.js';
import { mean, sampleSd, sum, weightedMean } from './stats.js';

export interface ScoreOptions {
  /** score only the responses of this partnership (compared as the Summary's live COUNTIFS formulas compare it:
   *  ignoring case, but not spaces — so both count the same rows; `check` reports a partnership typed with other
   *  spaces as an error) */
  partnership?: string;
}

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** True when any field of any item holds something (walked without copying the answers, and stopping at the first). */
function hasAnyEntry(r: Response): boolean {
  const answers = r.answers;
  for (const itemId in answers) {
    if (!hasOwn(answers, itemId)) continue;
    const fields = answers[itemId] as Record<string, FieldEntry | undefined> | undefined;
    if (!fields) continue;
    for (const field in fields) {
      if (!hasOwn(fields, field)) continue;
      const e = fields[field];
      if (e && !isBlank(e.value)) return true;
    }
  }
  return false;
}

/** One scored item's answers, gathered in the single pass over the responses. */
interface ItemColumn {
  item: Item;
  /** the item's id: its key in each response's answers */
  id: string;
  sectionId: string;
  scale: Scale;
  parse: (raw: CellValue | undefined) => ParsedScore;
  /** valid scores, in response order */
  values: number[];
  /** comments grouped by the score given with them; null when the item has no 'comment' field */
  comments: { byScore: Map<string, string[]>; other: string[] } | null;
}

type Section = Framework['sections'][number];

/**
 * The scored items of the framework, in framework order (all, and per section with at least one), each with a
 * parser shared by the items of its scale.
 */
function itemColumns(framework: Framework): { all: ItemColumn[]; bySection: Map<Section, ItemColumn[]> } {
  const parsers = new Map<Scale, (raw: CellValue | undefined) => ParsedScore>();
  const all: ItemColumn[] = [];
  const bySection = new Map<Section, ItemColumn[]>();
  for (const section of framework.sections) {
    const mine: ItemColumn[] = [];
    for (const item of section.items) {
      if (!item.fields.includes('score')) continue;
      const scale = scaleForItem(framework, item);
      let parse = parsers.get(scale);
      if (!parse) {
        parse = scoreParser(scale);
        parsers.set(scale, parse);
      }
      let comments: ItemColumn['comments'] = null;
      if (item.fields.includes('comment')) {
        const byScore = new Map<string, string[]>();
        for (const pt of scale.points) byScore.set(String(pt.value), []);
        comments = { byScore, other: [] };
      }
      mine.push({ item, id: item.id, sectionId: section.id, scale, parse, values: [], comments });
    }
    if (mine.length) {
      all.push(...mine);
      bySection.set(section, mine);
    }
  }
  return { all, bySection };
}

/**
 * One pass over the responses: every item's valid scores and comments, in response order. Returns how many
 * responses have at least one entry (a score or comment seen here, or else any other field: `hasAnyEntry`).
 */
function gather(columns: ItemColumn[], responses: Response[]): number {
  let withEntries = 0;
  for (const r of responses) {
    const answers = r.answers;
    let seen = false;
    for (const c of columns) {
      const fields = answers[c.id];
      if (!fields) continue;
      const p = c.parse(fields.score?.value);
      if (p.kind !== 'missing') seen = true; // 'missing' is exactly a blank cell
      if (p.kind === 'score') c.values.push(p.value);
      if (c.comments) {
        const text = fields.comment?.value;
        if (isBlank(text)) continue;
        seen = true;
        const trimmed = String(text).trim();
        if (p.kind === 'score') c.comments.byScore.get(String(p.value))!.push(trimmed);
        else c.comments.other.push(trimmed);
      }
    }
    if (seen || hasAnyEntry(r)) withEntries++;
  }
  return withEntries;
}

/**
 * The median of scores that are all points of `scale`, from their counts: the same middle value(s) as sorting them,
 * without the sort.
 */
function medianFromCounts(scale: Scale, countsByValue: Map<number, number>, n: number): number | null {
  if (n === 0) return null;
  const mid = n >> 1;
  const at = (index: number): number => {
    let seen = 0;
    for (const pt of scale.points) {
      seen += countsByValue.get(pt.value) ?? 0;
      if (index < seen) return pt.value;
    }
    throw new RangeError('medianFromCounts: a score is not a point of its scale');
  };
  return n % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

function scoreItem(framework: Framework, c: ItemColumn, respondents: number): ItemScore {
  const { scale, values } = c;
  const counts: Record<string, number> = {};
  for (const pt of scale.points) counts[String(pt.value)] = 0;
  const countsByValue = new Map<number, number>();
  let lo: number | null = null;
  let hi: number | null = null;
  for (const v of values) {
    counts[String(v)] = (counts[String(v)] ?? 0) + 1;
    countsByValue.set(v, (countsByValue.get(v) ?? 0) + 1);
    if (lo === null || v < lo) lo = v;
    if (hi === null || v > hi) hi = v;
  }
  const m = mean(values);
  const percent = percentOnScale(m, scale);
  const range = scaleMax(scale) - scaleMin(scale);
  return {
    id: c.item.id,
    sectionId: c.sectionId,
    n: values.length,
    missing: respondents - values.length,
    mean: m,
    median: medianFromCounts(scale, countsByValue, values.length),
    sd: sampleSd(values),
    min: lo,
    max: hi,
    counts,
    percent,
    rag: ragForPercent(percent, framework.rag),
    divided: values.length >= 2 && hi! - lo! >= framework.dividedFraction * range - EPSILON,
  };
}

function commentsFor(c: ItemColumn): CommentsByScore | null {
  if (!c.comments) return null;
  const groups = [...c.comments.byScore].map(([score, comments]) => ({ score, comments }));
  if (c.comments.other.length) groups.push({ score: 'other', comments: c.comments.other });
  return { itemId: c.item.id, groups };
}

function byFrameworkOrder<T>(list: T[], key: (t: T) => number, order: Map<T, number>): T[] {
  return [...list].sort((a, b) => key(a) - key(b) || order.get(a)! - order.get(b)!);
}

export function scoreReview(framework: Framework, responses: Response[], opts: ScoreOptions = {}): ScoreReport {
  const only = opts.partnership === undefined ? null : opts.partnership.trim().toLowerCase();
  const rs = only === null ? responses : responses.filter((r) => r.partnership.toLowerCase() === only);

  const items: ItemScore[] = [];
  const sections: SectionScore[] = [];
  const commentsByItem = new Map<string, CommentsByScore>();
  const sectionMeans: number[] = [];
  const sectionPercents: number[] = [];
  const sectionWeights: number[] = [];

  const columns = itemColumns(framework);
  const respondents = gather(columns.all, rs);

  for (const section of framework.sections) {
    const scored = columns.bySection.get(section);
    if (!scored) continue;
    const withN: { score: ItemScore; item: Item; scale: Scale }[] = [];
    for (const c of scored) {
      const s = scoreItem(framework, c, rs.length);
      items.push(s);
      const comments = commentsFor(c);
      if (comments) commentsByItem.set(c.item.id, comments);
      if (s.n > 0) withN.push({ score: s, item: c.item, scale: c.scale });
    }
    const means = withN.map((x) => x.score.mean!);
    const percents = withN.map((x) => x.score.percent!);
    const weights = withN.map((x) => x.item.weight);
    const mixed = withN.some((x) => scaleMin(x.scale) !== scaleMin(withN[0]!.scale) || scaleMax(x.scale) !== scaleMax(withN[0]!.scale));
    const sMean = mixed ? mean(means) : weightedMean(means, weights);
    const sPercent = weightedMean(percents, weights);
    sections.push({
      id: section.id,
      title: section.title,
      mean: sMean,
      percent: sPercent,
      rag: ragForPercent(sPercent, framework.rag),
      total: means.length ? sum(means) : null,
    });
    if (sMean !== null && sPercent !== null) {
      sectionMeans.push(sMean);
      sectionPercents.push(sPercent);
      sectionWeights.push(section.weight);
    }
  }

  const overallPercent = weightedMean(sectionPercents, sectionWeights);
  const order = new Map(items.map((s, i) => [s, i]));
  const strengths = byFrameworkOrder(
    items.filter((s) => s.rag === 'green' && !s.divided),
    (s) => -s.mean!,
    order,
  ).map((s) => s.id);
  const areas = byFrameworkOrder(
    items.filter((s) => s.n > 0 && (s.rag === 'red' || s.rag === 'amber' || s.divided)),
    (s) => s.percent!,
    order,
  ).map((s) => s.id);

  const comments: CommentsByScore[] = [];
  for (const s of items) {
    const c = commentsByItem.get(s.id);
    if (c) comments.push(c);
  }

  return {
    frameworkId: framework.id,
    respondents,
    overall: {
      mean: weightedMean(sectionMeans, sectionWeights),
      percent: overallPercent,
      rag: ragForPercent(overallPercent, framework.rag),
    },
    sections,
    items,
    strengths,
    areasForImprovement: areas,
    comments,
  };
}
