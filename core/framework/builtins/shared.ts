/**
 * Wording and defaults shared by several built-in frameworks. Quotations are the seeds' own words; everything else
 * here is a project default and is said to be one wherever it is shown.
 */
import type { z } from 'zod';
import type { ItemSchema, RegisterColumnSchema } from '../schema.js';

/** Answers accepted in a score cell but not scored (they count as missing): the project-wide rule of issue #2. */
export const NOT_SCORED: string[] = ["Don't know", 'N/A'];

/** Seed 004, appendix 1 (NRU core requirements), word for word. */
export const SMART_DEFINITION =
  'All actions should be SMART (Specific, Measurable, Achievable, Resourced/ Realistic, & Timetabled) and have clear lead individuals/agencies. You should clearly schedule progress reporting.';

/** Silences every scored questionnaire shares: no seed gives red/amber/green thresholds or a rule for divided opinion. */
export const SCORED_SILENCES: string[] = [
  'Red/amber/green thresholds: the paper gives none. Default: green when the mean is at least 75% of the way up the scale, amber at 50% or more, red below 50% (editable per framework).',
  'Divided opinion: the paper gives no rule. Default: an item is flagged as divided when at least two people scored it and the lowest and highest scores are at least two-thirds of the scale range apart (editable).',
  '"Don\'t know" and "N/A" are accepted in a score cell and count as not scored (missing): a project-wide default, not the paper\'s.',
];

/** An item as authors write it (defaults optional). */
export type ItemInput = z.input<typeof ItemSchema>;
/** A register column as authors write it (defaults optional). */
export type RegisterColumnInput = z.input<typeof RegisterColumnSchema>;
