/**
 * Responses rows back into `Response`s: every row from the first data row to the last used row that holds anything
 * in a keyed column (blank rows, merged-away cells and rows people add below are all fine). Values are kept exactly
 * as read; validation says what is wrong with them.
 */
import type { Framework } from '../framework/schema.js';
import type { TabSnapshot } from '../host/types.js';
import type { FieldEntry, Response } from '../review/types.js';
import { IMPORT_ID_KEY, IMPORT_KEYS } from '../import/identity.js';
import { fieldKey } from '../sheet-plan/layout.js';
import { isBlankValue, textOf } from './cells.js';
import type { FoundTable } from './locate.js';

export function readResponses(tab: TabSnapshot, found: FoundTable, framework: Framework): Response[] {
  const out: Response[] = [];
  const cols = found.cols;
  // the import's machine columns (identity, record) do not make a row a response on their own
  const keyed = Object.entries(cols)
    .filter(([k]) => !(IMPORT_KEYS as readonly string[]).includes(k))
    .map(([, c]) => c);
  const idCol = cols[IMPORT_ID_KEY];
  const sheet = found.name;
  const nameCol = cols['respondent'] ?? 1;
  const partCol = cols['partnership'];
  const orgCol = cols['organisation'];
  // each item's fields and their columns, worked out once
  const plan = framework.sections.flatMap((s) =>
    s.items.map((item) => ({
      id: item.id,
      fields: item.fields.flatMap((f) => (cols[fieldKey(item.id, f)] === undefined ? [] : [{ f, c: cols[fieldKey(item.id, f)]! }])),
    })),
  );
  for (let r = found.firstDataRow; r <= found.lastRow; r++) {
    const row = tab.values[r - 1];
    if (!row) continue;
    let any = false;
    for (const c of keyed) {
      if (!isBlankValue(row[c - 1])) {
        any = true;
        break;
      }
    }
    if (!any) continue;
    const at = (c: number) => ({ sheet, row: r, col: c });
    const response: Response = {
      respondent: textOf(row[nameCol - 1]),
      partnership: partCol !== undefined ? textOf(row[partCol - 1]) : '',
      organisation: orgCol !== undefined ? textOf(row[orgCol - 1]) : '',
      at: at(nameCol),
      answers: {},
    };
    if (partCol !== undefined) response.partnershipAt = at(partCol);
    if (idCol !== undefined && !isBlankValue(row[idCol - 1])) response.importId = textOf(row[idCol - 1]).trim();
    for (const item of plan) {
      const fields: Response['answers'][string] = {};
      for (const { f, c } of item.fields) {
        const entry: FieldEntry = { value: row[c - 1] ?? null, at: at(c) };
        fields[f] = entry;
      }
      response.answers[item.id] = fields;
    }
    out.push(response);
  }
  return out;
}

/** Rows with a respondent name: what COUNTA of the Respondent column counts. */
export function respondentsListed(responses: Response[]): number {
  return responses.filter((r) => r.respondent !== '').length;
}
