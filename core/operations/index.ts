/** The operations API (docs/architecture.md): pure functions of a snapshot, and `run.ts` wiring them to a Host. */
export { planCreate, resolveFramework } from './create.js';
export { readReview, type ReadResult, type ReviewLayout } from '../reader/read-review.js';
export { readPlanRows } from '../reader/plan-rows.js';
export { checkReview, problemLine } from './check.js';
export { planSummary, planImprovement } from './summarise.js';
export { planImport } from '../import/plan-import.js';
export { matchColumns } from '../import/match-columns.js';
export { previousFromSnapshot } from './previous.js';
export { READ_TABS, READ_KEYS, moreTabsToRead } from './read-tabs.js';
export { runCreate, runCheck, runSummarise, runPlan, runImport, readReviewSnapshot, type RunOutcome } from './run.js';
export {
  driveAsync,
  driveSync,
  createFlow,
  checkFlow,
  summariseFlow,
  planFlow,
  importFlow,
  readReviewFlow,
  type Flow,
  type Step,
  type SyncHost,
  type CreateOptions,
} from './flow.js';
export * from './outcome.js';
export * from './messages.js';
export * from './types.js';
