/**
 * Comparisons (issue #2): against a previous review, and the same framework across partnerships.
 *
 * Change rule (per item, per section and overall): delta = current − previous, both unrounded means.
 * - current missing (no valid score now) → 'not scored', delta null;
 * - previous missing (not in the previous review, or not scored then) → 'new', delta null;
 * - |delta| below the threshold → 'unchanged'; otherwise delta > 0 → 'improved', delta < 0 → 'declined'.
 * The threshold (issue #11) is the framework's `changeThreshold` (default 0.1) times the scale's range (max − min):
 * 0.2 on a 1–3 scale, 0.3 on 1–4, 0.4 on 1–5 and 0–4, so it is the same share of every scale. A section's range is
 * the mean of its scored items' ranges (the same when they share a scale); the overall range, the mean of the
 * sections'. A delta equal to the threshold counts (up to floating-point rounding). Without a framework (or with
 * `changeThreshold` 0), any change beyond floating-point rounding counts.
 * The overall previous mean is the one the previous review gave, else the weighted mean of its section means.
 */
import type { Framework } from '../framework/schema.js';
import type { PreviousFigures, PreviousReview, Response } from '../review/types.js';
import type { ChangeRow, Comparison, PartnershipComparison, ScoreReport } from './types.js';
import { scoreReview } from './score-review.js';
import { nameKey } from './names.js';
import { scaleForItem, scaleMax, scaleMin } from './scale.js';

export const DEFAULT_CHANGE_TOLERANCE = 1e-9;

export interface CompareOptions {
  /** |delta| below this is 'unchanged' when no framework threshold applies (default 1e-9) */
  tolerance?: number;
  /** gives each row its threshold: the framework's `changeThreshold` × the scale's range */
  framework?: Framework;
  /** the current figures per partnership, to compare with the previous review's own (when it kept them) */
  partnerships?: PartnershipComparison | null;
}

export function changeRow(
  id: string,
  current: number | null,
  previous: number | null | undefined,
  tolerance = DEFAULT_CHANGE_TOLERANCE,
  threshold?: number,
): ChangeRow {
  const prev = previous ?? null;
  const t = threshold !== undefined && threshold > tolerance ? { threshold } : {};
  if (current === null) return { id, previous: prev, current, delta: null, change: 'not scored', ...t };
  if (prev === null) return { id, previous: prev, current, delta: null, change: 'new', ...t };
  const delta = current - prev;
  const limit = t.threshold !== undefined ? t.threshold - 1e-9 : tolerance;
  const change = Math.abs(delta) < limit ? 'unchanged' : delta > 0 ? 'improved' : 'declined';
  return { id, previous: prev, current, delta, change, ...t };
}

interface Ranges {
  items: Map<string, number>;
  sections: Map<string, number>;
  overall: number | undefined;
}

function mean(xs: number[]): number | undefined {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
}

function rangesOf(framework: Framework): Ranges {
  const items = new Map<string, number>();
  const sections = new Map<string, number>();
  for (const s of framework.sections) {
    const rs: number[] = [];
    for (const it of s.items) {
      if (!it.fields.includes('score')) continue;
      const scale = scaleForItem(framework, it);
      const r = scaleMax(scale) - scaleMin(scale);
      items.set(it.id, r);
      rs.push(r);
    }
    const m = mean(rs);
    if (m !== undefined) sections.set(s.id, m);
  }
  return { items, sections, overall: mean([...sections.values()]) };
}

/** The previous overall mean: as given, else the weighted mean of the section means it holds. */
export function previousOverall(framework: Framework | undefined, prev: PreviousFigures): number | null {
  if (prev.overall !== undefined) return prev.overall;
  let sum = 0;
  let weights = 0;
  const sections = framework
    ? framework.sections.map((s) => ({ id: s.id, weight: s.weight }))
    : Object.keys(prev.sectionMeans).map((id) => ({ id, weight: 1 }));
  for (const s of sections) {
    const m = prev.sectionMeans[s.id];
    if (m === null || m === undefined || !Number.isFinite(m)) continue;
    sum += m * s.weight;
    weights += s.weight;
  }
  return weights > 0 ? sum / weights : null;
}

function compareFigures(
  report: ScoreReport,
  previous: PreviousFigures,
  tol: number,
  framework: Framework | undefined,
  ranges: Ranges | null,
): Comparison {
  const fraction = framework?.changeThreshold ?? 0;
  const th = (r: number | undefined) => (ranges && r !== undefined && fraction > 0 ? fraction * r : undefined);
  return {
    items: report.items.map((it) => changeRow(it.id, it.mean, previous.itemMeans[it.id], tol, th(ranges?.items.get(it.id)))),
    sections: report.sections.map((s) => changeRow(s.id, s.mean, previous.sectionMeans[s.id], tol, th(ranges?.sections.get(s.id)))),
    overall: changeRow('overall', report.overall.mean, previousOverall(framework, previous), tol, th(ranges?.overall)),
    thresholdFraction: fraction,
  };
}

export function compareWithPrevious(report: ScoreReport, previous: PreviousReview, opts: CompareOptions = {}): Comparison {
  const tol = opts.tolerance ?? DEFAULT_CHANGE_TOLERANCE;
  const ranges = opts.framework ? rangesOf(opts.framework) : null;
  const out = compareFigures(report, previous, tol, opts.framework, ranges);
  const now = opts.partnerships;
  if (previous.partnerships && now) {
    const byKey = new Map(Object.entries(previous.partnerships).map(([name, f]) => [nameKey(name), f]));
    const per: Record<string, Comparison> = {};
    for (const p of now.partnerships) {
      const prev = byKey.get(nameKey(p));
      if (prev) per[p] = compareFigures(now.reports[p]!, prev, tol, opts.framework, ranges);
    }
    if (Object.keys(per).length) out.partnerships = per;
  }
  return out;
}

/**
 * One report per partnership. Order: `order` (the Review Settings list) when given, then any other partnership
 * named in the responses, in order of first appearance. Names match ignoring case and spaces; the first spelling
 * met (settings first) is used. Responses with no partnership belong to none of the reports (validation reports
 * them for multi-partnership frameworks); they still count in the whole-review report.
 */
export function compareAcrossPartnerships(framework: Framework, responses: Response[], order: string[] = []): PartnershipComparison {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const p of [...order, ...responses.map((r) => r.partnership)]) {
    const k = nameKey(p);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    names.push(p.trim());
  }
  const reports: Record<string, ScoreReport> = {};
  for (const p of names) reports[p] = scoreReview(framework, responses, { partnership: p });
  return { partnerships: names, reports };
}
