/**
 * Proof, before any write, that each tab the add-in will write over is one it made (issue #11).
 *
 * - Summary and Comments (rewritten whole): their first rows carry the add-in's marker — the title and the line
 *   "Built by Partnership Review on …" — and PR_Meta records a fingerprint of those cells as last written
 *   (`mark:summary`, `mark:comments`). The tab is written over only when its cells still give that fingerprint (or,
 *   in a workbook written before marks were recorded, when the "Built by Partnership Review" line is there).
 * - Improvement Plan (generated cells rewritten, people's rows kept): its hidden key row (ref … draftHash) is the
 *   marker, fingerprinted the same way in PR_Meta (`mark:plan`).
 * - PR_Meta: proven by reading it (it names the product and layout).
 * - A tab the add-in creates is created (`mode: 'create'`), never written over: a host refuses if one appeared.
 * - PR_Meta's pointers never name an input tab for a generated role (the reader reports `meta.pointer`).
 * Otherwise the operation refuses, naming the tab and the fix, and nothing is written. The rule is core's, so it is
 * the same on every host.
 */
import type { Snapshot, TabSnapshot } from '../host/types.js';
import type { CellValue } from '../review/types.js';
import { findTab, hasTabName, textOf } from '../reader/cells.js';
import type { ReadResult } from '../reader/read-review.js';
import type { FoundTable } from '../reader/locate.js';
import { TAB } from '../sheet-plan/layout.js';
import type { MarkedTab } from '../sheet-plan/meta.js';
import type { SheetPlan, TabPlan } from '../sheet-plan/types.js';
import { fnv1a } from '../util/hash.js';
import { MARK_ROWS } from './read-tabs.js';
import { ReviewRequestError } from './types.js';

const BUILT_BY = 'Built by Partnership Review';

function markText(v: CellValue | undefined): string {
  return textOf(v ?? null)
    .replace(/\r\n?/g, '\n')
    .trim();
}

/** The Summary's mark from a cell getter (the plan about to be written, or the tab as read). */
export function summaryMark(get: (row: number, col: number) => CellValue | undefined): string {
  return builtMark('summary', get);
}

/** The mark of a tab rebuilt whole (Summary, Comments): its kind and its first rows. */
export function builtMark(kind: 'summary' | 'comments', get: (row: number, col: number) => CellValue | undefined): string {
  const parts: string[] = [kind];
  for (let r = 1; r <= MARK_ROWS; r++) parts.push(markText(get(r, 1)));
  return fnv1a(parts.join('\u001f'));
}

/** The plan's mark: its hidden key row, in column order. */
export function planMark(keys: string[]): string {
  return fnv1a(['plan', ...keys.map((k) => k.trim())].join('\u001f'));
}

/** A cell of a tab plan's blocks (null when no block covers it). */
export function planCell(tab: TabPlan, row: number, col: number): CellValue | undefined {
  for (const b of tab.blocks) {
    const r = row - b.row;
    const c = col - b.col;
    if (r < 0 || c < 0 || r >= b.cells.length || c >= (b.cells[r]?.length ?? 0)) continue;
    const cell = b.cells[r]![c]!;
    return 'v' in cell ? cell.v : null;
  }
  return undefined;
}

function snapCell(tab: TabSnapshot, row: number, col: number): CellValue {
  return tab.values[row - 1]?.[col - 1] ?? null;
}

/** The plan tab's key row as found (keys in column order, blanks dropped). */
export function planKeysOf(tab: TabSnapshot, found: FoundTable): string[] {
  if (found.keyRow <= 0) return [];
  const row = tab.values[found.keyRow - 1] ?? [];
  return row.map((v) => markText(v)).filter((k) => k !== '');
}

/** The plan tab's key row once `tab` is written: as read, with any key cells the plan adds (carry columns, issue #16). */
function planKeysAfter(snap: TabSnapshot, found: FoundTable, tab: TabPlan): string[] {
  if (found.keyRow <= 0) return [];
  const row = [...(snap.values[found.keyRow - 1] ?? [])];
  for (const b of tab.blocks) {
    const r = found.keyRow - b.row;
    if (r < 0 || r >= b.cells.length) continue;
    b.cells[r]!.forEach((cell, i) => {
      if ('v' in cell) row[b.col - 1 + i] = cell.v;
    });
  }
  return row.map((v) => markText(v ?? null)).filter((k) => k !== '');
}

function refuse(name: string, what: string, why: string): never {
  throw new ReviewRequestError(
    `The tab “${name}” ${why}, so it was not written over and nothing was changed. If “${name}” is your own tab, rename it (for example “${name} (notes)”) and run again: the add-in then makes a new ${what} beside it. If it is the add-in's ${what} and holds nothing you want to keep, delete it and run again.`,
  );
}

/**
 * Throws unless every tab `plan` writes over is proven the add-in's. `read` is the reader's result for `snapshot`.
 * A tab the plan creates must not exist yet (hosts also refuse); a tab it updates or replaces must be proven.
 */
export function proveTabsWritable(read: ReadResult, snapshot: Snapshot, plan: SheetPlan): void {
  const pointer = read.problems.find((p) => p.code === 'meta.pointer');
  if (pointer) throw new ReviewRequestError(`${pointer.message} Nothing was written.`);
  const marks = read.layout.meta.marks ?? {};
  for (const tab of plan.tabs) {
    const exists = hasTabName(snapshot.tabNames, tab.name);
    if (tab.mode === 'create') {
      if (exists)
        throw new ReviewRequestError(
          `This workbook already has a tab named “${tab.name}”, so the add-in did not write its own over it. Rename that tab and run again. Nothing was written.`,
        );
      continue;
    }
    if (!exists) continue;
    if (tab.role === 'summary') proveBuilt(tab.name, findTab(snapshot.tabs, tab.name), marks.summary, 'summary');
    else if (tab.role === 'comments') proveBuilt(tab.name, findTab(snapshot.tabs, tab.name), marks.comments, 'comments');
    else if (tab.role === 'plan') provePlan(tab.name, findTab(snapshot.tabs, tab.name), read.layout.plan, marks.plan);
    else if (tab.role === 'meta') {
      if (tab.name.toLowerCase() !== (read.layout.present.meta ?? TAB.meta).toLowerCase())
        refuse(tab.name, 'metadata tab', 'is not the metadata tab this workbook was read from');
    } else if (tab.role === 'entry') {
      const entry = read.layout.entry;
      if (!entry || entry.name.toLowerCase() !== tab.name.toLowerCase() || entry.keyRow <= 0)
        refuse(tab.name, 'Responses tab', 'does not have the hidden key row of a Responses tab');
    } else if (tab.role === 'previous' && tab.mode === 'update') {
      // filled from last cycle's workbook: only the Previous Review tab the reader found by its key row
      const prev = read.layout.previous;
      if (!prev || prev.name.toLowerCase() !== tab.name.toLowerCase() || prev.keyRow <= 0)
        refuse(tab.name, 'Previous Review tab', 'does not have the hidden key row of a Previous Review tab');
    } else if (tab.mode === 'replace') {
      refuse(tab.name, 'tab', 'is already in the workbook');
    }
  }
}

function proveBuilt(name: string, tab: TabSnapshot | undefined, recorded: string | undefined, kind: 'summary' | 'comments'): void {
  const what = kind === 'summary' ? 'Summary' : 'Comments tab';
  if (!tab)
    throw new ReviewRequestError(
      `The tab “${name}” could not be read, so it was not written over and nothing was changed. Close other copies of the workbook and try again.`,
    );
  const get = (r: number, c: number) => snapCell(tab, r, c);
  if (recorded !== undefined) {
    if (builtMark(kind, get) === recorded) return;
    refuse(
      name,
      what,
      `does not carry the mark the add-in left on the ${what} it built (its first rows were changed, or it is another tab given this name)`,
    );
  }
  // a workbook from before marks were recorded: the line the add-in writes on every Summary and Comments tab
  for (let r = 1; r <= MARK_ROWS; r++) if (markText(get(r, 1)).startsWith(BUILT_BY)) return;
  refuse(name, what, `does not say “${BUILT_BY} on …” in its first rows, as every ${what} the add-in builds does`);
}

function provePlan(name: string, tab: TabSnapshot | undefined, found: FoundTable | null, recorded: string | undefined): void {
  if (!tab || !found)
    throw new ReviewRequestError(
      `The tab “${name}” could not be read, so it was not written over and nothing was changed. Close other copies of the workbook and try again.`,
    );
  const keys = planKeysOf(tab, found);
  if (found.keyRow <= 0 || !keys.includes('ref') || !keys.includes('draftHash')) {
    refuse(name, 'Improvement Plan', 'does not have the hidden key row of an Improvement Plan (the row naming ref … draftHash)');
  }
  if (recorded !== undefined && planMark(keys) !== recorded) {
    refuse(name, 'Improvement Plan', 'has a hidden key row that differs from the one the add-in recorded for its Improvement Plan');
  }
}

/** The marks to record in PR_Meta for what `plan` leaves on each marked tab. */
export function marksAfter(plan: SheetPlan, read: ReadResult, snapshot: Snapshot): Partial<Record<MarkedTab, string>> {
  const out: Partial<Record<MarkedTab, string>> = { ...(read.layout.meta.marks ?? {}) };
  for (const tab of plan.tabs) {
    if (tab.role === 'summary') out.summary = summaryMark((r, c) => planCell(tab, r, c));
    if (tab.role === 'comments') out.comments = builtMark('comments', (r, c) => planCell(tab, r, c));
    if (tab.role === 'plan') {
      if (tab.mode === 'create') {
        const keys: string[] = [];
        const keyRow = tab.blocks.find((b) => b.row === 1 && b.col === 1 && b.cells.length >= 4);
        for (const c of keyRow?.cells[3] ?? []) if ('v' in c && c.v !== null && String(c.v).trim() !== '') keys.push(String(c.v));
        out.plan = planMark(keys);
      } else {
        const snap = findTab(snapshot.tabs, tab.name);
        if (snap && read.layout.plan) out.plan = planMark(planKeysAfter(snap, read.layout.plan, tab));
      }
    }
  }
  return out;
}
