import type { CellRef } from '../review/types.js';

export type PlanPart = 'Delivery' | 'Partnership';

/** Seed 004 annex C columns, plus the tracking columns the issue asks for. */
export interface ImprovementAction {
  /** Stable key of the weak source, e.g. `item:ASPIRE|Kensington and Chelsea`, `risk:Legal|3`, `tracker:Crime|12`.
   *  Empty for rows a person added. */
  ref: string;
  part: PlanPart;
  /** Theme (Part 1) or criterion/section (Part 2). */
  heading: string;
  /** Item ids or register row labels the action comes from. */
  sourceItems: string;
  action: string;
  /** ISO YYYY-MM-DD, or '' */
  date: string;
  keyContact: string;
  leadAgency: string;
  supportNeeded: string;
  howSupportProvided: string;
  /** ISO YYYY-MM-DD, or '' */
  progressReportDate: string;
  status: string;
}

/**
 * A row carried forward from last cycle's plan (issue #16, core/plan/carry.ts): the cells "Carried from",
 * "Achieved?" and "Carry forward?" as the tab holds them. A row is carried when "Carried from" is not blank.
 */
export interface CarryInfo {
  /** the cycle whose plan it came from, e.g. "2025/26" */
  from: string;
  /** as typed: "Achieved", "Partly achieved", "Not achieved" or '' (not yet judged) */
  achieved: string;
  /** as typed: "Yes", "No" or '' (not yet decided) */
  carryForward: string;
}

/** A row as found on the Improvement Plan tab. */
export interface PlanRowRead extends ImprovementAction {
  at: CellRef;
  /** Fingerprint of what the add-in last drafted into this row ('' for rows a person added). */
  draftHash: string;
  /** present on a row carried forward from last cycle's plan */
  carry?: CarryInfo;
  /** where a carried row's "Achieved?" and "Carry forward?" cells are (for check's reminders) */
  carryCells?: { achieved: CellRef | null; carryForward: CellRef | null };
}

/** A row of the regenerated plan and what the merge decided about it. */
export interface PlanRowOut extends ImprovementAction {
  origin: 'drafted' | 'edited' | 'added';
  /** Source still weak/divided/red? false → marked "no longer weak", never deleted. null for added rows. */
  sourceStillWeak: boolean | null;
  /** Result of the SMART check, e.g. "SMART" or "Not SMART: no key contact; date already past". */
  smart: string;
  draftHash: string;
  /** present on a row carried forward from last cycle's plan */
  carry?: CarryInfo;
}

/**
 * Where a row of the LSP improvement plan (one plan across several review workbooks, issue #16) came from: the
 * review workbook's file name and the partnership. The review's own Ref stays in `ref`.
 */
export interface PlanSource {
  sourceWorkbook: string;
  partnership: string;
}
