/**
 * Importing a Forms-style export into the Responses tab, without merging people or undoing corrections.
 *
 * - Identity (see ./identity.ts): each export row is a respondent by its response id, timestamp, email or row —
 *   never by its name. Two rows named "John Smith" with different ids are two respondents; an anonymous export
 *   imports every row (named "Anonymous (response id 17)" and so on, so each row is told apart).
 * - A row already imported (same identity, from the hidden `importId` column) is updated. A cell a person changed
 *   since it was imported (its value no longer matches the fingerprint in the hidden `importRecord` column) is kept
 *   and reported as a conflict (cell, workbook value, export value) — unless `preferExport`, which takes the export's.
 * - A row typed by hand (no identity) is taken for an export row only when the name (and partnership, when the
 *   export has one) is on exactly one such row and exactly one export row; its cells that differ are conflicts.
 * - Anyone else fills a "Respondent n" row left empty at creation, or is appended below the last used row in one block.
 * - A cell the export leaves blank never clears the workbook. Text is written as plain values (text that looks like a
 *   formula stays text); a score typed as a plain number is written as that number.
 */
import type { ItemField, Scale } from '../framework/schema.js';
import { liveCountable } from '../operations/live-count.js';
import type { Snapshot } from '../host/types.js';
import type { CellRef, CellValue, Response } from '../review/types.js';
import { nameKey } from '../scoring/names.js';
import { parseScore } from '../scoring/parse-score.js';
import { describeScaleEntry, scaleForItem } from '../scoring/scale.js';
import { fieldKey, TAB } from '../sheet-plan/layout.js';
import { buildMetaTab } from '../sheet-plan/meta.js';
import type { PlanCell, SheetPlan, TabPlan } from '../sheet-plan/types.js';
import { newTab } from '../sheet-plan/tab.js';
import { EXCEL_MAX_CELL_TEXT, EXCEL_MAX_COLS, EXCEL_MAX_ROWS, cellTextTooLong } from '../sheet-plan/limits.js';
import { a1, columnLetter } from '../util/a1.js';
import type { Problem } from '../validation/types.js';
import { cell as cellAt, colCount, findTab, isBlankValue } from '../reader/cells.js';
import { readReview } from '../reader/read-review.js';
import { metaFromLayout, writePreconditions } from '../operations/layout-meta.js';
import { proveTabsWritable } from '../operations/ownership.js';
import { assertFramework, assertToday } from '../operations/limits-of-use.js';
import { ReviewRequestError, type ImportConflict, type ImportReport } from '../operations/types.js';
import { blocksFromCells, setCell, type CellMap } from './blocks.js';
import {
  cellHash,
  formatRecord,
  IMPORT_HEADERS,
  IMPORT_ID_KEY,
  IMPORT_RECORD_KEY,
  isAnonymous,
  parseRecord,
  rowIdentities,
  sameCell,
  withoutControls,
  type ImportRecord,
} from './identity.js';
import { matchColumns, normaliseHeader } from './match-columns.js';

const NUMBER_TEXT = /^\s*[+-]?(\d+(\.\d+)?|\.\d+)\s*$/;

export interface ImportOptions {
  /** take the export's value where a person changed the cell since it was imported (default: keep the person's) */
  preferExport?: boolean;
}

function importCell(v: CellValue | undefined, field: ItemField | 'text'): PlanCell | null {
  if (v === undefined || isBlankValue(v)) return null;
  if (field === 'score' && typeof v === 'string' && NUMBER_TEXT.test(v)) return { v: Number(v) };
  return { v };
}

function identityText(v: CellValue | undefined): string {
  if (v === undefined || v === null) return '';
  return String(v).replace(/\s+/g, ' ').trim();
}

/** One value the export gives a respondent: where it goes and how it is compared. */
interface Value {
  key: string;
  col: number;
  cell: PlanCell;
  /** how two values are compared: as names (case and spaces ignored), as scores on a scale, or as text */
  compare: 'name' | 'text' | Scale;
  itemId?: string;
  header: string;
}

function valueOf(c: PlanCell): CellValue {
  return 'v' in c ? c.v : null;
}

function same(a: CellValue | undefined, b: CellValue, compare: Value['compare']): boolean {
  if (compare === 'name')
    return (
      nameKey(withoutControls(a === null || a === undefined ? '' : String(a))) === nameKey(withoutControls(b === null ? '' : String(b)))
    );
  if (compare === 'text') return sameCell(a, b);
  const pa = parseScore(a ?? null, compare);
  const pb = parseScore(b, compare);
  if (pa.kind === 'score' && pb.kind === 'score') return pa.value === pb.value;
  return sameCell(a, b);
}

const NO_IDENTITY =
  'The file has no column saying who answered (headed Name, Full name, Respondent, Email, Email address, ID, Response ID or Timestamp), so answers cannot be matched to people. Add one and import again.';

export function planImport(
  snapshot: Snapshot,
  table: CellValue[][],
  today: string,
  options: ImportOptions = {},
): { plan: SheetPlan; report: ImportReport } {
  assertToday(today);
  const read = readReview(snapshot);
  assertFramework(read.framework);
  const { framework, review, layout } = read;
  const entry = layout.entry;
  if (framework.sections.length === 0)
    throw new ReviewRequestError(
      `The framework “${framework.title}” has no Responses tab to import into: type its rows on the ${framework.register?.tab ?? 'register'} tab.`,
    );
  const blocking = read.problems.find(
    (x) => x.severity === 'error' && (x.code === 'layout.missing-tab' || x.code.startsWith('meta.') || x.code === 'layout.no-key-row'),
  );
  if (!entry || blocking) {
    throw new ReviewRequestError(blocking?.message ?? `The ${TAB.entry} tab could not be read, so nothing was imported.`);
  }
  const entryTab = findTab(snapshot.tabs, entry.name)!;
  const headers = table[0] ?? [];
  if (headers.every((h) => normaliseHeader(h) === ''))
    throw new ReviewRequestError(
      'The file has no header row: its first row must name the columns (Name or Email, then one column per item).',
    );
  const match = matchColumns(headers, framework);
  if (match.name === null && match.email === null && match.responseId === null && match.timestamp === null)
    throw new ReviewRequestError(NO_IDENTITY);
  if (match.fields.length === 0) {
    const unknown = match.unknown.map((u) => `“${u.header}”`).join(', ');
    throw new ReviewRequestError(
      `No column matches an item of “${framework.title}”. Head each column with the item's id (for example “${framework.sections[0]?.items[0]?.id ?? '1.1'}”) or its wording.${unknown ? ` Columns not recognised: ${unknown}.` : ''}`,
    );
  }

  // Excel keeps at most 32,767 characters in a cell: a longer answer is refused (never cut, never written), so the
  // person shortens it in their file and nothing they wrote is lost
  const used = [match.name, match.email, match.partnership, match.organisation, ...match.fields.map((f) => f.index)].filter(
    (i): i is number => i !== null,
  );
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
  const conflicts: ImportConflict[] = [];
  const report: ImportReport = {
    updated: [],
    added: [],
    unknownColumns: match.unknown.map((u) => u.header),
    problems,
    conflicts,
    matchedByName: [],
  };
  for (const d of match.duplicates) {
    problems.push({
      severity: 'warning',
      code: 'import.duplicate-column',
      at: null,
      message: `The import's column ${columnLetter(d.index + 1)} (“${d.header}”) is a second column for ${d.itemId} ${d.field}; only column ${columnLetter(d.firstIndex + 1)} was imported. Merge the two columns in the file and import again.`,
    });
  }
  const width = table.reduce((m, r) => Math.max(m, r.length), 0);
  for (let i = 0; i < width; i++) {
    if (normaliseHeader(headers[i]) !== '') continue;
    if (table.slice(1).some((r) => !isBlankValue(r[i] ?? null))) report.unknownColumns.push(`(column ${columnLetter(i + 1)}, no heading)`);
  }

  const cols = entry.cols;
  const sheet = entry.name;
  const listed = new Map(review.settings.partnerships.map((p) => [nameKey(p), p]));
  const single = review.settings.partnerships.length === 1 ? review.settings.partnerships[0]! : '';
  const itemById = new Map(framework.sections.flatMap((s) => s.items).map((i) => [i.id, i]));

  // the machine columns: where they are, or where they go (beyond everything used, so no person's column is touched)
  const tabMeta = { ...cols };
  let newMachineCols: number | null = null;
  if (tabMeta[IMPORT_ID_KEY] === undefined || tabMeta[IMPORT_RECORD_KEY] === undefined) {
    newMachineCols = Math.max(colCount(entryTab), ...Object.values(cols)) + 1;
    tabMeta[IMPORT_ID_KEY] = newMachineCols;
    tabMeta[IMPORT_RECORD_KEY] = newMachineCols + 1;
    if (newMachineCols + 1 > EXCEL_MAX_COLS) {
      throw new ReviewRequestError(
        `${sheet} has something typed in its last columns (up to ${columnLetter(newMachineCols - 1)}, Excel's last column is XFD), so there is no room to its right for the two hidden columns an import keeps. Nothing was imported; clear the cells far to the right on ${sheet} (press Ctrl+End to find them) and import again.`,
      );
    }
  }
  const idCol = tabMeta[IMPORT_ID_KEY];
  const recCol = tabMeta[IMPORT_RECORD_KEY];

  // rows already in the workbook: by identity, "Respondent n" placeholders, and rows typed by hand (by name)
  const byId = new Map<string, number>();
  if (newMachineCols === null) {
    for (let r = entry.firstDataRow; r <= entry.lastRow; r++) {
      const id = identityText(cellAt(entryTab, r, idCol));
      if (id !== '' && !byId.has(id)) byId.set(id, r);
    }
  }
  const answered = (r: Response) => Object.values(r.answers).some((f) => Object.values(f).some((e) => e && !isBlankValue(e.value)));
  const slots: Response[] = [];
  const handTyped = new Map<string, Response[]>();
  const placeholderEnd = entry.firstDataRow + layout.meta.placeholders - 1;
  for (const r of review.responses) {
    if (r.importId) continue;
    const k = r.at.row - entry.firstDataRow + 1;
    if (r.at.row <= placeholderEnd && r.respondent.trim() === `Respondent ${k}` && !answered(r) && r.organisation.trim() === '')
      slots.push(r);
    else if (r.respondent.trim() !== '') handTyped.set(nameKey(r.respondent), [...(handTyped.get(nameKey(r.respondent)) ?? []), r]);
  }

  const identities = rowIdentities(table, match);
  const nameOf = (ri: number): string => {
    const src = table[ri] ?? [];
    const given = match.name !== null ? identityText(src[match.name]) : '';
    if (given !== '' && !isAnonymous(given)) return given;
    const email = match.email !== null ? identityText(src[match.email]) : '';
    if (email !== '' && !isAnonymous(email)) return email;
    return `Anonymous (${identities[ri]!.label})`;
  };
  // the last answer of an identity given twice in the export is the one imported
  const lastOf = new Map<string, number>();
  const exportNames = new Map<string, number>();
  const rowsWithData: number[] = [];
  const answerCols = [match.name, match.email, match.partnership, match.organisation, ...match.fields.map((f) => f.index)].filter(
    (c): c is number => c !== null,
  );
  for (let ri = 1; ri < table.length; ri++) {
    const src = table[ri] ?? [];
    // a row holding only the form's own columns (id, times) is not an answer
    if (answerCols.every((c) => isBlankValue(src[c] ?? null))) continue;
    rowsWithData.push(ri);
    lastOf.set(identities[ri]!.id, ri);
    const k = nameKey(nameOf(ri));
    exportNames.set(k, (exportNames.get(k) ?? 0) + 1);
  }

  const updates: CellMap = new Map();
  const appended: Map<number, PlanCell>[] = [];
  let nextRow = Math.max(entry.firstDataRow, entry.lastRow + 1);
  const firstAppended = nextRow;

  for (const ri of rowsWithData) {
    const src = table[ri] ?? [];
    const ident = identities[ri]!;
    if (lastOf.get(ident.id) !== ri) {
      problems.push({
        severity: 'warning',
        code: 'import.same-identity',
        at: null,
        message: `Row ${ri + 1} of the import has the same ${ident.label.replace(/^row .*/, 'row')} as row ${lastOf.get(ident.id)! + 1}; only the later row was imported. If they are different people, give each its own id in the file.`,
      });
      continue;
    }
    const name = nameOf(ri);
    const rawPartnership = match.partnership !== null ? identityText(src[match.partnership]) : '';
    const partnership = rawPartnership === '' ? '' : (listed.get(nameKey(rawPartnership)) ?? rawPartnership);
    const values: Value[] = [{ key: 'respondent', col: cols['respondent'] ?? 1, cell: { v: name }, compare: 'name', header: 'Respondent' }];
    if (partnership !== '' && cols['partnership'] !== undefined)
      values.push({ key: 'partnership', col: cols['partnership'], cell: { v: partnership }, compare: 'name', header: 'Partnership' });
    if (match.organisation !== null && cols['organisation'] !== undefined) {
      const c = importCell(src[match.organisation], 'text');
      if (c) values.push({ key: 'organisation', col: cols['organisation'], cell: c, compare: 'text', header: 'Organisation' });
    }
    for (const f of match.fields) {
      const key = fieldKey(f.itemId, f.field);
      const col = cols[key];
      let c = importCell(src[f.index], f.field);
      if (col === undefined || !c) continue;
      const scale = f.field === 'score' ? scaleForItem(framework, itemById.get(f.itemId)!) : null;
      if (scale) c = canonicalScore(c, scale);
      values.push({ key, col, cell: c, compare: scale ?? 'text', itemId: f.itemId, header: f.header });
    }

    // which row: by identity; else a row typed by hand with this name (only when it cannot be anyone else)
    let row = byId.get(ident.id);
    let adopted = false;
    if (row === undefined) {
      const k = nameKey(name);
      const rows = (handTyped.get(k) ?? []).filter(
        (r) => partnership === '' || nameKey(r.partnership) === '' || nameKey(r.partnership) === nameKey(partnership),
      );
      if (rows.length === 1 && exportNames.get(k) === 1 && !name.startsWith('Anonymous (')) {
        row = rows[0]!.at.row;
        adopted = true;
        handTyped.set(
          k,
          (handTyped.get(k) ?? []).filter((r) => r !== rows[0]),
        );
        report.matchedByName.push(name);
      } else if (rows.length > 1 && exportNames.get(k) === 1) {
        problems.push({
          severity: 'warning',
          code: 'import.ambiguous',
          at: null,
          message: `“${name}” (row ${ri + 1} of the import) is on ${sheet} more than once (rows ${rows.map((r) => r.at.row).join(', ')}), typed without an import id, so it was not imported. Add a Partnership column to the file to say which, or clear the row that is not theirs, and import again.`,
        });
        continue;
      }
    }

    const record: ImportRecord = new Map();
    if (row === undefined) {
      // a new respondent: a placeholder row, else appended
      const slot = slots.shift();
      const cells = new Map<number, PlanCell>();
      if (partnership === '' && single !== '' && cols['partnership'] !== undefined && (!slot || nameKey(slot.partnership) === '')) {
        values.push({ key: 'partnership', col: cols['partnership'], cell: { v: single }, compare: 'name', header: 'Partnership' });
      }
      for (const v of values) {
        cells.set(v.col, v.cell);
        record.set(v.key, cellHash(valueOf(v.cell)));
      }
      cells.set(idCol, { v: ident.id });
      cells.set(recCol, { v: formatRecord(record) });
      if (slot) {
        row = slot.at.row;
        for (const [c, v] of cells) setCell(updates, row, c, v);
      } else {
        if (nextRow > EXCEL_MAX_ROWS) {
          throw new ReviewRequestError(
            `${sheet} has something typed in its last row (${EXCEL_MAX_ROWS.toLocaleString('en-GB')}), so there is no row below it for “${name}”. Nothing was imported; clear the rows at the bottom of ${sheet} and import again.`,
          );
        }
        row = nextRow++;
        appended.push(cells);
      }
      byId.set(ident.id, row);
      report.added.push(name);
      scoreWarnings(values, row);
      continue;
    }

    // an existing respondent: write what the export changed, keep what a person changed since the last import
    const old = adopted ? new Map<string, string>() : parseRecord(cellAt(entryTab, row, recCol));
    for (const [k, h] of old) record.set(k, h);
    let changed = false;
    const written: Value[] = [];
    for (const v of values) {
      const exportValue = valueOf(v.cell);
      const now = cellAt(entryTab, row, v.col);
      record.set(v.key, cellHash(exportValue));
      if (same(now, exportValue, v.compare)) continue;
      const was = old.get(v.key);
      const untouched = was !== undefined ? cellHash(now) === was : isBlankValue(now);
      if (!untouched) {
        const at: CellRef = { sheet, row, col: v.col };
        conflicts.push({
          at,
          respondent: name,
          column: v.header,
          workbook: now,
          export: exportValue,
          kept: options.preferExport ? 'export' : 'workbook',
        });
        if (!options.preferExport) continue;
      }
      setCell(updates, row, v.col, v.cell);
      written.push(v);
      changed = true;
    }
    const recText = formatRecord(record);
    if (identityText(cellAt(entryTab, row, idCol)) !== ident.id) setCell(updates, row, idCol, { v: ident.id });
    if (cellAt(entryTab, row, recCol) !== recText) setCell(updates, row, recCol, { v: recText });
    if (changed && !report.updated.includes(name)) report.updated.push(name);
    scoreWarnings(written, row);
  }

  function scoreWarnings(values: Value[], row: number): void {
    for (const v of values) {
      if (typeof v.compare !== 'object' || !v.itemId) continue;
      const value = valueOf(v.cell);
      if (parseScore(value, v.compare).kind === 'invalid') {
        problems.push({
          severity: 'warning',
          code: 'import.not-a-score',
          at: { sheet, row, col: v.col },
          message: `“${String(value)}” (from the import's “${v.header}”) is not a score; it was imported as it is. ${describeScaleEntry(v.compare)}`,
          itemId: v.itemId,
          field: 'score',
        });
      }
    }
  }

  const tab: TabPlan = newTab(sheet, 'entry', 'update');
  const blocks = blocksFromCells(updates, 'input');
  if (appended.length > 0) {
    const used = [...Object.values(cols), idCol, recCol];
    const first = Math.min(...used);
    const last = Math.max(...used);
    const rows: PlanCell[][] = appended.map((a) => Array.from({ length: last - first + 1 }, (_, j) => a.get(first + j) ?? { v: null }));
    blocks.push({ row: firstAppended, col: first, cells: rows, owner: 'input' });
  }
  if (blocks.length > 0 && newMachineCols !== null) {
    // the machine columns' heading and key, hidden like the key row
    tab.blocks.push({
      row: entry.keyRow - 1,
      col: newMachineCols,
      cells: [
        [{ v: IMPORT_HEADERS.importId }, { v: IMPORT_HEADERS.importRecord }],
        [{ v: IMPORT_ID_KEY }, { v: IMPORT_RECORD_KEY }],
      ],
      owner: 'generated',
    });
    tab.hiddenColumns = [newMachineCols, newMachineCols + 1];
  }
  tab.blocks.push(...blocks);
  const metaLayout = { ...layout, entry: { ...entry, cols: tabMeta } };
  const meta = buildMetaTab(metaFromLayout(framework, metaLayout, (layout.meta.revision || 0) + 1), 'replace');
  meta.name = layout.present.meta ?? TAB.meta;
  const plan: SheetPlan = {
    preconditions: writePreconditions(layout),
    tabs: blocks.length > 0 ? [tab] : [],
    namedRanges: [],
    activate: sheet,
  };
  proveTabsWritable(read, snapshot, plan);
  if (blocks.length > 0) plan.tabs.push(meta);
  return { plan, report };
}

/** A score the spreadsheet's live formulas can count: " strong " → "strong" (the scale's own label), "3 " → 3. */
function canonicalScore(cell: PlanCell, scale: Scale): PlanCell {
  const raw = 'v' in cell ? cell.v : null;
  const p = parseScore(raw, scale);
  if (p.kind !== 'score' || typeof raw !== 'string') return cell;
  const point = scale.points.find((x) => x.value === p.value)!;
  if (liveCountable(raw, point)) return cell;
  return NUMBER_TEXT.test(raw) || !/[A-Za-z]/.test(raw) ? { v: point.value } : { v: point.label };
}

/** `Responses!D7` */
export function conflictCell(c: ImportConflict): string {
  return `${c.at.sheet}!${a1(c.at.row, c.at.col)}`;
}
