/**
 * The task pane: one React UI for Excel, Google Sheets and the browser preview, talking only to a `HostBridge`.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { BridgeProblem, CreateForm, FrameworkChoice, HostBridge, OperationOutcome } from './bridge.js';
import { defaultCycle, isoDate } from './dates.js';
import { errorOutcome } from './errors.js';
import { CreateReviewForm } from './components/CreateReviewForm.js';
import { OutcomeMessage } from './components/OutcomeMessage.js';
import { PaneHeader } from './components/PaneHeader.js';
import { PaneSection } from './components/PaneSection.js';
import { ProblemList } from './components/ProblemList.js';
import { ReviewActions, type ActionKind } from './components/ReviewActions.js';
import { ImportResponsesForm } from './components/ImportResponsesForm.js';
import { ImportResult } from './components/ImportResult.js';
import { readImportFile } from './import-file.js';
import { LspPlanForm } from './components/LspPlanForm.js';
import { WorkingStatus } from './components/WorkingStatus.js';
import { SelfTestPanel } from './components/SelfTestPanel.js';
import { downloadReport, type SavedReport } from './report-download.js';
import { TAB } from '../core/sheet-plan/layout.js';
import { PREVIOUS_ROWS } from '../core/sheet-plan/previous.js';

/**
 * "Compare with last review…" (issue #11): the pane cannot open another workbook, so it goes to the Previous Review
 * tab and says what to paste there; Build summary then compares with it until the means are cleared.
 */
export const COMPARE_HELP = `Paste last cycle's means into column C of the ${TAB.previous} tab (selected now), in the order of column A — items, then sections, then Overall (a tracker or risk register: its themes, then Overall) — and last cycle's name beside "Previous cycle". To carry last cycle's actions forward, copy its ${TAB.plan} rows below the rows of this one and type last cycle's name in their "Carried from" column. Then choose Build summary: the Summary compares with these means until you clear them, and lists last cycle's actions with "Achieved?" and "Carry forward?". From the command line, summarise --previous does both from last cycle's workbook.`;

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  feedback: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
  },
});

/** What the pane says while each operation runs, before the bridge reports progress of its own. */
export const WORKING: Record<ActionKind, string> = {
  create: 'Creating the review…',
  import: 'Importing the responses…',
  check: 'Checking the entries…',
  summarise: 'Building the summary…',
  plan: 'Drafting the improvement plan…',
  report: 'Writing the report…',
  lspPlan: 'Reading the reviews…',
};

export interface AppProps {
  bridge: HostBridge;
  /** the clock, read only here at the edge (for the default cycle) */
  clock: () => Date;
}

export function App({ bridge, clock }: AppProps) {
  const styles = useStyles();
  const [frameworks, setFrameworks] = useState<FrameworkChoice[] | null>(null);
  const [busy, setBusy] = useState<ActionKind | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<OperationOutcome | null>(null);
  const [problems, setProblems] = useState<BridgeProblem[]>([]);
  const cycle = useMemo(() => defaultCycle(clock()), [clock]);
  const running = useRef(false);
  const [createOpen, setCreateOpen] = useState(true);
  const feedback = useRef<HTMLDivElement>(null);
  const [saved, setSaved] = useState<SavedReport | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [lspOpen, setLspOpen] = useState(false);

  useEffect(() => {
    let live = true;
    bridge.frameworks().then(
      (list) => live && setFrameworks(list),
      (e: unknown) => {
        if (!live) return;
        setFrameworks([]);
        setOutcome(errorOutcome(e));
      },
    );
    return () => {
      live = false;
    };
  }, [bridge]);

  const run = useCallback(async (kind: ActionKind, work: (onProgress: (e: { message: string }) => void) => Promise<OperationOutcome>) => {
    if (running.current) return; // one operation at a time
    running.current = true;
    setBusy(kind);
    setProgress(WORKING[kind]);
    try {
      const o = await work((e) => setProgress(e.message));
      setOutcome(o);
      // a new check replaces the list; other operations show their own problems, or keep the list when they have none
      if (kind === 'check' || kind === 'create' || o.problems.length > 0) setProblems(o.problems);
      // once the review exists, fold the form away so the actions and their results stay in view
      if (kind === 'create' && o.ok) setCreateOpen(false);
    } catch (e) {
      setOutcome(errorOutcome(e));
    } finally {
      running.current = false;
      setBusy(null);
      setProgress(null);
      requestAnimationFrame(() => feedback.current?.scrollIntoView({ block: 'nearest' }));
    }
  }, []);

  const onCreate = (form: CreateForm) => void run('create', (p) => bridge.create(form, p));
  const onReport = () =>
    void run('report', async (p) => {
      const o = await bridge.report(p);
      if (!o.ok || !o.report) return o;
      const file = await downloadReport(o.report, o.fileName);
      setSaved((old) => {
        if (old) URL.revokeObjectURL(old.url);
        return file;
      });
      return { ...o, message: `${o.message} If it did not download, use the link below.` };
    });
  // the pane reads the file and hands the table over; what it means is core's, on the host's side of the bridge
  const onImport = (file: File, preferExport: boolean) =>
    void run('import', async (p) => bridge.importResponses(await readImportFile(file), { preferExport }, p));
  // the pane reads the review files and works out each one's rows (its own chunk, loaded now); the host merges them
  const onBuildLsp = (files: File[]) =>
    void run('lspPlan', async (p) => {
      const { readReviewSources } = await import('./lsp-review-files.js');
      const sources = await readReviewSources(files, isoDate(clock()));
      return bridge.buildLspPlan(sources, p);
    });
  const onAction = (kind: 'check' | 'summarise' | 'plan' | 'report') =>
    kind === 'report'
      ? onReport()
      : void run(kind, (p) => (kind === 'check' ? bridge.check(p) : kind === 'summarise' ? bridge.summarise(p) : bridge.plan(p)));
  const onCompare = () => {
    bridge.select({ sheet: TAB.previous, row: PREVIOUS_ROWS.firstData, col: 3 }).then(
      () => setOutcome({ ok: true, message: COMPARE_HELP, problems: [], tabsWritten: [] }),
      (e: unknown) => {
        const o = errorOutcome(e);
        setOutcome({ ...o, message: `Could not go to the ${TAB.previous} tab. ${o.message}` });
      },
    );
  };
  const onChoose = (p: BridgeProblem) => {
    if (!p.at) return;
    bridge.select(p.at).catch((e: unknown) => {
      const o = errorOutcome(e);
      setOutcome({ ...o, message: `Could not go to ${p.cell}. ${o.message}` });
    });
  };

  return (
    <div className={styles.pane} aria-busy={busy !== null}>
      <PaneHeader hostName={bridge.hostName} />
      <main>
        <PaneSection
          id="create"
          title="Create review"
          intro={createOpen ? 'Set up the tabs for a new review in this workbook.' : 'Open to set up another review.'}
          collapsible={{ open: createOpen, onToggle: () => setCreateOpen((o) => !o) }}
        >
          <CreateReviewForm frameworks={frameworks} defaultCycle={cycle} busy={busy !== null} onCreate={onCreate} />
        </PaneSection>
        <PaneSection id="review" title="Review" intro="When people have typed their scores, or to bring them in from a form:">
          <ReviewActions
            busy={busy !== null}
            onAction={onAction}
            onCompare={onCompare}
            importToggle={{
              open: importOpen,
              onToggle: () => setImportOpen((o) => !o),
              controls: 'import-form',
              form: <ImportResponsesForm id="import-form" busy={busy !== null} onImport={onImport} />,
            }}
          />
        </PaneSection>
        <PaneSection
          id="lsp-plan"
          title="Build the LSP improvement plan…"
          intro="Pull the Improvement Plans of several reviews into one plan, in this workbook."
          collapsible={{ open: lspOpen, onToggle: () => setLspOpen((o) => !o) }}
        >
          <LspPlanForm id="lsp-plan-form" busy={busy !== null} onBuild={onBuildLsp} />
        </PaneSection>
        <div className={styles.feedback} ref={feedback}>
          <WorkingStatus message={progress} />
          <OutcomeMessage outcome={outcome} />
          <ImportResult
            imported={outcome?.imported}
            onChoose={(c) => onChoose({ severity: 'warning', cell: c.cell, message: c.line, at: c.at })}
          />
          {saved && (
            <a href={saved.url} download={saved.fileName} data-testid="report-link">
              Save {saved.fileName}
            </a>
          )}
          <ProblemList problems={problems} onChoose={onChoose} />
        </div>
      </main>
      <SelfTestPanel bridge={bridge} busy={busy !== null} />
    </div>
  );
}
