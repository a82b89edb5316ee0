/**
 * Read-back: what a host actually kept, beyond the values `Host.read` returns. Optional — only the self-test uses it
 * (core/selftest), to compare what a real Excel or Google Sheets kept with what the plan asked for. Implemented by the
 * Office.js adapter, the Apps Script adapter and the in-memory workbook.
 *
 * A host answers about the cells it is asked about (probes), because neither Office.js nor Apps Script can list a
 * tab's validations or number formats cheaply; tab-wide facts (hidden, frozen panes, merges, protection, charts,
 * conditional formats) come whole.
 */
import type { RangeRef } from '../sheet-plan/types.js';

export interface CellProbe {
  row: number;
  col: number;
}

export interface InspectRequest {
  tab: string;
  cells: CellProbe[];
}

/** A data validation as the host kept it. */
export interface ValidationFact {
  kind: 'list' | 'date' | 'number' | 'other';
  /** list items, in order (list only) */
  values?: string[];
  /** bounds (number only) */
  min?: number;
  max?: number;
  /** rejects other input (false: warns only) */
  strict: boolean;
}

export interface CellFacts {
  row: number;
  col: number;
  /** the formula as the host keeps it (with its leading `=`), or null for a value */
  formula: string | null;
  /** the number format code, '' or 'General' for none */
  numberFormat: string;
  validation: ValidationFact | null;
  /** whether protection stops this cell being changed: the tab is protected and the cell is not one of its editable
   *  cells (Excel: `format.protection.locked` on a protected tab; Sheets: a protection covers it and it is not in
   *  the tab protection's unprotected ranges) */
  locked: boolean;
}

export interface TabFacts {
  /** the tab asked about */
  tab: string;
  exists: boolean;
  hidden: boolean;
  frozen: { rows: number; cols: number };
  /** merged ranges, or null when this host cannot list them (Excel before ExcelApi 1.13) */
  merges: RangeRef[] | null;
  /** why `merges` is null, in plain words */
  mergesUnknown?: string;
  /** the tab (or, in Sheets, its whole range) is protected */
  protected: boolean;
  /** one entry per conditional format rule: the ranges it covers */
  conditionalFormats: { ranges: RangeRef[] }[];
  charts: { title: string; kind: string }[];
  cells: CellFacts[];
}

/** What a host reports for a tab that does not exist (one shape on every host). */
export function missingTab(tab: string): TabFacts {
  return {
    tab,
    exists: false,
    hidden: false,
    frozen: { rows: 0, cols: 0 },
    merges: [],
    protected: false,
    conditionalFormats: [],
    charts: [],
    cells: [],
  };
}

export interface InspectHost {
  inspect(requests: InspectRequest[]): Promise<TabFacts[]>;
  /** Delete these tabs and workbook names (the self-test's scratch tabs); a missing one is not an error. */
  remove(tabs: string[], namedRanges: string[]): Promise<void>;
}
