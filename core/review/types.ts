/**
 * A review: a framework, its partnerships, respondents and cycle, plus what people entered.
 * Raw cell values are kept as read (the reader does not coerce), so validation can say exactly what was typed.
 */

/** A cell value as a host reads it. Hosts turn dates into ISO `YYYY-MM-DD` strings where they know the cell is a
 *  date (Sheets, ExcelJS); Excel's Office.js gives serial numbers, which core date parsing also accepts. */
export type CellValue = string | number | boolean | null;

/** Where something is, in terms a person can find: tab name and A1 address (e.g. `Responses!D7`). */
export interface CellRef {
  sheet: string;
  /** 1-based row and column */
  row: number;
  col: number;
}

export interface ReviewSettings {
  frameworkId: string;
  /** e.g. "2026/27" */
  cycle: string;
  partnerships: string[];
  /** Sections chosen for in-depth review this cycle (nru-partnership); empty = all. */
  inDepthSections: string[];
  /** Last cycle (year, e.g. 2024) each section was reviewed in depth, when known. */
  lastInDepth: Record<string, number | null>;
  /** Optional: where each section's "last reviewed in depth" cell is (sectionId → cell), so problems can point at it. */
  lastInDepthAt?: Record<string, CellRef>;
  /** Optional: where the cycle was read (Review Settings), so problems about it can point at it. */
  cycleAt?: CellRef;
  /** Optional: areas drafted into the plan at most (per partnership), from Review Settings; absent = the default. */
  maxPlanAreas?: number;
  maxPlanAreasAt?: CellRef;
}

/** One field a respondent filled in for one item, with where it came from. */
export interface FieldEntry {
  value: CellValue;
  at: CellRef;
}

export interface Response {
  respondent: string;
  partnership: string;
  organisation: string;
  /** where the respondent's name is */
  at: CellRef;
  /** Optional: where the respondent's partnership is (problems about the partnership point here, else at `at`). */
  partnershipAt?: CellRef;
  /** Optional: the identity the import gave this row (response id, timestamp, email or export row), when imported */
  importId?: string;
  /** itemId → field → entry (only fields the framework defines for that item) */
  answers: Record<string, Partial<Record<import('../framework/schema.js').ItemField, FieldEntry>>>;
}

/** Free text per section (seed 000: strengths and areas for improvement per characteristic). */
export interface SectionFreeText {
  sectionId: string;
  strengths: string;
  areasForImprovement: string;
  at: CellRef;
}

/** One row of a register (delivery tracker row, risk scenario); column id → entry. */
export interface RegisterRow {
  group: string;
  cells: Record<string, FieldEntry>;
  at: CellRef;
}

/** One row of a register's per-group summary (delivery tracker appendix 3). */
export interface GroupSummaryRow {
  group: string;
  cells: Record<string, FieldEntry>;
  at: CellRef;
}

/** The means of one review (or of one partnership in it). */
export interface PreviousFigures {
  /** itemId → mean (null when not scored last time) */
  itemMeans: Record<string, number | null>;
  /** sectionId → mean */
  sectionMeans: Record<string, number | null>;
  /** the overall mean; absent when not given (it is then worked out from the section means) */
  overall?: number | null;
  /** register frameworks (issue #16): theme → mean achievement (tracker) or mean risk level (risk) */
  themeMeans?: Record<string, number | null>;
}

/** Item means from the last review, for comparison (the "Previous Review" tab or a previous workbook). */
export interface PreviousReview extends PreviousFigures {
  cycle: string;
  /** partnership → its own means, where the previous review held several partnerships (issue #11) */
  partnerships?: Record<string, PreviousFigures>;
  /** Where it came from, when read from a workbook: its framework and PR_Meta identity (to refuse a wrong one). */
  source?: { frameworkId: string; frameworkTitle: string; cycle: string; created: string; reviewId?: string };
  /** last cycle's Improvement Plan rows as people left them (read from last cycle's workbook), to carry forward */
  planRows?: import('../plan/types.js').PlanRowRead[];
  /** the partnerships last cycle's review listed, to carry only the rows of the partnerships this review covers */
  planPartnerships?: string[];
}

export interface ReviewData {
  settings: ReviewSettings;
  responses: Response[];
  sectionFreeText: SectionFreeText[];
  register: RegisterRow[];
  groupSummaries: GroupSummaryRow[];
  previous: PreviousReview | null;
}
