/**
 * A `HostBridge` that runs the core operations in the page against any `Host`: the Office.js adapter inside Excel,
 * the in-memory workbook in the browser preview. It reads the clock here, at the edge; what the person is told (one
 * en-GB sentence and the problems naming their cells) is the core's outcome, the same on every host
 * (core/operations/outcome.ts). Errors never escape as a stack: they become an outcome that says what is wrong and
 * how to fix it.
 */
import './zod-no-eval.js'; // first: before any zod schema is built
import type { Host } from '../core/host/types.js';
import { createRequest, errorOutcome, frameworkChoices } from '../core/operations/outcome.js';
import { runCheck, runCreate, runImport, runPlan, runSummarise } from '../core/operations/run.js';
import { driveAsync } from '../core/operations/flow.js';
import { lspPlanPaneFlow, type LspSource } from '../core/operations/lsp-plan.js';
import { reportErrorOutcome, reportFlow } from '../core/report/flow.js';
import type { OnProgress } from '../core/operations/types.js';
import type { CellRef, CellValue } from '../core/review/types.js';
import type { InspectHost } from '../core/host/inspect.js';
import { ADDIN_VERSION, scratchToken, selfTestFlow } from '../core/selftest/index.js';
import type { CreateForm, HostBridge, ImportChoice, OnBridgeProgress, OperationOutcome } from './bridge.js';
import { isoDate } from './dates.js';

export { frameworkChoices, sortProblems, toOutcomeProblem as toBridgeProblem } from '../core/operations/outcome.js';

/** A random id for a new review (PR_Meta `reviewId`), where the browser offers one (every browser the pane runs in does). */
function newReviewId(): string | undefined {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return typeof c?.randomUUID === 'function' ? c.randomUUID() : undefined;
}

export interface SelectableHost extends Host {
  select(at: CellRef): Promise<void>;
}

async function guarded(work: () => Promise<OperationOutcome>): Promise<OperationOutcome> {
  try {
    return await work();
  } catch (e) {
    return errorOutcome(e);
  }
}

/** Where the pane runs, for the self-test's report (Excel: Office.context.diagnostics). */
export interface HostAbout {
  hostVersion: string;
  platform: string;
}

export function makeLocalBridge(
  host: SelectableHost & Partial<InspectHost>,
  hostName: string,
  clock: () => Date,
  about: () => HostAbout = () => ({ hostVersion: '', platform: '' }),
): HostBridge {
  const today = () => isoDate(clock());
  const progress = (onProgress?: OnBridgeProgress): OnProgress | undefined =>
    onProgress ? (e) => onProgress({ stage: e.stage, message: e.message }) : undefined;

  const bridge: HostBridge = {
    hostName,

    async frameworks() {
      return frameworkChoices();
    },

    create(form: CreateForm, onProgress?: OnBridgeProgress) {
      return guarded(async () => (await runCreate(host, createRequest(form, today(), newReviewId()), progress(onProgress))).outcome);
    },

    check(onProgress?: OnBridgeProgress) {
      return guarded(async () => (await runCheck(host, today(), progress(onProgress))).outcome);
    },

    summarise(onProgress?: OnBridgeProgress) {
      return guarded(async () => (await runSummarise(host, { today: today() }, progress(onProgress))).outcome);
    },

    plan(onProgress?: OnBridgeProgress) {
      return guarded(async () => (await runPlan(host, { today: today() }, progress(onProgress))).outcome);
    },

    importResponses(table: CellValue[][], choice: ImportChoice, onProgress?: OnBridgeProgress) {
      return guarded(
        async () => (await runImport(host, table, today(), progress(onProgress), { preferExport: choice.preferExport === true })).outcome,
      );
    },

    buildLspPlan(sources: LspSource[], onProgress?: OnBridgeProgress) {
      return guarded(() => driveAsync(lspPlanPaneFlow(sources, today()), host, progress(onProgress)));
    },

    async report(onProgress?: OnBridgeProgress) {
      try {
        return await driveAsync(reportFlow({ today: today() }), host, progress(onProgress));
      } catch (e) {
        return reportErrorOutcome(e);
      }
    },

    select(at: CellRef) {
      return host.select(at);
    },
  };
  if (host.inspect && host.remove) {
    bridge.selfTest = () => {
      const now = clock();
      const env = { host: hostName, ...about(), addinVersion: ADDIN_VERSION, startedAt: now.toISOString() };
      return driveAsync(selfTestFlow({ env, today: isoDate(now), token: scratchToken(now) }), host);
    };
  }
  return bridge;
}
