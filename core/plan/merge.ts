/**
 * Regenerating the Improvement Plan without losing anything a person wrote (issue #2).
 *
 * Rows already on the tab keep their order. For each:
 * - no ref, or no fingerprint (a person added it, whatever Ref they gave it) → kept word for word, origin 'added',
 *   sourceStillWeak null;
 * - ref drafted again and its cells still hash to the fingerprint stored with it (nobody touched it) → refreshed
 *   with the new draft, origin 'drafted', new fingerprint. The row keeps the dates it was first drafted with
 *   (date to be completed, progress report date, and the date quoted in the action), so rebuilding the plan on a
 *   later day does not quietly move the deadline; a deadline that passes shows up in the SMART check instead;
 * - ref drafted again but edited (cells differ from the fingerprint, or no fingerprint) → kept word for word,
 *   origin 'edited', fingerprint kept (so it stays 'edited' next time);
 * - ref no longer drafted (its source is not weak any more) → kept word for word, sourceStillWeak false: marked,
 *   never deleted;
 * - a second row with a ref already met above (a person copied a row) → kept word for word as a person's row:
 *   origin 'edited', never refreshed, so the copy is not overwritten with the same draft twice.
 * Then drafted refs not yet on the tab are appended in draft order, origin 'drafted'.
 * Rows carried forward from last cycle's plan (issue #16, ./carry.ts) — a row whose "Carried from" is not blank — are
 * never matched with this cycle's drafts by Ref. Each carried draft (`carried`, given only when last cycle's workbook
 * is) is matched with the carried row already on the tab of the same Ref, or whose fingerprint is the draft's: an
 * untouched one is refreshed from it (its plan columns only: "Achieved?" and "Carry forward?" are people's and never
 * written); an edited one, or one with no fingerprint (pasted by a person), is kept word for word. Carried drafts not
 * on the tab yet are appended. Carried rows already on the tab that no draft matches stay as they are.
 * `smart` is the SMART check of each row as it ends up; a closed carried row is not checked.
 */
import type { CarryInfo, ImprovementAction, PlanRowOut, PlanRowRead } from './types.js';
import { carriedOpen, type CarriedDraft } from './carry.js';
import { hashPlanRow } from '../util/hash.js';
import { smartText } from '../validation/plan-rows.js';
import { formatDateUk, isIsoDate, parseDate } from '../util/dates.js';

/** Only the plan's own fields of a row (a row read from a tab carries more). */
export function planFields(r: ImprovementAction): ImprovementAction {
  return {
    ref: r.ref,
    part: r.part,
    heading: r.heading,
    sourceItems: r.sourceItems,
    action: r.action,
    date: r.date,
    keyContact: r.keyContact,
    leadAgency: r.leadAgency,
    supportNeeded: r.supportNeeded,
    howSupportProvided: r.howSupportProvided,
    progressReportDate: r.progressReportDate,
    status: r.status,
  };
}

/** The new draft, but with the dates the untouched row already had. */
export function keepDates(draft: ImprovementAction, old: ImprovementAction): ImprovementAction {
  const r = { ...draft };
  for (const k of ['date', 'progressReportDate'] as const) {
    const was = parseDate(String(old[k] ?? '').trim());
    if (was === null || !isIsoDate(draft[k]) || was === draft[k]) continue;
    // only the date to be completed is quoted in the drafted action
    if (k === 'date') {
      const from = formatDateUk(draft[k]);
      const i = r.action.lastIndexOf(from);
      if (i >= 0) r.action = r.action.slice(0, i) + formatDateUk(was) + r.action.slice(i + from.length);
    }
    r[k] = was;
  }
  return r;
}

/** The SMART check of a closed carried row: it is no action of this cycle. */
export const CLOSED_CARRIED_SMART = 'Not checked: not carried forward';

export function mergePlan(
  existing: PlanRowRead[],
  drafted: ImprovementAction[],
  today: string,
  carried: CarriedDraft[] = [],
): PlanRowOut[] {
  const draftByRef = new Map<string, ImprovementAction>();
  for (const d of drafted) if (d.ref && !draftByRef.has(d.ref)) draftByRef.set(d.ref, d);
  const out: PlanRowOut[] = [];
  const placed = new Set<string>();
  const row = (
    a: ImprovementAction,
    origin: PlanRowOut['origin'],
    sourceStillWeak: boolean | null,
    draftHash: string,
    carry?: CarryInfo,
  ): PlanRowOut => ({
    ...planFields(a),
    origin,
    sourceStillWeak,
    smart: carry && !carriedOpen(carry) ? CLOSED_CARRIED_SMART : smartText(a, today),
    draftHash,
    ...(carry ? { carry } : {}),
  });
  // carried drafts by Ref and by fingerprint; each is used once
  const carriedHash = carried.map((c) => hashPlanRow(c.row));
  const carriedUsed = new Set<number>();
  const carriedFor = (e: PlanRowRead): number => {
    const ref = e.ref.trim().toLowerCase();
    let i = carried.findIndex((c, k) => !carriedUsed.has(k) && ref !== '' && c.row.ref.trim().toLowerCase() === ref);
    if (i < 0 && e.draftHash.trim() !== '') i = carriedHash.findIndex((h, k) => !carriedUsed.has(k) && h === e.draftHash.trim());
    if (i >= 0) carriedUsed.add(i);
    return i;
  };

  for (const e of existing) {
    if (e.carry) {
      const i = carriedFor(e);
      const hash = (e.draftHash ?? '').trim();
      const untouched = hash !== '' && hashPlanRow(e) === hash;
      if (i >= 0 && untouched) {
        // refreshed from last cycle's workbook; the Ref and "Carried from" stay as the tab has them
        const fresh = { ...carried[i]!.row, ref: e.ref };
        out.push(row(fresh, 'drafted', null, hashPlanRow(fresh), e.carry));
      } else out.push(row(e, hash === '' ? 'added' : untouched ? 'drafted' : 'edited', null, e.draftHash ?? '', e.carry));
      continue;
    }
    const ref = (e.ref ?? '').trim();
    // no ref, or no fingerprint (the add-in writes one beside every row it drafts): a person's row, whatever its Ref
    // says ("Action 7", "CSP-01", even a Ref the add-in also drafts) — kept word for word, never marked "no longer weak"
    if (ref === '' || (e.draftHash ?? '').trim() === '') {
      out.push(row(e, 'added', null, e.draftHash ?? ''));
      continue;
    }
    const untouched = !!e.draftHash && hashPlanRow(e) === e.draftHash;
    const draft = draftByRef.get(ref);
    if (placed.has(ref)) {
      out.push(row(e, 'edited', !!draft, e.draftHash ?? ''));
      continue;
    }
    placed.add(ref);
    if (!draft) out.push(row(e, untouched ? 'drafted' : 'edited', false, e.draftHash ?? ''));
    else if (untouched) {
      const kept = keepDates(draft, e);
      out.push(row(kept, 'drafted', true, hashPlanRow(kept)));
    } else out.push(row(e, 'edited', true, e.draftHash ?? ''));
  }
  for (const d of drafted) {
    if (!d.ref || placed.has(d.ref)) continue;
    placed.add(d.ref);
    out.push(row(d, 'drafted', true, hashPlanRow(d)));
  }
  carried.forEach((c, i) => {
    if (!carriedUsed.has(i)) out.push(row(c.row, 'drafted', null, carriedHash[i]!, c.carry));
  });
  return out;
}
