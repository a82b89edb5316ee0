/**
 * The one seam between the task pane UI and whichever host runs it. One React UI serves Excel (Office.js adapter
 * in the page), Google Sheets (server functions through google.script.run) and the browser preview (in-memory
 * workbook). Every method returns plain JSON-safe data, so it can cross google.script.run unchanged.
 */
import type { CellRef } from '../core/review/types.js';

/** Progress while an operation runs ("Reading the workbook…"); optional: a bridge that cannot stream progress
 *  (google.script.run) simply never calls it and the pane shows a spinner with the operation's name. */
export interface BridgeProgress {
  stage: 'reading' | 'computing' | 'writing' | 'done';
  message: string;
}
export type OnBridgeProgress = (e: BridgeProgress) => void;

export interface FrameworkChoice {
  id: string;
  title: string;
  /** one line, from its seed */
  description: string;
  /** e.g. "Kensington & Chelsea LSP, pilot workshop (Feb 2008)" */
  source: string;
  /** number of scored items */
  items: number;
  multiplePartnerships: boolean;
}

export interface CreateForm {
  frameworkId: string;
  partnerships: string[];
  respondents: string[];
  respondentCount?: number;
  cycle: string;
  protect: boolean;
}

export interface BridgeProblem {
  severity: 'error' | 'warning';
  /** `Responses!D7` or '' for workbook-level problems */
  cell: string;
  message: string;
  at: CellRef | null;
}

export interface OperationOutcome {
  ok: boolean;
  /** one en-GB sentence for the status area, e.g. "Summary built: 12 respondents, overall 2.4 (Amber)." */
  message: string;
  problems: BridgeProblem[];
  /** what changed, for screen readers and tests: tab names written */
  tabsWritten: string[];
}

export interface HostBridge {
  /** "Excel", "Google Sheets", "Browser preview", ".xlsx file" */
  readonly hostName: string;
  frameworks(): Promise<FrameworkChoice[]>;
  create(form: CreateForm, onProgress?: OnBridgeProgress): Promise<OperationOutcome>;
  check(onProgress?: OnBridgeProgress): Promise<OperationOutcome>;
  summarise(onProgress?: OnBridgeProgress): Promise<OperationOutcome>;
  plan(onProgress?: OnBridgeProgress): Promise<OperationOutcome>;
  /** select a cell in the workbook (choosing a problem in the list) */
  select(at: CellRef): Promise<void>;
}
