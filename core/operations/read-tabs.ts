/**
 * What every operation reads, in one `host.read`, so Excel needs one sync to read: every tab name layout 1 gives a
 * tab the reader uses (the input tabs, the register tabs of the built-in frameworks, the plan) plus the metadata tab.
 * The Summary and the Comments tab are read too (issue #11): before writing over them, core proves from their first
 * rows that the add-in made them. The Instructions are not read: the reader only needs to know they are there, which the list of tab names says.
 * A tab PR_Meta names outside this list (a custom framework's register, a renamed tab) is read by a second, small
 * read: see `moreTabsToRead` and `readReviewSnapshot` in run.ts.
 */
import { BUILTIN_INPUTS } from '../framework/catalogue.js';
import type { Snapshot } from '../host/types.js';
import { findTab, hasTabName } from '../reader/cells.js';
import { readMeta } from '../reader/meta.js';
import { TAB, type TabKey } from '../sheet-plan/layout.js';

/** The layout tabs whose contents the reader and the plan merge use. */
export const READ_KEYS: readonly TabKey[] = Object.freeze([
  'entry',
  'notes',
  'register',
  'groupSummary',
  'settings',
  'previous',
  'summary',
  'comments',
  'plan',
  'meta',
] as TabKey[]);

function names(): string[] {
  const out: string[] = [TAB.entry, TAB.notes];
  // the built-ins as written: their tab names are the same after parsing, and parsing all of them costs every command
  for (const f of BUILTIN_INPUTS) {
    if (f.register) {
      out.push(f.register.tab);
      if (f.register.groupSummary) out.push(f.register.groupSummary.tab);
    }
  }
  out.push(TAB.settings, TAB.previous, TAB.summary, TAB.comments, TAB.plan, TAB.meta);
  return out.filter((n, i) => out.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i);
}

export const READ_TABS: readonly string[] = Object.freeze(names());

/** Rows of the Summary and the Comments tab that carry the add-in's mark (ownership.ts: the title, the "Built by
 *  Partnership Review" line and the row after it): all core reads of them. */
export const MARK_ROWS = 3;

/** The tabs of the first read of which only the head is needed: the Summary and the Comments tab, rewritten whole,
 *  whose first rows prove the add-in made them (a Summary is most of a review's formulas: 1,100 for Hallmarks). */
const HEAD_KEYS = ['summary', 'comments'] as const satisfies readonly TabKey[];

/** Those tabs' names, with the rows read of each. */
export const READ_HEADS: Readonly<Record<string, number>> = Object.freeze(Object.fromEntries(HEAD_KEYS.map((k) => [TAB[k], MARK_ROWS])));

/**
 * Tabs PR_Meta names for a role the reader uses that the workbook has but the first read did not hold (a custom
 * framework's register, a tab PR_Meta records under another name): what a second read must fetch. Empty for a
 * workbook without a readable PR_Meta (the operation then says what is wrong).
 */
export function moreTabsToRead(snap: Snapshot): string[] {
  const metaTab = findTab(snap.tabs, TAB.meta);
  if (!metaTab) return [];
  let recorded: string[];
  let tabs: ReturnType<typeof readMeta>['meta']['tabs'];
  try {
    tabs = readMeta(metaTab).meta.tabs;
    recorded = READ_KEYS.map((k) => tabs[k]?.name).filter((n): n is string => typeof n === 'string');
  } catch {
    return []; // not a review workbook: the operation says so
  }
  const out: string[] = [];
  for (const n of recorded) {
    if (findTab(snap.tabs, n) || !hasTabName(snap.tabNames, n) || hasTabName(out, n)) continue;
    out.push(n);
  }
  // a tab read only in part (its head) that PR_Meta records for another role (a Responses tab renamed "Summary"):
  // read again whole
  const headed = Object.keys(READ_HEADS);
  for (const k of READ_KEYS) {
    const n = tabs[k]?.name;
    if ((HEAD_KEYS as readonly TabKey[]).includes(k) || n === undefined || !hasTabName(headed, n) || hasTabName(out, n)) continue;
    if (hasTabName(snap.tabNames, n)) out.push(n);
  }
  return out;
}
