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
 */
import type { Framework, Item, Scale } from '../framework/schema.js';
import type { FieldEntry, Response } from '../review/types.js';
import type { CommentsByScore, ItemScore, ScoreReport, SectionScore } from './types.js';
import { isBlank, parseScore } from './parse-score.js';
import { scaleForItem, scaleMax, scaleMin } from './scale.js';
import { EPSILON, percentOnScale, ragForPercent } from './rag.js';
import { max, mean, median, min, sampleSd, sum, weightedMean } from './stats.js';
import { nameKey } from './names.js';

export interface ScoreOptions {
  /** score only the responses of this partnership (compared ignoring case and spaces) */
  partnership?: string;
}

function hasAnyEntry(r: Response): boolean {
  for (const fields of Object.values(r.answers)) {
    for (const e of Object.values(fields) as (FieldEntry | undefined)[]) if (e && !isBlank(e.value)) return true;
  }
  return false;
}

function scoreItem(framework: Framework, item: Item, sectionId: string, scale: Scale, responses: Response[]): ItemScore {
  const values: number[] = [];
  for (const r of responses) {
    const p = parseScore(r.answers[item.id]?.score?.value, scale);
    if (p.kind === 'score') values.push(p.value);
  }
  const counts: Record<string, number> = {};
  for (const pt of scale.points) counts[String(pt.value)] = 0;
  for (const v of values) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
  const m = mean(values);
  const lo = min(values);
  const hi = max(values);
  const percent = percentOnScale(m, scale);
  const range = scaleMax(scale) - scaleMin(scale);
  return {
    id: item.id,
    sectionId,
    n: values.length,
    missing: responses.length - values.length,
    mean: m,
    median: median(values),
    sd: sampleSd(values),
    min: lo,
    max: hi,
    counts,
    percent,
    rag: ragForPercent(percent, framework.rag),
    divided: values.length >= 2 && hi! - lo! >= framework.dividedFraction * range - EPSILON,
  };
}

function commentsFor(item: Item, scale: Scale, responses: Response[]): CommentsByScore {
  const byScore = new Map<string, string[]>();
  for (const pt of scale.points) byScore.set(String(pt.value), []);
  const other: string[] = [];
  for (const r of responses) {
    const c = r.answers[item.id]?.comment?.value;
    if (isBlank(c)) continue;
    const text = String(c).trim();
    const p = parseScore(r.answers[item.id]?.score?.value, scale);
    if (p.kind === 'score') byScore.get(String(p.value))!.push(text);
    else other.push(text);
  }
  const groups = [...byScore].map(([score, comments]) => ({ score, comments }));
  if (other.length) groups.push({ score: 'other', comments: other });
  return { itemId: item.id, groups };
}

function byFrameworkOrder<T>(list: T[], key: (t: T) => number, order: Map<T, number>): T[] {
  return [...list].sort((a, b) => key(a) - key(b) || order.get(a)! - order.get(b)!);
}

export function scoreReview(framework: Framework, responses: Response[], opts: ScoreOptions = {}): ScoreReport {
  const rs = opts.partnership === undefined ? responses : responses.filter((r) => nameKey(r.partnership) === nameKey(opts.partnership));

  const items: ItemScore[] = [];
  const sections: SectionScore[] = [];
  const itemMeta = new Map<string, { item: Item; scale: Scale }>();
  const sectionMeans: number[] = [];
  const sectionPercents: number[] = [];
  const sectionWeights: number[] = [];

  for (const section of framework.sections) {
    const scored = section.items.filter((it) => it.fields.includes('score'));
    if (!scored.length) continue;
    const withN: { score: ItemScore; item: Item; scale: Scale }[] = [];
    for (const item of scored) {
      const scale = scaleForItem(framework, item);
      const s = scoreItem(framework, item, section.id, scale, rs);
      items.push(s);
      itemMeta.set(item.id, { item, scale });
      if (s.n > 0) withN.push({ score: s, item, scale });
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
    const meta = itemMeta.get(s.id)!;
    if (meta.item.fields.includes('comment')) comments.push(commentsFor(meta.item, meta.scale, rs));
  }

  return {
    frameworkId: framework.id,
    respondents: rs.filter(hasAnyEntry).length,
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
