/**
 * The one seam between the task pane UI and whichever host runs it. One React UI serves Excel (Office.js adapter
 * in the page), Google Sheets (server functions through google.script.run) and the browser preview (in-memory
 * workbook). Every method returns plain JSON-safe data, so it can cross google.script.run unchanged.
 */
import type { CellRef, CellValue } from '../core/review/types.js';

/** Progress while an operation runs ("Reading the workbook…"); optional: a bridge that cannot stream progress
 *  (google.script.run) simply never calls it and the pane shows a spinner with the operation's name. */
export interface BridgeProgress {
  stage: 'reading' | 'computing' | 'writing' | 'done';
  message: string;
}
export type OnBridgeProgress = (e: BridgeProgress) => void;

// The outcome and form types are defined once in core, for every host (the Sheets server returns them as JSON).
export type { CreateForm, FrameworkChoice, OperationOutcome } from '../core/operations/outcome.js';
export type { OutcomeProblem as BridgeProblem, ImportedConflict, ImportedSummary } from '../core/operations/outcome.js';
import type { CreateForm, FrameworkChoice, OperationOutcome } from '../core/operations/outcome.js';

export type { ReportOutcome } from '../core/report/flow.js';
import type { ReportOutcome } from '../core/report/flow.js';
import type { LspSource } from '../core/operations/lsp-plan.js';
export type { SelfTestReport } from '../core/selftest/report.js';
import type { SelfTestReport } from '../core/selftest/report.js';

/** The choices on "Import responses…". */
export interface ImportChoice {
  /** where a person changed a cell since the last import, take the export's value (the command line's --prefer-export) */
  preferExport: boolean;
}

export interface HostBridge {
  /** "Excel", "Google Sheets", "Browser preview", ".xlsx file" */
  readonly hostName: string;
  frameworks(): Promise<FrameworkChoice[]>;
  create(form: CreateForm, onProgress?: OnBridgeProgress): Promise<OperationOutcome>;
  check(onProgress?: OnBridgeProgress): Promise<OperationOutcome>;
  summarise(onProgress?: OnBridgeProgress): Promise<OperationOutcome>;
  plan(onProgress?: OnBridgeProgress): Promise<OperationOutcome>;
  /**
   * Import a form export, already read into a table in the page (ui/import-file.ts; header row first), into the
   * Responses tab (core's planImport). Plain JSON both ways: the table is strings, numbers, booleans and nulls only.
   */
  importResponses(table: CellValue[][], choice: ImportChoice, onProgress?: OnBridgeProgress): Promise<OperationOutcome>;
  /**
   * Build the LSP improvement plan in this workbook (a blank one becomes the plan; a plan is updated keeping people's
   * edits) from each review's rows, worked out in the page from the review files a person picked
   * (ui/lsp-review-files.ts). Plain JSON: strings and booleans.
   */
  buildLspPlan(sources: LspSource[], onProgress?: OnBridgeProgress): Promise<OperationOutcome>;
  /** the review report's content, read from the workbook (nothing is written); the pane makes and saves the .docx */
  report(onProgress?: OnBridgeProgress): Promise<ReportOutcome>;
  /** select a cell in the workbook (choosing a problem in the list) */
  select(at: CellRef): Promise<void>;
  /** run the self-test on scratch tabs (core/selftest); absent where the host cannot read back what it kept */
  selfTest?(): Promise<SelfTestReport>;
}
