/**
 * Importing a Forms-style export into the Responses tab. A respondent already in the workbook (same name and
 * partnership, ignoring case and spaces) is updated — only the cells the import has a value for; a new one fills
 * a "Respondent n" row left empty at creation, or is appended below the last used row in one block. Text is
 * written as plain values (text that looks like a formula stays text); a score typed as a plain number is written
 * as that number.
 */
import type { ItemField, Scale } from '../framework/schema.js';
import { liveCountable } from '../operations/live-count.js';
import type { Snapshot } from '../host/types.js';
import type { CellValue, Response } from '../review/types.js';
import { nameKey } from '../scoring/names.js';
import { parseScore } from '../scoring/parse-score.js';
import { describeScaleEntry, scaleForItem } from '../scoring/scale.js';
import { fieldKey, TAB } from '../sheet-plan/layout.js';
import { buildMetaTab } from '../sheet-plan/meta.js';
import type { PlanCell, SheetPlan, TabPlan } from '../sheet-plan/types.js';
import { newTab } from '../sheet-plan/tab.js';
import { EXCEL_MAX_CELL_TEXT, EXCEL_MAX_ROWS, cellTextTooLong } from '../sheet-plan/limits.js';
import { columnLetter } from '../util/a1.js';
import { isIsoDate } from '../util/dates.js';
import type { Problem } from '../validation/types.js';
import { isBlankValue } from '../reader/cells.js';
import { readReview } from '../reader/read-review.js';
import { metaFromLayout, writePreconditions } from '../operations/layout-meta.js';
import { ReviewRequestError, type ImportReport } from '../operations/types.js';
import { blocksFromCells, setCell, type CellMap } from './blocks.js';
import { matchColumns, normaliseHeader } from './match-columns.js';

const NUMBER_TEXT = /^\s*[+-]?(\d+(\.\d+)?|\.\d+)\s*$/;

function importCell(v: CellValue | undefined, field: ItemField | 'text'): PlanCell | null {
  if (v === undefined || isBlankValue(v)) return null;
  if (field === 'score' && typeof v === 'string' && NUMBER_TEXT.test(v)) return { v: Number(v) };
  return { v };
}

function identityText(v: CellValue | undefined): string {
  if (v === undefined || v === null) return '';
  return String(v).replace(/\s+/g, ' ').trim();
}

interface Target {
  row: number;
  name: string;
  partnership: string;
  /** written by this import (new row or filled placeholder) */
  fresh: boolean;
}

export function planImport(snapshot: Snapshot, table: CellValue[][], today: string): { plan: SheetPlan; report: ImportReport } {
  if (!isIsoDate(today)) throw new ReviewRequestError(`“${today}” is not a date as YYYY-MM-DD; the add-in passes today's date.`);
  const read = readReview(snapshot);
  const { framework, review, layout } = read;
  const entry = layout.entry;
  if (framework.sections.length === 0) throw new ReviewRequestError(`The framework “${framework.title}” has no Responses tab to import into: type its rows on the ${framework.register?.tab ?? 'register'} tab.`);
  if (!entry) {
    const p = read.problems.find((x) => x.code === 'layout.missing-tab' && x.severity === 'error');
    throw new ReviewRequestError(p?.message ?? `The ${TAB.entry} tab could not be read, so nothing was imported.`);
  }
  const headers = table[0] ?? [];
  if (headers.every((h) => normaliseHeader(h) === '')) throw new ReviewRequestError('The file has no header row: its first row must name the columns (Respondent or Name, then one column per item).');
  const match = matchColumns(headers, framework);
  if (match.respondent === null) {
    throw new ReviewRequestError('The file has no column headed Respondent, Name, Full name, Your name or Email, so answers cannot be matched to people. Add one and import again.');
  }
  if (match.fields.length === 0) {
    const unknown = match.unknown.map((u) => `“${u.header}”`).join(', ');
    throw new ReviewRequestError(
      `No column matches an item of “${framework.title}”. Head each column with the item's id (for example “${framework.sections[0]?.items[0]?.id ?? '1.1'}”) or its wording.${unknown ? ` Columns not recognised: ${unknown}.` : ''}`,
    );
  }

  // Excel keeps at most 32,767 characters in a cell: a longer answer is refused (never cut, never written), so the
  // person shortens it in their file and nothing they wrote is lost
  const used = [match.respondent, match.partnership, match.organisation, ...match.fields.map((f) => f.index)].filter((i): i is number => i !== null);
  for (let ri = 1; ri < table.length; ri++) {
    for (const i of used) {
      const v = table[ri]?.[i];
      if (typeof v === 'string' && v.length > EXCEL_MAX_CELL_TEXT) {
        const head = normaliseHeader(headers[i]) === '' ? '' : ` (“${String(headers[i]).trim().slice(0, 60)}”)`;
        throw new ReviewRequestError(
          `Row ${ri + 1}, column ${columnLetter(i + 1)}${head} of the import: ${cellTextTooLong(v.length)}. Nothing was imported; shorten that answer in the file and import again.`,
        );
      }
    }
  }

  const problems: Problem[] = [];
  const report: ImportReport = { updated: [], added: [], unknownColumns: match.unknown.map((u) => u.header), problems };
  for (const d of match.duplicates) {
    problems.push({
      severity: 'warning',
      code: 'import.duplicate-column',
      at: null,
      message: `The import's column ${columnLetter(d.index + 1)} (“${d.header}”) is a second column for ${d.itemId} ${d.field}; only column ${columnLetter(d.firstIndex + 1)} was imported. Merge the two columns in the file and import again.`,
    });
  }
  // unknown columns without a heading but with data
  const width = table.reduce((m, r) => Math.max(m, r.length), 0);
  for (let i = 0; i < width; i++) {
    if (normaliseHeader(headers[i]) !== '') continue;
    if (table.slice(1).some((r) => !isBlankValue(r[i] ?? null))) report.unknownColumns.push(`(column ${columnLetter(i + 1)}, no heading)`);
  }

  const cols = entry.cols;
  const sheet = entry.name;
  const single = review.settings.partnerships.length === 1 ? review.settings.partnerships[0]! : '';
  const targets = new Map<string, Target[]>();
  const byName = new Map<string, Target[]>();
  const add = (t: Target) => {
    const k = `${nameKey(t.name)}\u0000${nameKey(t.partnership)}`;
    targets.set(k, [...(targets.get(k) ?? []), t]);
    byName.set(nameKey(t.name), [...(byName.get(nameKey(t.name)) ?? []), t]);
  };
  const answered = (r: Response) => Object.values(r.answers).some((f) => Object.values(f).some((e) => e && !isBlankValue(e.value)));
  const slots: Response[] = [];
  const placeholderEnd = entry.firstDataRow + layout.meta.placeholders - 1;
  for (const r of review.responses) {
    const k = r.at.row - entry.firstDataRow + 1;
    if (r.at.row <= placeholderEnd && r.respondent.trim() === `Respondent ${k}` && !answered(r) && r.organisation.trim() === '') slots.push(r);
    else add({ row: r.at.row, name: r.respondent, partnership: r.partnership, fresh: false });
  }

  const updates: CellMap = new Map();
  const appended: { name: string; cells: Map<number, PlanCell> }[] = [];
  let nextRow = Math.max(entry.firstDataRow, entry.lastRow + 1);
  const appendTargets: Target[] = [];
  const byRow = new Map(review.responses.map((r) => [r.at.row, r]));
  const itemById = new Map(framework.sections.flatMap((s) => s.items).map((i) => [i.id, i]));

  for (let ri = 1; ri < table.length; ri++) {
    const src = table[ri] ?? [];
    const name = identityText(src[match.respondent]);
    const partnership = match.partnership !== null ? identityText(src[match.partnership]) : '';
    const values: { col: number; cell: PlanCell; field: ItemField | 'text'; itemId?: string; header: string }[] = [];
    for (const f of match.fields) {
      const col = cols[fieldKey(f.itemId, f.field)];
      let cell = importCell(src[f.index], f.field);
      if (col === undefined || !cell) continue;
      if (f.field === 'score') cell = canonicalScore(cell, scaleForItem(framework, itemById.get(f.itemId)!));
      values.push({ col, cell, field: f.field, itemId: f.itemId, header: f.header });
    }
    if (match.organisation !== null && cols['organisation'] !== undefined) {
      const cell = importCell(src[match.organisation], 'text');
      if (cell) values.push({ col: cols['organisation'], cell, field: 'text', header: 'Organisation' });
    }
    if (name === '' && values.length === 0) continue;
    if (name === '') {
      problems.push({ severity: 'warning', code: 'import.no-name', at: null, message: `Row ${ri + 1} of the import has answers but no name; it was added as a new row without a name. Type the respondent's name on ${sheet}.` });
    }

    // find the row: same name and partnership; or, when the import gives no partnership, the only row with the name
    let target: Target | undefined;
    if (name !== '') {
      const exact = targets.get(`${nameKey(name)}\u0000${nameKey(partnership)}`);
      if (exact) target = exact[0];
      else if (partnership === '') {
        const same = byName.get(nameKey(name)) ?? [];
        if (same.length === 1) target = same[0];
        else if (same.length > 1) {
          problems.push({
            severity: 'warning',
            code: 'import.ambiguous',
            at: null,
            message: `“${name}” (row ${ri + 1} of the import) is on ${sheet} more than once (rows ${same.map((t) => t.row).join(', ')}), so it was not imported. Add a Partnership column to the file to say which, and import again.`,
          });
          continue;
        }
      }
    }
    const fresh = !target;
    if (!target) {
      const slot = slots.shift();
      const partCol = cols['partnership'];
      if (slot) {
        target = { row: slot.at.row, name, partnership: partnership || slot.partnership, fresh: true };
        setCell(updates, target.row, cols['respondent'] ?? 1, { v: name === '' ? null : name });
        if (partCol !== undefined && partnership !== '' && nameKey(slot.partnership) !== nameKey(partnership)) setCell(updates, target.row, partCol, { v: partnership });
        else if (partCol !== undefined && partnership === '' && nameKey(slot.partnership) === '' && single !== '') {
          setCell(updates, target.row, partCol, { v: single });
          target.partnership = single;
        }
      } else {
        if (nextRow > EXCEL_MAX_ROWS) {
          throw new ReviewRequestError(
            `${sheet} has something typed in its last row (${EXCEL_MAX_ROWS.toLocaleString('en-GB')}), so there is no row below it for “${name || `row ${ri + 1} of the import`}”. Nothing was imported; clear the rows at the bottom of ${sheet} and import again.`,
          );
        }
        target = { row: nextRow++, name, partnership: partnership || single, fresh: true };
        const cells = new Map<number, PlanCell>();
        cells.set(cols['respondent'] ?? 1, { v: name === '' ? null : name });
        if (target.partnership !== '' && partCol !== undefined) cells.set(partCol, { v: target.partnership });
        appended.push({ name, cells });
        appendTargets.push(target);
      }
      if (name !== '') add(target);
      report.added.push(name);
    }
    const pending = !target.fresh ? null : appended[appendTargets.indexOf(target)]?.cells ?? null;
    let changed = false;
    for (const v of values) {
      if (pending) pending.set(v.col, v.cell);
      else {
        const current = byRow.get(target.row);
        const now = current ? cellValueAt(current, v.col, cols) : null;
        if (!target.fresh && sameValue(now, v.cell)) continue;
        setCell(updates, target.row, v.col, v.cell);
      }
      changed = true;
      if (v.field === 'score' && v.itemId) {
        const item = itemById.get(v.itemId)!;
        const scale = scaleForItem(framework, item);
        const value = 'v' in v.cell ? (v.cell.v as CellValue) : null;
        if (parseScore(value, scale).kind === 'invalid') {
          problems.push({
            severity: 'warning',
            code: 'import.not-a-score',
            at: { sheet, row: target.row, col: v.col },
            message: `“${String(value)}” (from the import's “${v.header}”) is not a score; it was imported as it is. ${describeScaleEntry(scale)}`,
            itemId: v.itemId,
            field: 'score',
          });
        }
      }
    }
    if (!fresh && changed && !report.updated.includes(name)) report.updated.push(name);
  }

  const tab: TabPlan = newTab(sheet, 'entry', 'update');
  tab.blocks.push(...blocksFromCells(updates, 'input'));
  if (appended.length > 0) {
    const keyed = Object.values(cols);
    const first = Math.min(...keyed);
    const last = Math.max(...keyed);
    const start = appendTargets[0]!.row;
    const rows: PlanCell[][] = appended.map((a) => Array.from({ length: last - first + 1 }, (_, j) => a.cells.get(first + j) ?? { v: null }));
    tab.blocks.push({ row: start, col: first, cells: rows, owner: 'input' });
  }
  const meta = buildMetaTab(metaFromLayout(framework, layout, (layout.meta.revision || 0) + 1), 'replace');
  meta.name = layout.present.meta ?? TAB.meta;
  const tabs = tab.blocks.length > 0 ? [tab, meta] : [];
  return { plan: { preconditions: writePreconditions(layout), tabs, namedRanges: [], activate: sheet }, report };
}

/** A score the spreadsheet's live formulas can count: " strong " → "strong" (the scale's own label), "3 " → 3. */
function canonicalScore(cell: PlanCell, scale: Scale): PlanCell {
  const raw = 'v' in cell ? (cell.v as CellValue) : null;
  const p = parseScore(raw, scale);
  if (p.kind !== 'score' || typeof raw !== 'string') return cell;
  const point = scale.points.find((x) => x.value === p.value)!;
  if (liveCountable(raw, point)) return cell;
  return NUMBER_TEXT.test(raw) || !/[A-Za-z]/.test(raw) ? { v: point.value } : { v: point.label };
}

function cellValueAt(r: Response, col: number, cols: Record<string, number>): CellValue {
  if (cols['organisation'] === col) return r.organisation;
  for (const [itemId, fields] of Object.entries(r.answers)) {
    for (const [f, e] of Object.entries(fields)) if (e && cols[fieldKey(itemId, f as ItemField)] === col) return e.value;
  }
  return null;
}

function sameValue(a: CellValue, cell: PlanCell): boolean {
  const b = 'v' in cell ? cell.v : null;
  return a === b;
}

