export type Rag = 'red' | 'amber' | 'green';

/** Parsed value of one score cell. */
export type ParsedScore =
  | { kind: 'score'; value: number }
  | { kind: 'missing' } // blank
  | { kind: 'notScored'; label: string } // "N/A", "Don't know"
  | { kind: 'invalid'; raw: string };

export interface ItemScore {
  id: string;
  sectionId: string;
  n: number;
  missing: number;
  mean: number | null;
  median: number | null;
  /** sample SD (n − 1); null when n < 2 */
  sd: number | null;
  min: number | null;
  max: number | null;
  /** scale point value (as string key) → count */
  counts: Record<string, number>;
  percent: number | null;
  rag: Rag | null;
  divided: boolean;
}

export interface SectionScore {
  id: string;
  title: string;
  mean: number | null;
  percent: number | null;
  rag: Rag | null;
  /** Sum of item means with n > 0 (nru-partnership "Total Score"); null when none. */
  total: number | null;
}

export interface OverallScore {
  mean: number | null;
  percent: number | null;
  rag: Rag | null;
}

/** Comments of one item grouped by the score they came with (seed 000 "Specific comments"). */
export interface CommentsByScore {
  itemId: string;
  /** key: scale point value as string, or 'other' (comment with no valid score) */
  groups: { score: string; comments: string[] }[];
}

export interface ScoreReport {
  frameworkId: string;
  /** respondents whose row has at least one entry */
  respondents: number;
  overall: OverallScore;
  sections: SectionScore[];
  items: ItemScore[];
  /** item ids: green and not divided, highest mean first */
  strengths: string[];
  /** item ids: red, amber or divided, lowest percent first */
  areasForImprovement: string[];
  comments: CommentsByScore[];
}

export type Change = 'improved' | 'declined' | 'unchanged' | 'new' | 'not scored';

export interface ChangeRow {
  id: string;
  previous: number | null;
  current: number | null;
  /** current − previous */
  delta: number | null;
  change: Change;
  /** how far the mean had to move to count as improved or declined, in the scale's units (absent: any change) */
  threshold?: number;
}

export interface Comparison {
  items: ChangeRow[];
  sections: ChangeRow[];
  /** the overall mean then and now (issue #11) */
  overall: ChangeRow;
  /** the framework's change threshold, as a fraction of the scale's range */
  thresholdFraction: number;
  /** partnership → its own comparison, where the previous review kept figures per partnership */
  partnerships?: Record<string, Comparison>;
}

/** Scores per partnership, side by side. */
export interface PartnershipComparison {
  partnerships: string[];
  /** partnership → report */
  reports: Record<string, ScoreReport>;
}

export interface TrackerThemeResult {
  theme: string;
  rows: number;
  /** rows with a score that counts (the champions' confirmed score, else the co-ordinator's: `achievementUsed`) */
  scored: number;
  /** mean of the scores that count */
  meanAchievement: number | null;
  /** rows with a co-ordinator's score (stage 1) */
  coordinatorScored: number;
  /** rows with a champions' confirmed score (stage 2; 0 in trackers made before the champions' column) */
  confirmed: number;
  /** rows where the champions' confirmed score differs from the co-ordinator's */
  changed: number;
  /** share of scored rows whose score that counts is the scale max (5 = achieved), 0..1; null when none scored */
  shareAchieved: number | null;
  /** 1-based sheet rows with appropriateness ≤ low threshold */
  lowAppropriatenessRows: number[];
}

export interface RiskThemeResult {
  theme: string;
  red: number;
  amber: number;
  green: number;
  unrated: number;
}

export interface ThemeMentions {
  /** tag → number of answers tagged with it */
  counts: Record<string, number>;
  /** tags used that are not in the framework's tag list */
  unknownTags: string[];
}
