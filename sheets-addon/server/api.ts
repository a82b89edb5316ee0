/**
 * The typed seam between the sidebar and Apps Script: the server functions the sidebar calls through
 * `google.script.run`, and every function the built script must expose as a real top-level function (Apps Script
 * sees only top-level function declarations: menus, triggers and google.script.run call them by name).
 * The server implements `ServerFunctions`; the sidebar's bridge calls them by these names, so a rename breaks the
 * build instead of the add-on.
 */
import type { CellRef, CellValue } from '../../core/review/types.js';
import type { CreateForm, FrameworkChoice, OperationOutcome } from '../../core/operations/outcome.js';
import type { ReportOutcome } from '../../core/report/flow.js';
import type { LspSource } from '../../core/operations/lsp-plan.js';
import type { SelfTestReport } from '../../core/selftest/report.js';

export interface ServerFunctions {
  prFrameworks(): FrameworkChoice[];
  prCreate(form: CreateForm): OperationOutcome;
  prCheck(): OperationOutcome;
  prSummarise(): OperationOutcome;
  prPlan(): OperationOutcome;
  /** import a form export the sidebar read into a table (google.script.run: arrays of strings, numbers, booleans, nulls) */
  prImport(table: CellValue[][], choice: { preferExport: boolean }): OperationOutcome;
  /** the LSP improvement plan built in this spreadsheet from the rows the sidebar worked out of the review files a person
   *  picked (core's `lspSources`; plain objects of strings and booleans) */
  prLspPlan(sources: LspSource[]): OperationOutcome;
  /** the review report's content (read only); the sidebar makes the .docx */
  prReport(): ReportOutcome;
  prSelect(at: CellRef): null;
  /** the self-test on scratch tabs (core/selftest), with its report */
  prSelfTest(): SelfTestReport;
}

/** Top-level functions of the built `Code.js`, with their parameters, in the order they are emitted. */
export const GLOBAL_FUNCTIONS: readonly { name: string; params: readonly string[] }[] = [
  { name: 'onOpen', params: ['e'] },
  { name: 'onInstall', params: ['e'] },
  { name: 'showSidebar', params: [] },
  { name: 'menuCheck', params: [] },
  { name: 'menuSummarise', params: [] },
  { name: 'menuPlan', params: [] },
  { name: 'menuSelfTest', params: [] },
  { name: 'prFrameworks', params: [] },
  { name: 'prCreate', params: ['form'] },
  { name: 'prCheck', params: [] },
  { name: 'prSummarise', params: [] },
  { name: 'prPlan', params: [] },
  { name: 'prImport', params: ['table', 'choice'] },
  { name: 'prLspPlan', params: ['sources'] },
  { name: 'prSelect', params: ['at'] },
  { name: 'prReport', params: [] },
  { name: 'prSelfTest', params: [] },
];
