/**
 * Checks about who the respondents are (issue #11), as problems with their cell, severity and fix:
 * - `respondent.same-name` (warning): two rows with the same name that the import gave different identities —
 *   "two respondents are named John Smith: confirm they are different people";
 * - `respondent.imported-twice` (warning): two rows with the same import identity (a row copied, or a response
 *   imported into a copy of the row);
 * - `respondent.possible-duplicate` (warning): the same name on a row with a partnership and on a row without one,
 *   neither imported with an identity (the same person entered twice, e.g. by an import whose partnership column was
 *   not recognised);
 * - `partnership.spelling` (error): a partnership that differs from one listed on Review Settings only by spaces or
 *   capitals. The Summary's live formulas compare partnerships ignoring capitals but not spaces, and so does core
 *   (score-review.ts): a row typed " North " counts for North in neither, and this error says so.
 */
import type { ReviewData, Response } from '../review/types.js';
import { nameKey } from '../scoring/names.js';
import { cellLabel } from '../util/a1.js';
import type { Problem } from './types.js';

const SETTINGS_TAB = 'Review Settings';

export function identityProblems(data: ReviewData): Problem[] {
  const problems: Problem[] = [];
  const byName = new Map<string, Response[]>();
  for (const r of data.responses) {
    const k = nameKey(r.respondent);
    if (k === '') continue;
    byName.set(k, [...(byName.get(k) ?? []), r]);
  }
  for (const rows of byName.values()) {
    if (rows.length < 2) continue;
    const ids = new Map<string, Response>();
    for (const r of rows) {
      const who = r.respondent.trim();
      if (r.importId) {
        const first = ids.get(r.importId);
        if (first) {
          problems.push({
            severity: 'warning',
            code: 'respondent.imported-twice',
            at: r.at,
            respondent: who,
            message: `This row and ${cellLabel(first.at)} are the same response (“${who}”, import id ${r.importId}), so it is counted twice. Clear one of the two rows.`,
          });
          continue;
        }
        ids.set(r.importId, r);
      }
    }
    const imported = rows.filter((r) => r.importId);
    if (new Set(imported.map((r) => r.importId)).size > 1) {
      const who = rows[0]!.respondent.trim();
      const where = imported.map((r) => cellLabel(r.at)).join(', ');
      problems.push({
        severity: 'warning',
        code: 'respondent.same-name',
        at: imported[1]!.at,
        respondent: who,
        message: `${imported.length === 2 ? 'two' : String(imported.length)} respondents are named ${who} (${where}): confirm they are different people. If they are, add an initial or their organisation to each name; if not, clear the rows that repeat a response.`,
      });
    }
    // typed or imported without an identity: the same name with and without a partnership
    const plain = rows.filter((r) => !r.importId);
    const withP = plain.find((r) => nameKey(r.partnership) !== '');
    const without = plain.find((r) => nameKey(r.partnership) === '');
    if (withP && without) {
      const later = withP.at.row > without.at.row ? withP : without;
      const earlier = later === withP ? without : withP;
      problems.push({
        severity: 'warning',
        code: 'respondent.possible-duplicate',
        at: later.at,
        respondent: later.respondent.trim(),
        message: `“${later.respondent.trim()}” is also at ${cellLabel(earlier.at)}, ${later === withP ? 'without' : 'with'} a partnership there, so the same person may be counted twice. If it is one person, keep one row and clear the other; if it is someone else, add an initial to tell them apart.`,
      });
    }
  }
  // partnerships typed with other spaces or capitals than the listed spelling
  const listed = new Map(data.settings.partnerships.map((p) => [nameKey(p), p]));
  for (const r of data.responses) {
    const typed = r.partnership;
    if (typed.trim() === '') continue;
    const spelling = listed.get(nameKey(typed));
    if (spelling === undefined || typed === spelling) continue;
    const spaces = typed.toLowerCase() !== spelling.toLowerCase();
    problems.push({
      severity: spaces ? 'error' : 'warning',
      code: 'partnership.spelling',
      at: r.partnershipAt ?? r.at,
      ...(r.respondent.trim() ? { respondent: r.respondent.trim() } : {}),
      field: 'partnership',
      message: spaces
        ? `“${typed}” differs from “${spelling}” on ${SETTINGS_TAB} only by spaces, so this row is not counted in ${spelling}'s figures (on the Summary or by the command line). Choose “${spelling}” from the list.`
        : `“${typed}” is written with other capitals than “${spelling}” on ${SETTINGS_TAB}; it is counted as ${spelling}, but choose “${spelling}” from the list to keep the workbook tidy.`,
    });
  }
  return problems;
}
