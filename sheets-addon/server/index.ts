/// <reference types="google-apps-script" />
/**
 * The Apps Script side of the add-on: the menu, the sidebar, and the server functions the sidebar calls through
 * google.script.run. Each operation is the shared core's: read the spreadsheet once, compute in core, write once.
 *
 * Apps Script hands google.script.run only what a function returns — not what a promise resolves to — so these
 * functions run the core's operation flows (core/operations/flow.ts) with the synchronous driver over the host's
 * `readNow`/`applyNow` (every Apps Script call is synchronous anyway). The steps and the outcomes (the sentence and
 * problems the person is told) are the core's, the very ones core/operations/run.ts runs on every other host.
 *
 * Build summary and Draft improvement plan hold the document lock, so two people clicking at once cannot write
 * over each other: the second waits up to 20 seconds, then is told to try again. The build (sheets-addon/build.ts)
 * turns every export listed in ./api.ts into a top-level function.
 */
import { checkFlow, createFlow, driveSync, importFlow, planFlow, summariseFlow } from '../../core/operations/flow.js';
import { reportErrorOutcome, reportFlow, type ReportOutcome } from '../../core/report/flow.js';
import { lspPlanPaneFlow } from '../../core/operations/lsp-plan.js';
import {
  busyOutcome,
  createRequest,
  errorOutcome,
  frameworkChoices,
  isExpectedError,
  type CreateForm,
  type FrameworkChoice,
  type OperationOutcome,
} from '../../core/operations/outcome.js';
import type { CellRef, CellValue } from '../../core/review/types.js';
import {
  ADDIN_VERSION,
  CheckList,
  makeReport,
  reportText,
  scratchToken,
  selfTestFlow,
  type SelfTestReport,
} from '../../core/selftest/index.js';
import type { ServerFunctions } from './api.js';
import { inspectSpreadsheet, removeScratch } from './inspect.js';
import { protectionSentence, withRespondentProtection } from './respondent-protection.js';
import { SheetsHost } from './sheets-host.js';

/** How long a second person waits for the document lock before being told to try again (the sidebar's call must
 *  finish well inside Apps Script's limits). */
export const LOCK_WAIT_MS = 20_000;

export const BUSY = {
  create: 'Someone else is creating a review in this spreadsheet. Try again in a minute.',
  summarise: 'Someone else is building the summary. Try again in a minute.',
  plan: 'Someone else is building the summary or drafting the improvement plan. Try again in a minute.',
  import: 'Someone else is changing the review (importing, building the summary or drafting the plan). Try again in a minute.',
  lspPlan: 'Someone else is changing this spreadsheet. Try again in a minute.',
} as const;

const TITLE = 'Partnership Review';

function hostFor(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetsHost {
  return new SheetsHost({
    spreadsheet: ss,
    app: SpreadsheetApp,
    isoDate: (d, timeZone) => Utilities.formatDate(d, timeZone, 'yyyy-MM-dd'),
    currentUser: () => Session.getEffectiveUser(),
  });
}

/** Today in the spreadsheet's own time zone, as the core takes it. */
function today(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}

/** Errors become outcomes the pane can show (what went wrong, how to fix it, that nothing changed). */
function guarded(work: () => OperationOutcome): OperationOutcome {
  try {
    return work();
  } catch (e) {
    if (!isExpectedError(e)) console.error(e);
    return errorOutcome(e);
  }
}

/** Run `work` holding the document lock; if someone else holds it for the whole wait, say so and change nothing. */
function locked(busy: string, work: () => OperationOutcome): OperationOutcome {
  return guarded(() => {
    const lock = LockService.getDocumentLock();
    if (!lock) throw new Error('The add-in could not lock this spreadsheet: open it in Google Sheets and try again');
    if (!lock.tryLock(LOCK_WAIT_MS)) return busyOutcome(busy);
    try {
      return work();
    } finally {
      // commit every pending write before the next person's run can start reading
      SpreadsheetApp.flush();
      lock.releaseLock();
    }
  });
}

// ───────────────────────────── server functions (google.script.run) ─────────────────────────────

export function prFrameworks(): FrameworkChoice[] {
  return frameworkChoices();
}

export function prCreate(form: CreateForm): OperationOutcome {
  return locked(BUSY.create, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const flow = createFlow(
      createRequest(form, today(ss)),
      form.protect ? { refine: withRespondentProtection, note: protectionSentence } : {},
    );
    return driveSync(flow, hostFor(ss)).outcome;
  });
}

export function prCheck(): OperationOutcome {
  return guarded(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return driveSync(checkFlow(today(ss)), hostFor(ss)).outcome;
  });
}

export function prSummarise(): OperationOutcome {
  return locked(BUSY.summarise, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return driveSync(summariseFlow({ today: today(ss) }), hostFor(ss)).outcome;
  });
}

export function prPlan(): OperationOutcome {
  return locked(BUSY.plan, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return driveSync(planFlow({ today: today(ss) }), hostFor(ss)).outcome;
  });
}

/** Import a form export the sidebar read into a table (the sidebar reads the file: google.script.run cannot carry a
 *  file from a form under the V8 runtime). Holds the document lock: it writes the Responses tab. The table's shape is
 *  checked by core before anything reads it, because anything can arrive over google.script.run. */
export function prImport(table: unknown, choice: unknown): OperationOutcome {
  return locked(BUSY.import, () => {
    const preferExport = typeof choice === 'object' && choice !== null && (choice as { preferExport?: unknown }).preferExport === true;
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    // importFlow checks the table's shape before anything reads it (core/import/table-shape.ts)
    return driveSync(importFlow(table as CellValue[][], today(ss), { preferExport }), hostFor(ss)).outcome;
  });
}

/**
 * The LSP improvement plan, built in this spreadsheet (a blank one becomes the plan) from the reviews' rows the sidebar
 * worked out of the .xlsx files a person picked: Apps Script cannot open the other spreadsheets itself without the full
 * spreadsheets scope (openById), and the add-on asks only for this one. Holds the document lock; the rows are checked
 * by core (lspSourcesFrom) before anything is read.
 */
export function prLspPlan(sources: unknown): OperationOutcome {
  return locked(BUSY.lspPlan, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return driveSync(lspPlanPaneFlow(sources, today(ss)), hostFor(ss));
  });
}

/** What the self-test's report says about where it ran. Apps Script does not tell a script the Sheets version. */
function selfTestEnv(now: Date): SelfTestReport['env'] {
  return {
    host: 'Google Sheets',
    hostVersion: '',
    platform: 'Apps Script (V8 runtime)',
    addinVersion: ADDIN_VERSION,
    startedAt: now.toISOString(),
  };
}

/**
 * The self-test (core/selftest): creates scratch tabs, runs create → fill → check → summarise → plan on them, reads
 * back what Sheets kept, removes them and reports. Holds the document lock, as the other writing operations do.
 */
export function prSelfTest(): SelfTestReport {
  const now = new Date();
  const env = selfTestEnv(now);
  const failed = (why: string): SelfTestReport => {
    const list = new CheckList();
    list.add('Set-up', 'The self-test could start', [why]);
    return makeReport(env, '', list);
  };
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) return failed('Someone else is working in this spreadsheet. Try again in a minute.');
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const host = hostFor(ss);
    return driveSync(selfTestFlow({ env, today: today(ss), token: scratchToken(now) }), {
      readNow: (r) => host.readNow(r),
      applyNow: (p) => host.applyNow(p),
      inspectNow: (q) => inspectSpreadsheet(ss, SpreadsheetApp, q),
      removeNow: (tabs, names) => removeScratch(ss, tabs, names),
    });
  } catch (e) {
    console.error(e);
    return failed(`It stopped: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

export function prSelect(at: CellRef): null {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(at.sheet);
  if (!sheet) {
    throw new Error(`There is no tab called "${at.sheet}" now. If it was renamed, run Check entries again`);
  }
  sheet.getRange(at.row, at.col).activate();
  return null;
}

/** The review report's content, read from the spreadsheet (one read, nothing written, so no lock). The sidebar
 *  turns it into a .docx and offers it as a download: the server cannot hand a person a file without a Drive
 *  scope, which the add-on does not ask for. */
export function prReport(): ReportOutcome {
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return driveSync(reportFlow({ today: today(ss) }), hostFor(ss));
  } catch (e) {
    if (!isExpectedError(e)) console.error(e);
    return reportErrorOutcome(e);
  }
}

// the sidebar's calls, checked against the typed seam it uses
const server: ServerFunctions = {
  prFrameworks,
  prCreate,
  prCheck,
  prSummarise,
  prPlan,
  prImport,
  prLspPlan,
  prSelect,
  prReport,
  prSelfTest,
};
void server;

// ───────────────────────────── menu, triggers and sidebar ─────────────────────────────

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  // runs in AuthMode.NONE before the add-on is authorised in this spreadsheet: build the menu and nothing else
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open Partnership Review', 'showSidebar')
    .addSeparator()
    .addItem('Check entries', 'menuCheck')
    .addItem('Build summary', 'menuSummarise')
    .addItem('Draft improvement plan', 'menuPlan')
    .addSeparator()
    .addItem('Run self-test', 'menuSelfTest')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('sidebar').setTitle(TITLE));
}

/** The most problems a message box lists; the sidebar lists them all. */
const ALERT_PROBLEMS = 15;

function tell(title: string, o: OperationOutcome): void {
  const lines = o.problems.slice(0, ALERT_PROBLEMS).map((p) => `${p.cell || 'Workbook'}: ${p.message}`);
  if (o.problems.length > ALERT_PROBLEMS) {
    lines.push(`…and ${o.problems.length - ALERT_PROBLEMS} more. Open Partnership Review to go to each one.`);
  }
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, [o.message, ...lines].join('\n'), ui.ButtonSet.OK);
}

export function menuCheck(): void {
  tell('Check entries', prCheck());
}

export function menuSummarise(): void {
  tell('Build summary', prSummarise());
}

export function menuPlan(): void {
  tell('Draft improvement plan', prPlan());
}

/** The self-test from the menu: its report in a message box (the sidebar's footer link offers a Copy button). */
export function menuSelfTest(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('Partnership Review self-test', reportText(prSelfTest()), ui.ButtonSet.OK);
}
