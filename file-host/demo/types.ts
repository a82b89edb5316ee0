import type { CellValue } from '../../core/review/types.js';

export interface DemoRespondent {
  respondent: string;
  partnership: string;
  organisation: string;
  /** entry column key (`ASPIRE|score`, `ASPIRE|comment`) → what the person entered */
  answers: Record<string, CellValue>;
}

/** A filled-in review, as data, ready to be typed into a new workbook. */
export interface DemoReview {
  frameworkId: string;
  cycle: string;
  partnerships: string[];
  respondents: DemoRespondent[];
  /** sectionId → the free text agreed for it (Workshop Notes) */
  notes: Record<string, { strengths?: string; areasForImprovement?: string }>;
  /** register rows (Progress Tracker, Risk Register): column key → value */
  register: Array<Record<string, CellValue>>;
  /** per group (Theme Review): group → column key → value */
  groupSummary: Record<string, Record<string, CellValue>>;
  /** what the group types into each drafted improvement action once it has read the plan */
  planContacts: { keyContact: string; leadAgency: string };
  /** one line saying where the content comes from */
  about: string;
  /** the date the review is summarised on, when the example belongs to a past cycle (its plan dates follow it) */
  today?: string;
}
