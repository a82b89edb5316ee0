/**
 * Errors in plain English with the fix, never a stack: defined once in core (core/operations/outcome.ts) for every
 * host, re-exported here for the pane.
 */
export { errorOutcome, sentence, NOT_A_REVIEW_FIX, LAYOUT_CHANGED_FIX } from '../core/operations/outcome.js';
