/**
 * The sidebar's `HostBridge`: every operation runs in Apps Script, next to the spreadsheet, through
 * `google.script.run` (the only way out of the sidebar's frame). Server functions return plain JSON, so the
 * outcome crosses unchanged. Progress cannot stream over google.script.run, so `onProgress` is never called and
 * the pane shows its own "Building the summary…" while it waits.
 */
import type { CellRef, CellValue } from '../../core/review/types.js';
import type { CreateForm, FrameworkChoice, HostBridge, ImportChoice, OperationOutcome, ReportOutcome } from '../../ui/bridge.js';
import type { ServerFunctions } from '../server/api.js';
import type { LspSource } from '../../core/operations/lsp-plan.js';
import type { SelfTestReport } from '../../core/selftest/report.js';

/** The slice of `google.script.run` the bridge uses. */
export type ScriptRunner = {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
} & { [K in keyof ServerFunctions]: (...args: Parameters<ServerFunctions[K]>) => void };

declare const google: { script: { run: ScriptRunner } } | undefined;

function defaultRunner(): ScriptRunner {
  if (typeof google === 'undefined' || !google.script?.run) {
    throw new Error('This sidebar runs inside Google Sheets: open it from Extensions → Partnership Review → Open Partnership Review');
  }
  return google.script.run;
}

export class GoogleScriptBridge implements HostBridge {
  readonly hostName = 'Google Sheets';

  /** `runner` returns a fresh `google.script.run` (each call needs its own handlers). */
  constructor(private readonly runner: () => ScriptRunner = defaultRunner) {}

  private call<K extends keyof ServerFunctions>(name: K, ...args: Parameters<ServerFunctions[K]>): Promise<ReturnType<ServerFunctions[K]>> {
    return new Promise((resolve, reject) => {
      let run: ScriptRunner;
      try {
        run = this.runner();
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      const fn = run
        .withSuccessHandler((value) => resolve(value as ReturnType<ServerFunctions[K]>))
        .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))))[name] as (
        ...a: Parameters<ServerFunctions[K]>
      ) => void;
      fn(...args);
    });
  }

  frameworks(): Promise<FrameworkChoice[]> {
    return this.call('prFrameworks');
  }

  create(form: CreateForm): Promise<OperationOutcome> {
    return this.call('prCreate', form);
  }

  check(): Promise<OperationOutcome> {
    return this.call('prCheck');
  }

  summarise(): Promise<OperationOutcome> {
    return this.call('prSummarise');
  }

  plan(): Promise<OperationOutcome> {
    return this.call('prPlan');
  }

  /** the table the sidebar read from the picked file goes to the server as plain arrays (legal over google.script.run) */
  importResponses(table: CellValue[][], choice: ImportChoice): Promise<OperationOutcome> {
    return this.call('prImport', table, { preferExport: choice.preferExport === true });
  }

  /** the reviews' rows (worked out in the sidebar) to the server, which builds the plan in this spreadsheet (prLspPlan) */
  buildLspPlan(sources: LspSource[]): Promise<OperationOutcome> {
    return this.call('prLspPlan', sources);
  }

  /** the report's content from the server; the sidebar makes the .docx and downloads it (ui/report-download.ts) */
  report(): Promise<ReportOutcome> {
    return this.call('prReport');
  }

  async select(at: CellRef): Promise<void> {
    await this.call('prSelect', at);
  }

  /** the self-test runs on the server, next to the spreadsheet (prSelfTest) */
  selfTest(): Promise<SelfTestReport> {
    return this.call('prSelfTest');
  }
}
