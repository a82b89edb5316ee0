/**
 * A `HostBridge` that runs the core operations in the page against any `Host`: the Office.js adapter inside Excel,
 * the in-memory workbook in the browser preview. It reads the clock here, at the edge, and turns what the core
 * returns into one en-GB sentence and a list of problems naming their cells. Errors never escape as a stack: they
 * become an outcome that says what is wrong and how to fix it.
 */
import './zod-no-eval.js'; // first: before any zod schema is built
import type { Host } from '../core/host/types.js';
import { frameworkSummaries } from '../core/framework/catalogue.js';
import { runCheck, runCreate, runPlan, runSummarise, type RunOutcome } from '../core/operations/run.js';
import type { CreateRequest, OnProgress } from '../core/operations/types.js';
import type { CellRef } from '../core/review/types.js';
import { TAB } from '../core/sheet-plan/layout.js';
import type { Problem } from '../core/validation/types.js';
import { cellLabel } from '../core/util/a1.js';
import type { BridgeProblem, CreateForm, FrameworkChoice, HostBridge, OnBridgeProgress, OperationOutcome } from './bridge.js';
import { isoDate } from './dates.js';
import { errorOutcome, sentence } from './errors.js';
import { checkedMessage, createdMessage, planMessage, summaryMessage } from './outcome-text.js';

export interface SelectableHost extends Host {
  select(at: CellRef): Promise<void>;
}

export function toBridgeProblem(p: Problem): BridgeProblem {
  return { severity: p.severity, cell: p.at ? cellLabel(p.at) : '', message: p.message, at: p.at };
}

/** Errors first, then warnings; each group in the order the core found them (sheet order). */
export function sortProblems(list: BridgeProblem[]): BridgeProblem[] {
  return [...list.filter((p) => p.severity === 'error'), ...list.filter((p) => p.severity === 'warning')];
}

/** What a host skipped (an Excel too old for a feature), added to the outcome sentence. */
function withWarnings(message: string, run: RunOutcome): string {
  const warnings = run.applied?.warnings ?? [];
  return warnings.length === 0 ? message : `${message} ${warnings.map(sentence).join(' ')}`;
}

export function frameworkChoices(): FrameworkChoice[] {
  return frameworkSummaries().map((f) => ({
    id: f.id,
    title: f.title,
    description: f.description,
    source: f.source.reference,
    items: f.items,
    multiplePartnerships: f.multiplePartnerships,
  }));
}

async function guarded(work: () => Promise<OperationOutcome>): Promise<OperationOutcome> {
  try {
    return await work();
  } catch (e) {
    return errorOutcome(e);
  }
}

export function makeLocalBridge(host: SelectableHost, hostName: string, clock: () => Date): HostBridge {
  const today = () => isoDate(clock());
  const progress = (onProgress?: OnBridgeProgress): OnProgress | undefined => (onProgress ? (e) => onProgress({ stage: e.stage, message: e.message }) : undefined);

  return {
    hostName,

    async frameworks() {
      return frameworkChoices();
    },

    create(form: CreateForm, onProgress?: OnBridgeProgress) {
      return guarded(async () => {
        const req: CreateRequest = {
          framework: form.frameworkId,
          partnerships: form.partnerships,
          respondents: form.respondents,
          ...(form.respondentCount !== undefined ? { respondentCount: form.respondentCount } : {}),
          cycle: form.cycle,
          protect: form.protect,
          today: today(),
        };
        const run = await runCreate(host, req, progress(onProgress));
        const entry = run.plan.tabs.find((t) => t.role === 'entry') ?? run.plan.tabs.find((t) => t.role === 'register');
        const respondents = form.respondents.length > 0 ? form.respondents.length : (form.respondentCount ?? 0);
        const message = createdMessage({ partnerships: form.partnerships, cycle: form.cycle, respondents, entryTab: entry?.name ?? null });
        return { ok: true, message: withWarnings(message, run), problems: [], tabsWritten: run.tabsWritten };
      });
    },

    check(onProgress?: OnBridgeProgress) {
      return guarded(async () => {
        const result = await runCheck(host, today(), progress(onProgress));
        const problems = sortProblems(result.problems.map(toBridgeProblem));
        const errors = problems.filter((p) => p.severity === 'error').length;
        return { ok: true, message: checkedMessage(errors, problems.length - errors), problems, tabsWritten: [] };
      });
    },

    summarise(onProgress?: OnBridgeProgress) {
      return guarded(async () => {
        const run = await runSummarise(host, { today: today() }, progress(onProgress));
        const s = run.summary;
        const planTab = run.plan.tabs.find((t) => t.role === 'plan')?.name ?? TAB.plan;
        const message = summaryMessage({ respondents: s.respondents, overallMean: s.overall.mean, rag: s.overall.rag, actions: s.plan.length, planTab });
        return { ok: true, message: withWarnings(message, run), problems: [], tabsWritten: run.tabsWritten };
      });
    },

    plan(onProgress?: OnBridgeProgress) {
      return guarded(async () => {
        const run = await runPlan(host, { today: today() }, progress(onProgress));
        const count = (o: string) => run.rows.filter((r) => r.origin === o).length;
        const planTab = run.plan.tabs.find((t) => t.role === 'plan')?.name ?? TAB.plan;
        const message = planMessage({
          drafted: count('drafted'),
          edited: count('edited'),
          added: count('added'),
          noLongerWeak: run.rows.filter((r) => r.sourceStillWeak === false).length,
          tab: planTab,
        });
        return { ok: true, message: withWarnings(message, run), problems: [], tabsWritten: run.tabsWritten };
      });
    },

    select(at: CellRef) {
      return host.select(at);
    },
  };
}
