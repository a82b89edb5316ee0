/**
 * Carrying last cycle's actions forward (issue #16; the 2004 review paper asks for "noting which target actions have
 * been achieved").
 *
 * `summarise --previous last.xlsx` reads last cycle's Improvement Plan rows as people left them (edits included) and
 * brings each into this cycle's plan, once:
 * - its Ref becomes "<last cycle's Ref> (<last cycle>)" ("Delivery – Crime (2025/26)"; a row with no Ref: "Row 9
 *   (2025/26)"), so it never collides with this cycle's drafted Refs; a row that was itself carried keeps its Ref;
 * - "Carried from" holds last cycle (e.g. "2025/26"): that cell is what marks a carried row, so rows a person pastes
 *   from last cycle's plan and marks the same way are carried rows too;
 * - its Status and every other plan cell as last cycle left them;
 * - "Achieved?" (Achieved / Partly achieved / Not achieved) and "Carry forward?" (Yes / No) are blank: the
 *   judgement is people's, the add-in never guesses it from the Status and never writes over it.
 * Rows last cycle closed — carried rows it marked Achieved (and not "Yes") or "No" — do not come forward again.
 *
 * Until someone decides, a carried row stays an open action (nothing is dropped silently): it is closed when
 * "Carry forward?" is No, or when "Achieved?" is Achieved and "Carry forward?" is not Yes. A closed row is noted on
 * the Summary and in the report, is not SMART-checked and is never re-drafted; a new weakness in the same area is
 * drafted as this cycle's own row. Carried rows persist on the Improvement Plan like any row: later runs keep them
 * (with or without --previous) until a person deletes them; a later --previous refreshes only a carried row nobody
 * touched (its fingerprint still matches), as for drafted rows.
 */
import type { CarryInfo, ImprovementAction, PlanRowRead } from './types.js';
import { planFields } from './merge.js';
import { nameKey } from '../scoring/names.js';

export const ACHIEVED_CHOICES = ['Achieved', 'Partly achieved', 'Not achieved'] as const;
export const CARRY_CHOICES = ['Yes', 'No'] as const;

export type Achieved = 'achieved' | 'partly' | 'not';

/** "Achieved", "partly achieved", "Partially achieved", "not achieved" (any case) → the judgement; else null. */
export function achievedOf(text: string): Achieved | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return null;
  if (/^(not|no)\b/.test(t)) return 'not';
  if (/^(partly|partially|part)\b/.test(t)) return 'partly';
  if (/^(achieved|yes|done|completed?)$/.test(t)) return 'achieved';
  return null;
}

/** "Yes"/"Y" → true, "No"/"N" → false, anything else (blank) → null: not decided. */
export function carryChoiceOf(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === 'yes' || t === 'y') return true;
  if (t === 'no' || t === 'n') return false;
  return null;
}

/** Whether a carried row is still an open action of this cycle (see the rules above). */
export function carriedOpen(carry: CarryInfo): boolean {
  const choice = carryChoiceOf(carry.carryForward);
  if (choice !== null) return choice;
  return achievedOf(carry.achieved) !== 'achieved';
}

/** What the "Source status" column says about a carried row. */
export function carriedStatusText(carry: CarryInfo): string {
  const from = carry.from.trim() || 'last cycle';
  const a = achievedOf(carry.achieved);
  const choice = carryChoiceOf(carry.carryForward);
  const judged = a === 'achieved' ? 'Achieved' : a === 'partly' ? 'Partly achieved' : a === 'not' ? 'Not achieved' : null;
  if (!judged) return `From the ${from} plan: achieved? Choose Achieved, Partly achieved or Not achieved`;
  if (choice === false) return `${judged} (${from}): not carried forward`;
  if (choice === true) return `${judged} (${from}): carried forward`;
  if (a === 'achieved') return `Achieved (${from}): noted, not carried forward`;
  return `${judged} (${from}): carry forward? Choose Yes or No`;
}

/** A row of last cycle's plan, ready to come forward. */
export interface CarriedDraft {
  row: ImprovementAction;
  carry: CarryInfo;
}

/**
 * The partnership a plan row of a review of several partnerships was drafted for, read from its Ref: drafted rows
 * are named "<area> – <partnership>" (core/plan/draft.ts), and a row carried before keeps that Ref with " (<cycle>)"
 * after it. Null when the Ref names none of `partnerships` (a person's row, or a review of one partnership).
 */
export function planRowPartnership(ref: string, partnerships: readonly string[]): string | null {
  const key = nameKey(ref);
  for (const p of partnerships) {
    if (nameKey(p) === '') continue;
    const needle = ` – ${nameKey(p)}`;
    const at = key.lastIndexOf(needle);
    if (at <= 0) continue;
    const rest = key.slice(at + needle.length);
    if (rest === '' || rest.startsWith(' (')) return p;
  }
  return null;
}

/** Which of last cycle's rows may come into this review: those of the partnerships it covers. */
export interface CarryScope {
  /** the partnerships last cycle's review listed */
  previous: readonly string[];
  /** the partnerships this review lists (empty: every row comes in) */
  current: readonly string[];
}

/** Rows of last cycle's plan left out because they were drafted for a partnership this review does not cover. */
export interface CarriedLeftOut {
  partnership: string;
  rows: number;
}

/**
 * Last cycle's plan rows as carried drafts: closed ones left behind, Refs made distinct and naming the cycle. With a
 * scope, a row drafted for a partnership this review does not cover stays behind (counted in `leftOut`), so a review
 * of one partnership never takes in another partnership's actions under its own name.
 */
export function carryDrafts(rows: PlanRowRead[], cycle: string, scope?: CarryScope, leftOut?: CarriedLeftOut[]): CarriedDraft[] {
  const from = cycle.trim() || 'last cycle';
  const out: CarriedDraft[] = [];
  const taken = new Set<string>();
  const covered = new Set((scope?.current ?? []).map(nameKey).filter((k) => k !== ''));
  const others = covered.size > 0 ? (scope?.previous ?? []).filter((p) => nameKey(p) !== '' && !covered.has(nameKey(p))) : [];
  for (const r of rows) {
    if (r.carry && !carriedOpen(r.carry)) continue;
    const elsewhere = others.length > 0 ? planRowPartnership(r.ref, others) : null;
    if (elsewhere !== null) {
      const seen = leftOut?.find((l) => nameKey(l.partnership) === nameKey(elsewhere));
      if (seen) seen.rows++;
      else leftOut?.push({ partnership: elsewhere, rows: 1 });
      continue;
    }
    const old = r.ref.trim();
    let ref = r.carry && old !== '' ? old : `${old === '' ? `Row ${r.at.row}` : old} (${from})`;
    if (taken.has(ref.toLowerCase())) ref = `${ref} – row ${r.at.row}`;
    taken.add(ref.toLowerCase());
    out.push({
      row: { ...planFields(r), ref },
      carry: { from, achieved: '', carryForward: '' },
    });
  }
  return out;
}

/** Last cycle's actions as the Summary and the report note them. */
export interface CarriedSummary {
  /** the cycle(s) they came from, as written in "Carried from" */
  from: string[];
  rows: {
    ref: string;
    heading: string;
    action: string;
    status: string;
    achieved: Achieved | null;
    carryForward: boolean | null;
    open: boolean;
  }[];
  achieved: number;
  partly: number;
  notAchieved: number;
  notAssessed: number;
  open: number;
}

export function carriedSummary(rows: (ImprovementAction & { carry?: CarryInfo })[]): CarriedSummary | null {
  const carried = rows.filter((r): r is ImprovementAction & { carry: CarryInfo } => !!r.carry);
  if (carried.length === 0) return null;
  const list = carried.map((r) => ({
    ref: r.ref,
    heading: r.heading,
    action: r.action,
    status: r.status,
    achieved: achievedOf(r.carry.achieved),
    carryForward: carryChoiceOf(r.carry.carryForward),
    open: carriedOpen(r.carry),
  }));
  return {
    from: [...new Set(carried.map((r) => r.carry.from.trim()).filter((f) => f !== ''))],
    rows: list,
    achieved: list.filter((r) => r.achieved === 'achieved').length,
    partly: list.filter((r) => r.achieved === 'partly').length,
    notAchieved: list.filter((r) => r.achieved === 'not').length,
    notAssessed: list.filter((r) => r.achieved === null).length,
    open: list.filter((r) => r.open).length,
  };
}

/** The judgement in words, as the workbook's dropdown offers it ('' when not given). */
export function achievedText(a: Achieved | null): string {
  return a === 'achieved' ? 'Achieved' : a === 'partly' ? 'Partly achieved' : a === 'not' ? 'Not achieved' : '';
}
