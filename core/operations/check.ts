/**
 * Checking a review: the reader's layout problems, validation of every entry, scores the live Summary formulas cannot
 * count as typed, and the SMART check of plan rows.
 */
import type { Snapshot } from '../host/types.js';
import { cellLabel } from '../util/a1.js';
import { isIsoDate } from '../util/dates.js';
import { validatePlanRows } from '../validation/plan-rows.js';
import { validateReview } from '../validation/validate.js';
import { cellLimitProblems } from '../validation/cell-limits.js';
import type { Problem } from '../validation/types.js';
import { findTab } from '../reader/cells.js';
import { readPlanTable } from '../reader/plan-rows.js';
import { readReview } from '../reader/read-review.js';
import { liveCountProblems } from './live-count.js';
import { ReviewRequestError, type CheckResult } from './types.js';

/** `Responses!D7: message`; warnings say so; workbook-level problems start with "Workbook". */
export function problemLine(p: Problem): string {
  const where = p.at ? cellLabel(p.at) : 'Workbook';
  return `${where}: ${p.severity === 'warning' ? 'Warning: ' : ''}${p.message}`;
}

export function checkReview(snapshot: Snapshot, today: string): CheckResult {
  if (!isIsoDate(today)) throw new ReviewRequestError(`“${today}” is not a date as YYYY-MM-DD; the add-in passes today's date.`);
  const { framework, review, layout, problems: layoutProblems } = readReview(snapshot);
  const planSnap = layout.plan ? findTab(snapshot.tabs, layout.plan.name) : undefined;
  const planRows = layout.plan && planSnap ? readPlanTable(planSnap, layout.plan) : [];
  const validation = validateReview(framework, review, today).map((p) =>
    // problems about the cycle belong at the Cycle cell when the settings tab has one
    p.at === null && p.code.startsWith('settings.cycle') && review.settings.cycleAt ? { ...p, at: review.settings.cycleAt } : p,
  );
  const problems = [...layoutProblems, ...cellLimitProblems(snapshot), ...validation, ...liveCountProblems(framework, review), ...validatePlanRows(planRows, today)];
  return { problems, lines: problems.map(problemLine) };
}
