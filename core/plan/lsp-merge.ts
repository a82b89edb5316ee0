/**
 * The LSP improvement plan (issue #16; the 2004 review paper: the Improvement Plan "should pull together the actions
 * from the review of delivery and the partnership review"): the rows of several review workbooks' plans merged into
 * one plan, keeping every edit a person made in it. The same rules as a review's own plan (./merge.ts):
 * - a row without the add-in's fingerprint (or without a source key) is a person's: kept word for word;
 * - a row whose source row comes again and whose cells still give its fingerprint (nobody touched it) is refreshed
 *   with the source row as it now stands in its review;
 * - a row that was edited is kept word for word (and says so when its review's row has changed since);
 * - a row whose source row is gone (no longer in its review's plan, or its review was not given this time) is kept
 *   word for word and flagged, never deleted;
 * - a second row with a source key already met (a person copied a row) is kept as a person's row.
 * Then source rows not yet in the plan are appended, in the order given.
 * The fingerprint covers every column a person can edit, the Ref and the source columns included.
 */
import { fnv1a, hashPlanRow } from '../util/hash.js';
import { smartText } from '../validation/plan-rows.js';
import { carriedOpen } from './carry.js';
import { CLOSED_CARRIED_SMART, keepDates, planFields } from './merge.js';
import type { CarryInfo, ImprovementAction, PlanRowOut, PlanRowRead, PlanSource } from './types.js';

/** A row one review brings to the LSP plan. */
export interface LspSourceRow extends ImprovementAction, PlanSource {
  /** a row its review carried forward from last cycle's plan: its "Carried from", "Achieved?", "Carry forward?" */
  carry?: CarryInfo;
  /** identity in the plan: the review's id (or file name) and the row's Ref; see `sourceKeyOf` */
  sourceKey: string;
  /** drafted now (its review has no plan rows yet), not read from the review's plan tab */
  draftedNow: boolean;
}

/** A row as found on a tab of the LSP plan. */
export interface LspRowRead extends PlanRowRead, PlanSource {
  sourceKey: string;
}

export interface LspRowOut extends PlanRowOut, PlanSource {
  sourceKey: string;
  /** what the "Source status" column says */
  sourceStatus: string;
}

/** The reviews given this time: source id → file name. */
export type GivenSources = Map<string, string>;

/** Separates the review's id from the row's Ref in a source key (not a character a file name or id starts with). */
export const SOURCE_KEY_SEPARATOR = ' :: ';

export function sourceKeyOf(sourceId: string, rowKey: string): string {
  return `${sourceId}${SOURCE_KEY_SEPARATOR}${rowKey}`;
}

/** The id part of a source key ('' when the key is not one the add-in wrote). */
export function sourceIdOf(sourceKey: string): string {
  const i = sourceKey.indexOf(SOURCE_KEY_SEPARATOR);
  return i < 0 ? '' : sourceKey.slice(0, i);
}

function norm(s: string | undefined): string {
  return (s ?? '').replace(/\r\n?/g, '\n').trim();
}

/** Fingerprint of an LSP plan row: the review plan's fields, the Ref, the workbook and the partnership. */
export function hashLspRow(r: ImprovementAction & PlanSource): string {
  return fnv1a(['lsp', hashPlanRow(r), norm(r.ref), norm(r.sourceWorkbook), norm(r.partnership)].join('\u001f'));
}

function fields(r: ImprovementAction & PlanSource & { carry?: CarryInfo }): ImprovementAction & PlanSource & { carry?: CarryInfo } {
  return { ...planFields(r), sourceWorkbook: r.sourceWorkbook, partnership: r.partnership, ...(r.carry ? { carry: r.carry } : {}) };
}

export function mergeLspPlan(existing: LspRowRead[], incoming: LspSourceRow[], given: GivenSources, today: string): LspRowOut[] {
  const byKey = new Map<string, LspSourceRow>();
  for (const s of incoming) if (!byKey.has(s.sourceKey)) byKey.set(s.sourceKey, s);
  const out: LspRowOut[] = [];
  const placed = new Set<string>();
  const row = (
    a: ImprovementAction & PlanSource & { carry?: CarryInfo },
    origin: PlanRowOut['origin'],
    inSource: boolean | null,
    draftHash: string,
    sourceKey: string,
    sourceStatus: string,
  ): LspRowOut => ({
    ...fields(a),
    origin,
    sourceStillWeak: inSource,
    smart: a.carry && !carriedOpen(a.carry) ? CLOSED_CARRIED_SMART : smartText(a, today),
    draftHash,
    sourceKey,
    sourceStatus,
  });

  for (const e of existing) {
    const key = norm(e.sourceKey);
    const hash = norm(e.draftHash);
    if (key === '' || hash === '') {
      out.push(row(e, 'added', null, e.draftHash, e.sourceKey, 'Added here by hand'));
      continue;
    }
    const untouched = hashLspRow(e) === hash;
    const src = byKey.get(key);
    const file = e.sourceWorkbook.trim() || 'its review';
    if (placed.has(key)) {
      out.push(row(e, 'edited', !!src, e.draftHash, e.sourceKey, 'A copy of another row: kept as typed'));
      continue;
    }
    placed.add(key);
    if (!src) {
      const id = sourceIdOf(key);
      const gone = given.has(id)
        ? `No longer in the plan of ${given.get(id)}: review or close`
        : `${file} was not given this time: kept as it was`;
      out.push(
        row(e, untouched ? 'drafted' : 'edited', false, e.draftHash, e.sourceKey, untouched ? gone : `${gone}; edited here, kept as typed`),
      );
    } else if (untouched) {
      const fresh = src.draftedNow ? { ...keepDates(src, e), sourceWorkbook: src.sourceWorkbook, partnership: src.partnership } : src;
      out.push(row(fresh, 'drafted', true, hashLspRow(fresh), key, fromText(src)));
    } else {
      const changed = hashLspRow(src) !== hash && !src.draftedNow;
      out.push(
        row(
          e,
          'edited',
          true,
          e.draftHash,
          e.sourceKey,
          changed
            ? `Edited here, kept as typed; the row in ${src.sourceWorkbook} has changed since: compare`
            : 'Edited here, kept as typed',
        ),
      );
    }
  }
  for (const s of incoming) {
    if (placed.has(s.sourceKey)) continue;
    placed.add(s.sourceKey);
    out.push(row(s, 'drafted', true, hashLspRow(s), s.sourceKey, fromText(s)));
  }
  return out;
}

function fromText(s: LspSourceRow): string {
  return s.draftedNow ? `Drafted from ${s.sourceWorkbook} (its plan has no rows yet)` : `As in the plan of ${s.sourceWorkbook}`;
}
