/**
 * The first sheet of a form export saved as .xlsx (Microsoft Forms' "Open in Excel") as a table of cell values, in
 * the page: the panes' counterpart of the command line's reader (file-host/import-table.ts), loaded only when a
 * person picks an .xlsx file (a dynamic import: its own chunk in the task pane build, so the first load does not
 * carry it). Each cell's value is read by the engine's own rule (file-host/xlsx/cell-value.ts: shared strings,
 * booleans, error codes, dates as ISO text by their number format), so a table reads the same here and on the
 * command line. Only the parts it needs are inflated (fflate): the workbook, its relationships, the styles, the
 * shared strings and the first sheet.
 */
import { unzipSync } from 'fflate';
import type { Snapshot } from '../core/host/types.js';
import type { CellValue } from '../core/review/types.js';
import { ReviewRequestError } from '../core/operations/types.js';
import { reviewAsExportProblem } from '../core/import/csv.js';
import { cellValueOf, exportTooLarge, inlineText, type CellValueContext } from '../file-host/xlsx/cell-value.js';
import { MAX_PART_BYTES, relsPathOf, resolveTarget } from '../file-host/xlsx/part-paths.js';
import { SharedStrings } from '../file-host/xlsx/shared-strings.js';
import { NEW_STYLES, Styles } from '../file-host/xlsx/styles.js';
import { attrLocal, localName, parseXml, type XNode } from '../file-host/xlsx/xml.js';
import { columnNumber } from '../core/util/a1.js';

function damaged(name: string, why: string): ReviewRequestError {
  return new ReviewRequestError(
    `${name} could not be read as an .xlsx workbook (${why}): save it again from Excel or Forms, or export the responses as CSV (UTF-8), then import that.`,
  );
}

function unzip(bytes: Uint8Array, name: string, wanted: (path: string) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES)
          throw new Error(
            `the entry ${f.name} would unpack to ${Math.round(f.originalSize / 1048576).toLocaleString('en-GB')} MB, more than a workbook part can be here`,
          );
        return true;
      },
    });
  } catch (e) {
    throw damaged(name, e instanceof Error ? e.message : 'not a zip package');
  }
}

const utf8 = new TextDecoder('utf-8');

function children(node: XNode | undefined, local: string): XNode[] {
  return (node?.children ?? []).filter((c) => localName(c.name) === local);
}

/** Column of `A1`-style reference, or null. */
function refColumn(ref: string | undefined): number | null {
  const m = ref ? /^([A-Za-z]{1,3})\d+$/.exec(ref) : null;
  return m ? columnNumber(m[1]!.toUpperCase()) : null;
}

interface OpenedWorkbook {
  sheets: { name: string; hidden: boolean; path: string | null }[];
  ctx: CellValueContext;
}

/** The workbook part, its sheets (name, hidden, part path) and what reading a cell needs (shared strings, styles). */
function openWorkbook(bytes: Uint8Array, name: string): OpenedWorkbook {
  const pkgRels = unzip(bytes, name, (p) => p === '_rels/.rels')['_rels/.rels'];
  const office = pkgRels
    ? children(parseXml(utf8.decode(pkgRels)), 'Relationship').find((x) => (x.attrs['Type'] ?? '').endsWith('/officeDocument'))
    : undefined;
  const wbPath = office?.attrs['Target'] ? resolveTarget('', office.attrs['Target']) : 'xl/workbook.xml';
  const wbRelsPath = relsPathOf(wbPath);
  const parts = unzip(bytes, name, (p) => p === wbPath || p === wbRelsPath);
  const wbXml = parts[wbPath];
  if (!wbXml) throw damaged(name, 'it has no workbook part');
  const wb = parseXml(utf8.decode(wbXml));
  const pr = children(wb, 'workbookPr')[0];
  const date1904 = pr?.attrs['date1904'] === '1' || pr?.attrs['date1904'] === 'true';
  const relsXml = parts[wbRelsPath];
  const rels = relsXml ? children(parseXml(utf8.decode(relsXml)), 'Relationship') : [];
  const target = (type: string): string | null => {
    const r = rels.find((x) => (x.attrs['Type'] ?? '').endsWith(`/${type}`));
    return r?.attrs['Target'] ? resolveTarget(wbPath, r.attrs['Target']) : null;
  };
  const sheets = children(children(wb, 'sheets')[0], 'sheet').map((sh) => {
    const rel = rels.find((x) => x.attrs['Id'] === attrLocal(sh, 'id'));
    const state = sh.attrs['state'];
    return {
      name: sh.attrs['name'] ?? '',
      hidden: state === 'hidden' || state === 'veryHidden',
      path: rel?.attrs['Target'] ? resolveTarget(wbPath, rel.attrs['Target']) : null,
    };
  });
  const sstPath = target('sharedStrings');
  const stylesPath = target('styles');
  const more = unzip(bytes, name, (p) => p === sstPath || p === stylesPath);
  const ctx: CellValueContext = {
    readSst: sstPath && more[sstPath] ? new SharedStrings(utf8.decode(more[sstPath])) : null,
    styles: new Styles(stylesPath && more[stylesPath] ? utf8.decode(more[stylesPath]) : NEW_STYLES),
    date1904,
  };
  return { sheets, ctx };
}

/** One sheet's cell values, rows from 1 to the last with a value, as wide as the widest (the engine's rule per cell). */
function sheetValues(sheetXml: Uint8Array, ctx: CellValueContext, name: string, tab: string, limit = false): CellValue[][] {
  let sheet: XNode;
  try {
    sheet = parseXml(utf8.decode(sheetXml));
  } catch (e) {
    throw damaged(name, e instanceof Error ? e.message : `its sheet ${tab} is not XML`);
  }
  const cells = new Map<number, Map<number, CellValue>>();
  let maxRow = 0;
  let maxCol = 0;
  let lastRow = 0;
  for (const row of children(children(sheet, 'sheetData')[0], 'row')) {
    const r = Number(row.attrs['r'] ?? lastRow + 1) || lastRow + 1;
    lastRow = r;
    let lastCol = 0;
    for (const c of children(row, 'c')) {
      const col = refColumn(c.attrs['r']) ?? lastCol + 1;
      lastCol = col;
      const v = children(c, 'v')[0];
      const is = children(c, 'is')[0];
      const value = cellValueOf(
        c.attrs['t'] ?? 'n',
        v ? v.text : undefined,
        is ? inlineText(is) : undefined,
        Number(c.attrs['s'] ?? 0),
        ctx,
      );
      if (value === null || value === '') continue;
      let line = cells.get(r);
      if (!line) cells.set(r, (line = new Map<number, CellValue>()));
      line.set(col, value);
      if (r > maxRow) maxRow = r;
      if (col > maxCol) maxCol = col;
    }
  }
  const tooLarge = limit ? exportTooLarge(name, tab, maxRow, maxCol) : null;
  if (tooLarge) throw new ReviewRequestError(tooLarge);
  const out: CellValue[][] = [];
  for (let r = 1; r <= maxRow; r++) {
    const line = new Array<CellValue>(maxCol).fill(null);
    for (const [c, v] of cells.get(r) ?? []) line[c - 1] = v;
    out.push(line);
  }
  return out;
}

/** Read the first sheet of an .xlsx (bytes) as a table: rows from 1 to the last with a value, as wide as the widest. */
export function xlsxTable(bytes: Uint8Array, name: string): CellValue[][] {
  const { sheets, ctx } = openWorkbook(bytes, name);
  // a review or plan workbook (its hidden PR_Meta tab) picked where the export belongs: its first tab is no export,
  // refused as the command line refuses it (file-host/import-table.ts), before anything is sent to the host
  const review = reviewAsExportProblem(
    sheets.map((s) => s.name),
    name,
  );
  if (review) throw new ReviewRequestError(review);
  const first = sheets[0];
  if (!first) throw new ReviewRequestError(`${name} has no sheets: export the responses again.`);
  if (!first.path) throw damaged(name, 'its first sheet is missing');
  const path = first.path;
  const sheetXml = unzip(bytes, name, (p) => p === path)[path];
  if (!sheetXml) throw damaged(name, 'its first sheet is missing');
  return sheetValues(sheetXml, ctx, name, first.name, true);
}

/**
 * Every tab of an .xlsx (a review workbook picked for the LSP improvement plan) as a host's snapshot: each tab's
 * name, position, hidden state and values from A1 — what the engine's host gives core, read by the same cell rule.
 */
export function xlsxSnapshot(bytes: Uint8Array, name: string): Snapshot {
  const { sheets, ctx } = openWorkbook(bytes, name);
  const paths = new Set(sheets.map((s) => s.path).filter((p): p is string => p !== null));
  const xml = unzip(bytes, name, (p) => paths.has(p));
  const tabs: Snapshot['tabs'] = {};
  sheets.forEach((s, index) => {
    const part = s.path ? xml[s.path] : undefined;
    if (!part) throw damaged(name, `its sheet ${s.name} is missing`);
    tabs[s.name] = { name: s.name, index, hidden: s.hidden, values: sheetValues(part, ctx, name, s.name) };
  });
  return { tabNames: sheets.map((s) => s.name), tabs };
}
