/**
 * The four things a person does — create, check, summarise, plan — as host-neutral operations.
 * Each is: read a snapshot once → compute in core → return a sheet plan to apply once.
 * `run.ts` wires them to any `Host`; hosts and UIs call only these.
 */
import type { Framework } from '../framework/schema.js';
import type { PlanRowOut } from '../plan/types.js';
import type { AlsoWeak, PlannedArea } from '../plan/draft.js';
import type { Problem } from '../validation/types.js';
import type { ItemScore, OverallScore, Rag } from '../scoring/types.js';
import type { CellRef } from '../review/types.js';

export interface CreateRequest {
  /** built-in framework id, or a custom framework (already validated) */
  framework: string | Framework;
  partnerships: string[];
  /** names; when empty, `respondentCount` blank rows labelled "Respondent 1…" */
  respondents: string[];
  respondentCount?: number;
  cycle: string;
  /** protect header cells (and, in Sheets, each respondent's row for that person) */
  protect?: boolean;
  /** today's date, ISO YYYY-MM-DD: core reads no clock */
  today: string;
  /**
   * A unique id for this review, made by the host (a random UUID: core has no randomness), kept in PR_Meta as
   * `reviewId`, so a copy of this workbook given as "the previous review" is recognised and refused (issue #11).
   */
  reviewId?: string;
}

/** One tracker row's two stages, as `summarise --json` prints them. */
export interface TrackerRowScores {
  theme: string;
  /** 1-based row on the register tab */
  row: number;
  label: string;
  coordinator: number | null;
  confirmed: number | null;
  /** the score that counts: the confirmed score where there is one, else the co-ordinator's */
  used: number | null;
  changed: boolean;
  whyNotMet: string;
  keyActions: string;
  supportNeeded: string;
}

/** The summary model printed by `summarise --json` (issue #3), numbers unrounded. */
export interface SummaryModel {
  framework: string;
  cycle: string;
  respondents: number;
  overall: OverallScore;
  sections: { id: string; title: string; mean: number | null; percent: number | null; rag: Rag | null; total: number | null }[];
  /** each item's figures and its wording as the framework gives it */
  items: (ItemScore & { text: string })[];
  strengths: string[];
  areasForImprovement: string[];
  plan: PlanRowOut[];
  /** how the plan was drafted: the cap, the ranked areas (planned or left out) and the weak items with no row */
  planning: { maxAreas: number; areas: PlannedArea[]; alsoWeak: AlsoWeak[] };
  /** by partnership, when the review holds more than one: its figures per section and per item */
  partnerships?: Record<
    string,
    {
      respondents: number;
      overall: OverallScore;
      sections: { id: string; mean: number | null; percent: number | null; rag: Rag | null }[];
      items: ItemScore[];
      areasForImprovement: string[];
    }
  >;
  /** delivery tracker: the Theme Review, per theme (the 2004 review paper's summary sheet, appendix 3) */
  themeReview?: { theme: string; achievements: string; barriers: string; solutions: string; action: string }[];
  /** last cycle's actions carried into this plan (issue #16): each with its judgement, and the counts */
  carried?: import('../plan/carry.js').CarriedSummary;
  /** rows of last cycle's plan not carried because they were for partnerships this review does not cover (this run only) */
  carriedLeftOut?: import('../plan/carry.js').CarriedLeftOut[];
  /** present when a previous review was given */
  comparison?: import('../scoring/types.js').Comparison;
  /** tracker and risk workbooks, when a previous review was given: the figure per theme then and now (issue #16) */
  registerComparison?: import('../scoring/register-compare.js').RegisterComparison;
  /** register frameworks */
  tracker?: import('../scoring/types.js').TrackerThemeResult[];
  /**
   * delivery tracker with the champions' column (seed 004 stage 2): each row's two scores and the one that counts
   * (`achievementUsed`), for every row with either score; `changed` where the champions changed the co-ordinator's
   */
  trackerRows?: TrackerRowScores[];
  risks?: import('../scoring/types.js').RiskThemeResult[];
  themes?: import('../scoring/types.js').ThemeMentions;
}

export interface ProgressEvent {
  stage: 'reading' | 'computing' | 'writing' | 'done';
  message: string;
}
export type OnProgress = (e: ProgressEvent) => void;

/** Raised when the workbook is not a Partnership Review workbook, or the layout cannot be read. */
export class NotAReviewError extends Error {
  override name = 'NotAReviewError';
}

/** Raised when the workbook changed underneath between read and write. */
export class LayoutChangedError extends Error {
  override name = 'LayoutChangedError';
}

/** Raised for requests a person can fix (unknown framework, tab already exists…); message says how. */
export class ReviewRequestError extends Error {
  override name = 'ReviewRequestError';
}

export interface CheckResult {
  /** errors first, then reminders */
  problems: Problem[];
  /** `Sheet!A1: message` per problem, as the CLI prints */
  lines: string[];
  /** what stops an entry being used (severity 'error') */
  errors: Problem[];
  /** what is still to do: unanswered questions, plan rows to complete, warnings (severity 'warning') */
  reminders: Problem[];
  errorLines: string[];
  reminderLines: string[];
}

/** A cell a person changed since it was imported, where the export now says something else. */
export interface ImportConflict {
  at: CellRef;
  respondent: string;
  /** the export's column heading (or Respondent, Partnership, Organisation) */
  column: string;
  workbook: import('../review/types.js').CellValue;
  export: import('../review/types.js').CellValue;
  /** which value the workbook holds after the import */
  kept: 'workbook' | 'export';
}

export interface ImportReport {
  updated: string[];
  added: string[];
  /** cells changed in the workbook since the last import that the export disagrees with */
  conflicts: ImportConflict[];
  /** rows typed by hand (no import id yet) taken for an export row because the name is on one row of each */
  matchedByName: string[];
  /** column headers that matched nothing (reported, never guessed) */
  unknownColumns: string[];
  problems: Problem[];
}

export type { CellRef };
