import type { CellRef } from '../review/types.js';

export type Severity = 'error' | 'warning';

/** A problem a person must fix, with where it is and how to fix it. */
export interface Problem {
  severity: Severity;
  /** Stable machine code, e.g. `score.out-of-scale`. */
  code: string;
  /** Whole sentence(s) saying what is wrong and how to fix it (en-GB). Does not repeat the address. */
  message: string;
  /** Where: a cell when known; null for workbook-level problems (e.g. a missing tab). */
  at: CellRef | null;
  /** Context for hosts/UIs. */
  respondent?: string;
  itemId?: string;
  field?: string;
}
