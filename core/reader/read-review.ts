/**
 * A snapshot back into a review: PR_Meta identifies the workbook and its framework; each tab is found by name and
 * read through its hidden key row. Renamed, deleted or reordered tabs are Problems naming the tab and the fix,
 * never a crash; a workbook from another tool is a NotAReviewError.
 */
import { IMPORT_KEYS } from '../import/identity.js';
import { builtinFrameworkIds, builtinFrameworkJson, getFramework, isBuiltinFrameworkId } from '../framework/catalogue.js';
import { FrameworkSchema, type Framework } from '../framework/schema.js';
import type { Snapshot, TabSnapshot } from '../host/types.js';
import { NotAReviewError } from '../operations/types.js';
import type { ReviewData } from '../review/types.js';
import { ENTRY_ROWS, GROUP_KEY, TAB, TABLE_ROWS, entryColumns, registerColumns, tabOrder, type TabKey } from '../sheet-plan/layout.js';
import type { MetaModel } from '../sheet-plan/meta.js';
import { PREVIOUS_KEYS, PREVIOUS_ROWS } from '../sheet-plan/previous.js';
import { notesColumns } from '../sheet-plan/workshop-notes.js';
import type { Problem } from '../validation/types.js';
import { findTab, hasTabName } from './cells.js';
import { locateTable, type FoundTable } from './locate.js';
import { readMeta, type MetaRead } from './meta.js';
import { readNotes } from './notes.js';
import { locatePlan } from './plan-rows.js';
import { readPrevious } from './previous.js';
import { readGroupSummaries, readRegister } from './register.js';
import { readResponses } from './responses.js';
import { readSettings } from './settings.js';

export interface ReviewLayout {
  meta: MetaModel;
  revisionAt: MetaRead['revisionAt'];
  /** every tab in the workbook, in order */
  tabNames: string[];
  /** the name each layout tab has in this workbook (only tabs that exist) */
  present: Partial<Record<TabKey, string>>;
  /** layout tabs that are missing: role and the name layout 1 gives it */
  missing: { key: TabKey; name: string }[];
  entry: FoundTable | null;
  notes: FoundTable | null;
  register: FoundTable | null;
  groupSummary: FoundTable | null;
  previous: FoundTable | null;
  plan: FoundTable | null;
}

export interface ReadResult {
  framework: Framework;
  review: ReviewData;
  layout: ReviewLayout;
  problems: Problem[];
}

const INPUT_TABS: TabKey[] = ['entry', 'notes', 'register', 'groupSummary', 'settings', 'previous'];
const NO_META =
  'This workbook was not made by Partnership Review (no PR_Meta tab). Create a review with the add-in (Create review) or `partnership-review new`, or import your answers with `partnership-review import`.';

function loadFramework(meta: MetaModel, problems: Problem[]): Framework {
  if (meta.frameworkJson !== null) {
    // the framework as the add-in stored it from a built-in, unchanged: that built-in (already checked)
    const id = meta.frameworkId.trim();
    if (builtinFrameworkIds().includes(id) && meta.frameworkJson === builtinFrameworkJson(id)) return getFramework(id);
    let parsed: unknown;
    let error = '';
    try {
      parsed = JSON.parse(meta.frameworkJson);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (!error) {
      const r = FrameworkSchema.safeParse(parsed);
      if (r.success) return r.data;
      error = r.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    }
    if (isBuiltinFrameworkId(meta.frameworkId)) {
      problems.push({
        severity: 'warning',
        code: 'meta.framework-json',
        at: null,
        message: `The framework stored on ${TAB.meta} could not be read (${error}), so the built-in “${meta.frameworkId}” was used. If the review used a changed framework, check the figures.`,
      });
      return getFramework(meta.frameworkId);
    }
    throw new NotAReviewError(
      `The framework stored on the ${TAB.meta} tab could not be read (${error}). Restore ${TAB.meta} from an earlier version of the workbook (version history), or create a new review and import the answers.`,
    );
  }
  if (isBuiltinFrameworkId(meta.frameworkId)) return getFramework(meta.frameworkId.trim());
  throw new NotAReviewError(
    `The ${TAB.meta} tab names the framework “${meta.frameworkId}”, which is not built in and not stored in the workbook. Restore ${TAB.meta} from an earlier version of the workbook, or create a new review and import the answers.`,
  );
}

function missingTabProblem(key: TabKey, name: string, unknownTabs: string[], inDepth: boolean): Problem {
  const what: Record<string, string> = {
    entry: 'the answers',
    notes: 'the workshop notes',
    register: 'the register rows',
    groupSummary: 'the review of each group',
    settings: 'the cycle and partnerships',
    previous: 'the previous review',
  };
  const renamed =
    unknownTabs.length > 0
      ? ` If it was renamed (this workbook also has ${unknownTabs.map((t) => `“${t}”`).join(', ')}), rename it back to “${name}”.`
      : '';
  const deleted =
    key === 'settings' && inDepth
      ? ' If it was deleted, the review still works without it, but which criteria are due an in-depth review cannot be checked: restore it (Undo, or version history) to check them.'
      : key === 'settings' || key === 'previous'
        ? ' If it was deleted, the review still works without it.'
        : ' If it was deleted, restore it (Undo, or version history) or create a new review and import the answers.';
  const severity = key === 'entry' || key === 'register' ? 'error' : 'warning';
  return {
    severity,
    code: 'layout.missing-tab',
    at: null,
    message: `The tab “${name}” is missing, so ${what[key] ?? 'its contents'} cannot be read.${renamed}${deleted}`,
  };
}

/**
 * The name of each layout tab in this workbook: the one PR_Meta records, or — when no tab has that name but one has
 * the name layout 1 gives the tab (PR_Meta edited, or copied from another workbook) — that one, with a warning. So a
 * tab people still have is read, and its rows are never taken for a new, empty tab and written over.
 */
export function tabNamesFor(
  expected: { key: TabKey; name: string }[],
  meta: MetaModel,
  tabNames: string[],
  problems: Problem[],
): Map<TabKey, string> {
  const names = new Map<TabKey, string>();
  const recorded = new Set(expected.map((t) => (meta.tabs[t.key]?.name ?? t.name).toLowerCase()));
  for (const t of expected) {
    const named = meta.tabs[t.key]?.name;
    if (named === undefined || named.toLowerCase() === t.name.toLowerCase() || hasTabName(tabNames, named)) {
      names.set(t.key, named ?? t.name);
      continue;
    }
    // the default name is free to take: the workbook has it, and PR_Meta gives it to no other tab
    if (hasTabName(tabNames, t.name) && !recorded.has(t.name.toLowerCase())) {
      names.set(t.key, t.name);
      if (t.key !== 'meta') {
        problems.push({
          severity: 'warning',
          code: 'meta.tab-name',
          at: null,
          message: `${TAB.meta} records the tab “${named}”, which this workbook does not have, so the tab “${t.name}” was read in its place. If “${named}” was renamed, nothing needs doing: the add-in now records “${t.name}”.`,
        });
      }
    } else names.set(t.key, named);
  }
  return names;
}

const ROLE: Record<TabKey, string> = {
  instructions: 'instructions',
  entry: 'answers',
  notes: 'workshop notes',
  register: 'register',
  groupSummary: 'review of each group',
  settings: 'review settings',
  previous: 'previous review',
  summary: 'Summary',
  comments: 'Comments',
  plan: 'Improvement Plan',
  meta: 'metadata',
};

/**
 * PR_Meta's pointers must name a different tab for each role: a generated tab (Summary, Improvement Plan, metadata)
 * recorded as the same tab as the answers or another role is an error, so nothing is ever written over an input tab.
 */
function pointerProblems(names: Map<TabKey, string>, expected: { key: TabKey; name: string }[], problems: Problem[]): void {
  const byName = new Map<string, TabKey[]>();
  for (const [k, n] of names) byName.set(n.toLowerCase(), [...(byName.get(n.toLowerCase()) ?? []), k]);
  for (const keys of byName.values()) {
    if (keys.length < 2) continue;
    const name = names.get(keys[0]!)!;
    // the role whose pointer is wrong: the one whose layout name is not this tab's
    const wrong = keys.find((k) => expected.find((t) => t.key === k)?.name.toLowerCase() !== name.toLowerCase()) ?? keys[1]!;
    const others = keys.filter((k) => k !== wrong).map((k) => ROLE[k]);
    const layoutName = expected.find((t) => t.key === wrong)?.name ?? wrong;
    problems.push({
      severity: 'error',
      code: 'meta.pointer',
      at: null,
      message: `The hidden ${TAB.meta} tab names “${name}” as the ${ROLE[wrong]} tab, but “${name}” is the ${others.join(' and ')} tab, so the add-in will not write to this workbook. Unhide ${TAB.meta} and set the value of “tab:${wrong}” back to “${layoutName}” (or restore the workbook from version history).`,
    });
  }
}

export function readReview(snapshot: Snapshot): ReadResult {
  const metaTab = findTab(snapshot.tabs, TAB.meta);
  if (!metaTab) {
    if (hasTabName(snapshot.tabNames, TAB.meta))
      throw new NotAReviewError(`The ${TAB.meta} tab could not be read. Close other copies of the workbook and try again.`);
    throw new NotAReviewError(NO_META);
  }
  const problems: Problem[] = [];
  const metaRead = readMeta(metaTab);
  const meta = metaRead.meta;
  for (const k of metaRead.unreadable) {
    problems.push({
      severity: 'warning',
      code: 'meta.unreadable',
      at: null,
      message: `The value of “${k}” on the hidden ${TAB.meta} tab could not be read. Do not edit ${TAB.meta}; restore it from an earlier version if it was changed.`,
    });
  }
  const framework = loadFramework(meta, problems);
  const expected = tabOrder(framework);
  const names = tabNamesFor(expected, meta, snapshot.tabNames, problems);
  pointerProblems(names, expected, problems);
  const known = new Set([...names.values(), ...expected.map((t) => t.name)].map((n) => n.toLowerCase()));
  const unknownTabs = snapshot.tabNames.filter((n) => !known.has(n.toLowerCase()));

  const present: Partial<Record<TabKey, string>> = {};
  const missing: { key: TabKey; name: string }[] = [];
  const tabFor = (key: TabKey): TabSnapshot | undefined => {
    const name = names.get(key);
    if (!name) return undefined;
    const t = findTab(snapshot.tabs, name);
    if (t) present[key] = t.name;
    else if (hasTabName(snapshot.tabNames, name)) present[key] = snapshot.tabNames.find((n) => n.toLowerCase() === name.toLowerCase())!;
    else missing.push({ key, name });
    return t;
  };

  for (const t of expected) if (t.key !== 'meta') tabFor(t.key);
  present.meta = metaTab.name;
  for (const m of missing) {
    if (!INPUT_TABS.includes(m.key)) continue;
    // a tracker or risk workbook made before they had a Previous Review tab (issue #16) never had one to miss
    if (m.key === 'previous' && !meta.tabs.previous) continue;
    problems.push(missingTabProblem(m.key, m.name, unknownTabs, framework.inDepth !== undefined));
  }

  const review: ReviewData = {
    settings: readSettings(findTab(snapshot.tabs, names.get('settings') ?? TAB.settings), framework, meta.cycle, problems),
    responses: [],
    sectionFreeText: [],
    register: [],
    groupSummaries: [],
    previous: null,
  };

  const layout: ReviewLayout = {
    meta,
    revisionAt: metaRead.revisionAt,
    tabNames: [...snapshot.tabNames],
    present,
    missing,
    entry: null,
    notes: null,
    register: null,
    groupSummary: null,
    previous: null,
    plan: null,
  };

  const entryTab = names.has('entry') ? findTab(snapshot.tabs, names.get('entry')!) : undefined;
  if (entryTab) {
    const cols = entryColumns(framework);
    const defaultCols: Record<string, number> = {};
    for (const c of cols) defaultCols[c.key] = c.col;
    const found = locateTable(
      entryTab,
      {
        keys: [...cols.map((c) => c.key), ...IMPORT_KEYS],
        optionalKeys: [...IMPORT_KEYS],
        anchor: 'respondent',
        ...(meta.tabs.entry ? { meta: meta.tabs.entry } : {}),
        defaultKeyRow: ENTRY_ROWS.key,
        defaultCols,
        strictColumns: true,
        purpose: 'the answers',
      },
      problems,
    );
    layout.entry = found;
    review.responses = readResponses(entryTab, found, framework);
  }

  const notesTab = names.has('notes') ? findTab(snapshot.tabs, names.get('notes')!) : undefined;
  if (notesTab) {
    const cols = notesColumns(framework);
    const defaultCols: Record<string, number> = {};
    for (const c of cols) defaultCols[c.key] = c.col;
    const found = locateTable(
      notesTab,
      {
        keys: cols.map((c) => c.key),
        anchor: 'section',
        ...(meta.tabs.notes ? { meta: meta.tabs.notes } : {}),
        defaultKeyRow: TABLE_ROWS.key,
        defaultCols,
        strictColumns: false,
        purpose: 'the workshop notes',
      },
      problems,
    );
    layout.notes = found;
    review.sectionFreeText = readNotes(notesTab, found, framework, problems);
  }

  const reg = framework.register;
  if (reg) {
    const regTab = findTab(snapshot.tabs, names.get('register') ?? reg.tab);
    if (regTab) {
      const cols = registerColumns(reg.columns, reg.groupLabel);
      const defaultCols: Record<string, number> = {};
      for (const c of cols) defaultCols[c.key] = c.col;
      const anchor = cols.find((c) => c.type === 'group')?.key ?? GROUP_KEY;
      const found = locateTable(
        regTab,
        {
          keys: cols.map((c) => c.key),
          anchor,
          ...(meta.tabs.register ? { meta: meta.tabs.register } : {}),
          defaultKeyRow: TABLE_ROWS.key,
          defaultCols,
          strictColumns: true,
          purpose: 'the register rows',
        },
        problems,
      );
      layout.register = found;
      review.register = readRegister(regTab, found, framework);
    }
    if (reg.groupSummary) {
      const gsTab = findTab(snapshot.tabs, names.get('groupSummary') ?? reg.groupSummary.tab);
      if (gsTab) {
        const cols = registerColumns(reg.groupSummary.columns, reg.groupLabel);
        const defaultCols: Record<string, number> = {};
        for (const c of cols) defaultCols[c.key] = c.col;
        const anchor = cols.find((c) => c.type === 'group')?.key ?? GROUP_KEY;
        const found = locateTable(
          gsTab,
          {
            keys: cols.map((c) => c.key),
            anchor,
            ...(meta.tabs.groupSummary ? { meta: meta.tabs.groupSummary } : {}),
            defaultKeyRow: TABLE_ROWS.key,
            defaultCols,
            strictColumns: false,
            purpose: 'the review of each group',
          },
          problems,
        );
        layout.groupSummary = found;
        review.groupSummaries = readGroupSummaries(gsTab, found, framework);
      }
    }
  }

  const prevTab = names.has('previous') ? findTab(snapshot.tabs, names.get('previous')!) : undefined;
  if (prevTab) {
    const defaultCols: Record<string, number> = {};
    PREVIOUS_KEYS.forEach((k, i) => (defaultCols[k] = i + 1));
    const found = locateTable(
      prevTab,
      {
        keys: [...PREVIOUS_KEYS],
        anchor: 'id',
        ...(meta.tabs.previous ? { meta: meta.tabs.previous } : {}),
        defaultKeyRow: PREVIOUS_ROWS.key,
        defaultCols,
        strictColumns: false,
        purpose: 'the previous means',
      },
      problems,
    );
    layout.previous = found;
    review.previous = readPrevious(prevTab, found, framework, problems);
  }

  const planTab = findTab(snapshot.tabs, names.get('plan') ?? TAB.plan);
  if (planTab) layout.plan = locatePlan(planTab, meta.tabs.plan, problems);

  return { framework, review, layout, problems };
}
