/**
 * A finished review workbook as the "previous review" of the next cycle: its item, section and overall means, per
 * partnership too where it held several, and where it came from (its framework and PR_Meta identity), so a review
 * of another framework, or this very review, is refused rather than compared (issue #11).
 */
import type { Framework } from '../framework/schema.js';
import type { Snapshot } from '../host/types.js';
import type { PreviousFigures, PreviousReview } from '../review/types.js';
import { compareAcrossPartnerships } from '../scoring/compare.js';
import { nameKey } from '../scoring/names.js';
import { scoreReview } from '../scoring/score-review.js';
import type { ScoreReport } from '../scoring/types.js';
import { readReview } from '../reader/read-review.js';
import { readPlanRows } from '../reader/plan-rows.js';
import { scoreRegister } from '../scoring/register.js';
import { registerFigures, registerPreviousFigures } from '../scoring/register-compare.js';
import { ReviewRequestError } from './types.js';

function figuresOf(report: ScoreReport): PreviousFigures {
  const out: PreviousFigures = { itemMeans: {}, sectionMeans: {}, overall: report.overall.mean };
  for (const i of report.items) out.itemMeans[i.id] = i.mean;
  for (const s of report.sections) out.sectionMeans[s.id] = s.mean;
  return out;
}

export function previousFromSnapshot(snapshot: Snapshot): PreviousReview {
  const { framework, review, layout } = readReview(snapshot);
  const report = scoreReview(framework, review.responses);
  // a tracker or risk register (issue #16): its figure per theme and for the whole register
  const register =
    framework.sections.length === 0 && framework.register ? registerFigures(framework, scoreRegister(framework, review.register)) : null;
  const previous: PreviousReview = {
    cycle: review.settings.cycle,
    ...(register ? registerPreviousFigures(register) : figuresOf(report)),
    source: {
      frameworkId: framework.id,
      frameworkTitle: framework.title,
      cycle: layout.meta.cycle,
      created: layout.meta.created,
      ...(layout.meta.reviewId ? { reviewId: layout.meta.reviewId } : {}),
    },
  };
  // last cycle's Improvement Plan as people left it (issue #16): its rows are carried into this cycle's plan
  const planRows = readPlanRows(snapshot);
  if (planRows.length > 0) {
    previous.planRows = planRows;
    const listed = review.settings.partnerships.filter((p) => nameKey(p) !== '');
    if (listed.length > 0) previous.planPartnerships = listed;
  }
  const keys = new Set<string>();
  for (const p of [...review.settings.partnerships, ...review.responses.map((r) => r.partnership)])
    if (nameKey(p) !== '') keys.add(nameKey(p));
  if (keys.size > 1 && framework.sections.length > 0) {
    const per = compareAcrossPartnerships(framework, review.responses, review.settings.partnerships);
    const partnerships: Record<string, PreviousFigures> = {};
    // a partnership nobody scored last time has no figures to compare with
    for (const p of per.partnerships) if (per.reports[p]!.respondents > 0) partnerships[p] = figuresOf(per.reports[p]!);
    if (Object.keys(partnerships).length > 0) previous.partnerships = partnerships;
  }
  return previous;
}

/**
 * Refuses a previous review that cannot be compared with this one: another framework, or this same review — the
 * same `reviewId` in PR_Meta (a copy of this workbook). Workbooks made before the id was recorded have none: the
 * command line then still refuses the same file (same path, or the same bytes). Two reviews made on the same day for
 * the same cycle are not taken for one: nothing but the id tells them apart. Throws ReviewRequestError (exit 2).
 * `label` names the previous review in the message (the file name on the command line).
 */
export function assertComparable(
  framework: Framework,
  meta: { cycle: string; created: string; reviewId?: string },
  previous: PreviousReview,
  label: string,
): void {
  const src = previous.source;
  if (!src) return;
  if (src.frameworkId !== framework.id) {
    throw new ReviewRequestError(
      `${label} is a review of “${src.frameworkTitle}”, but this review uses “${framework.title}”, so their scores cannot be compared. Give the previous review of “${framework.title}”. Nothing was written.`,
    );
  }
  if (src.reviewId && src.reviewId === meta.reviewId) {
    const cycle = src.cycle ? ` (cycle ${src.cycle})` : '';
    throw new ReviewRequestError(
      `${label} is this same review${cycle}, or a copy of it, not the previous one, so it was not compared. Give last cycle's workbook. Nothing was written.`,
    );
  }
}
