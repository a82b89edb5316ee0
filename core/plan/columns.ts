/**
 * The Improvement Plan tab's columns, left to right (seed 004 annex C: action for improvement, date to be
 * completed, key contact, support needed, how support will be provided; plus the tracking columns of issue #2).
 * Ids are the keys of `ImprovementAction`. The sheet-plan builder and the reader both use this order; a row's `at`
 * is its Ref cell, so column k of a row is at `at.col + k`.
 */
import type { CellRef } from '../review/types.js';
import type { ImprovementAction } from './types.js';

export interface PlanColumn {
  id: keyof ImprovementAction;
  header: string;
}

export const PLAN_COLUMNS = [
  { id: 'ref', header: 'Ref' },
  { id: 'part', header: 'Part' },
  { id: 'heading', header: 'Theme/criterion' },
  { id: 'sourceItems', header: 'Source items' },
  { id: 'action', header: 'Action for improvement' },
  { id: 'date', header: 'Date to be completed' },
  { id: 'keyContact', header: 'Key contact' },
  { id: 'leadAgency', header: 'Lead agency' },
  { id: 'supportNeeded', header: 'Support needed' },
  { id: 'howSupportProvided', header: 'How support will be provided' },
  { id: 'progressReportDate', header: 'Progress report date' },
  { id: 'status', header: 'Status' },
] as const satisfies readonly PlanColumn[];

export type PlanColumnId = (typeof PLAN_COLUMNS)[number]['id'];

/** 0-based position of a column in PLAN_COLUMNS. */
export function planColumnIndex(id: keyof ImprovementAction): number {
  const i = PLAN_COLUMNS.findIndex((c) => c.id === id);
  if (i < 0) throw new RangeError(`not a plan column: ${String(id)}`);
  return i;
}

/** The cell of one field of a plan row whose Ref cell is `rowAt`. */
export function planCell(rowAt: CellRef, id: keyof ImprovementAction): CellRef {
  return { sheet: rowAt.sheet, row: rowAt.row, col: rowAt.col + planColumnIndex(id) };
}

/** Status of a freshly drafted action. */
export const DRAFT_STATUS = 'Not started';
