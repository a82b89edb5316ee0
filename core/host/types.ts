/**
 * The two verbs every host implements. Hosts are thin: they batch, they never decide or compute.
 */
import type { CellValue } from '../review/types.js';
import type { SheetPlan } from '../sheet-plan/types.js';

export interface TabSnapshot {
  name: string;
  /** position among tabs, 0-based */
  index: number;
  hidden: boolean;
  /** values from A1 to the last used cell (rectangular; short rows padded with null — except that a host may give a
   *  row holding nothing as an empty row, so a stray value at XFD1048576 is not seventeen billion cells: read cells
   *  through core/reader/cells.ts, which allows for short rows) */
  values: CellValue[][];
}

/** What a host read back. */
export interface Snapshot {
  /** every tab name in order, including ones not read */
  tabNames: string[];
  /** the tabs read, by name */
  tabs: Record<string, TabSnapshot>;
}

/** Which tabs to read: names, or all. Hosts read each tab's used range in one call. */
export interface ReadRequest {
  tabs: string[] | 'all';
  /**
   * Tabs of which only the first rows are needed, by name (matched without regard to case), with how many: a host
   * may stop reading such a tab there (the file host does not unpack the rest), or give the whole tab. Core reads
   * the Summary and Comments tabs this way: it only looks for its mark in their first rows before writing over them.
   */
  heads?: Record<string, number>;
}

/** The rows of `tab` a read needs: all of them (Infinity), or the head `request` asks for. */
export function rowsWanted(request: ReadRequest, tab: string): number {
  if (!request.heads) return Infinity;
  const lower = tab.toLowerCase();
  for (const [name, rows] of Object.entries(request.heads)) if (name.toLowerCase() === lower) return rows;
  return Infinity;
}

export interface ApplyResult {
  /** host-specific counters, for tests and the benchmark */
  calls: number;
  /** features a host skipped, in plain English (e.g. print setup on an Excel too old for it); optional */
  warnings?: string[];
}

export interface Host {
  read(request: ReadRequest): Promise<Snapshot>;
  apply(plan: SheetPlan): Promise<ApplyResult>;
}
