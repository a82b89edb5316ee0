/**
 * Comparisons (issue #2): against a previous review, and the same framework across partnerships.
 *
 * Change rule (per item and per section): delta = current − previous, both unrounded means.
 * - current missing (no valid score now) → 'not scored', delta null;
 * - previous missing (not in the previous review, or not scored then) → 'new', delta null;
 * - |delta| < tolerance (default 1e-9, i.e. exactly equal up to floating-point rounding) → 'unchanged';
 * - delta > 0 → 'improved'; delta < 0 → 'declined'.
 * The tolerance is an option so a summary that shows two decimals can pass 0.005 and never print
 * "+0.00 improved"; the default counts any real change.
 */
import type { Framework } from '../framework/schema.js';
import type { PreviousReview, Response } from '../review/types.js';
import type { ChangeRow, Comparison, PartnershipComparison, ScoreReport } from './types.js';
import { scoreReview } from './score-review.js';
import { nameKey } from './names.js';

export const DEFAULT_CHANGE_TOLERANCE = 1e-9;

export interface CompareOptions {
  /** |delta| below this is 'unchanged' (default 1e-9) */
  tolerance?: number;
}

export function changeRow(id: string, current: number | null, previous: number | null | undefined, tolerance = DEFAULT_CHANGE_TOLERANCE): ChangeRow {
  const prev = previous ?? null;
  if (current === null) return { id, previous: prev, current, delta: null, change: 'not scored' };
  if (prev === null) return { id, previous: prev, current, delta: null, change: 'new' };
  const delta = current - prev;
  const change = Math.abs(delta) < tolerance ? 'unchanged' : delta > 0 ? 'improved' : 'declined';
  return { id, previous: prev, current, delta, change };
}

export function compareWithPrevious(report: ScoreReport, previous: PreviousReview, opts: CompareOptions = {}): Comparison {
  const tol = opts.tolerance ?? DEFAULT_CHANGE_TOLERANCE;
  return {
    items: report.items.map((it) => changeRow(it.id, it.mean, previous.itemMeans[it.id], tol)),
    sections: report.sections.map((s) => changeRow(s.id, s.mean, previous.sectionMeans[s.id], tol)),
  };
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
