/**
 * Read-back for the self-test (core/host/inspect.ts) over Office.js: what Excel actually kept on a tab, and removal of
 * the self-test's scratch tabs. Every call here is in the requirement sets the add-in declares (ExcelApi 1.8), except
 * merged areas (`Range.getMergedAreasOrNullObject`, ExcelApi 1.13), which are read only where Excel has them; an
 * older Excel says it cannot tell, and the self-test reports those checks as not made.
 *
 * Syncs, as the adapter's reads: (1) the tab list with visibility; (2) for the tabs asked about: protection, charts
 * (name, type, title), the frozen panes' location, the conditional formats that intersect the tab, merged areas, and
 * for each probed cell its formula, number format, `format.protection.locked` and data validation (type, rule, error
 * alert) — one more sync for each further `cellsPerSync` probes or ~4 MB of requests; (3) the range of each
 * conditional format (only when there are some). Validation is read cell by cell because Excel answers a range's
 * `dataValidation` only when every cell in it agrees.
 */
import { missingTab, type CellFacts, type InspectRequest, type TabFacts, type ValidationFact } from '../../core/host/inspect.js';
import type { RangeRef } from '../../core/sheet-plan/types.js';
import { a1, columnNumber } from '../../core/util/a1.js';
import { CALL_OVERHEAD_BYTES } from './batches.js';
import type { ExcelContext } from './office-types.js';
import type { Requirements } from './requirements.js';

export type InspectSync = (stage: string, bytes: number) => Promise<void>;

/** Excel's grid. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** One part of an address such as `A1`, `A1:B4`, `1:5` or `C:E`, as 1-based bounds. */
function cellsPart(part: string): RangeRef | null {
  const ends = part.replace(/\$/g, '').split(':');
  const parse = (s: string): { row?: number; col?: number } | null => {
    const m = /^([A-Z]*)(\d*)$/i.exec(s);
    if (!m || (m[1] === '' && m[2] === '')) return null;
    return { col: m[1] ? columnNumber(m[1].toUpperCase()) : undefined, row: m[2] ? Number(m[2]) : undefined };
  };
  const from = parse(ends[0] ?? '');
  const to = parse(ends[1] ?? ends[0] ?? '');
  if (!from || !to) return null;
  const row = from.row ?? 1;
  const col = from.col ?? 1;
  const lastRow = to.row ?? MAX_ROWS;
  const lastCol = to.col ?? MAX_COLS;
  return { row, col, rows: lastRow - row + 1, cols: lastCol - col + 1 };
}

/**
 * The areas of an address Excel gave (`'PRST-x Summary'!A1:B4, 'PRST-x Summary'!D1:D4`): each area's tab name is
 * skipped as a token (quoted names may hold commas, apostrophes doubled), then its cells read.
 */
export function parseAreas(address: string): RangeRef[] {
  const out: RangeRef[] = [];
  let i = 0;
  while (i < address.length) {
    while (address[i] === ' ' || address[i] === ',') i++;
    if (i >= address.length) break;
    if (address[i] === "'") {
      i++;
      while (i < address.length && !(address[i] === "'" && address[i + 1] !== "'")) i += address[i] === "'" ? 2 : 1;
      i++; // the closing quote
    }
    const bang = address.indexOf('!', i);
    const comma = address.indexOf(',', i);
    // an area without a tab name starts here; otherwise the cells start after the "!"
    const start = bang >= 0 && (comma < 0 || bang < comma) ? bang + 1 : i;
    const end = address.indexOf(',', start);
    const r = cellsPart(address.slice(start, end < 0 ? undefined : end).trim());
    if (r) out.push(r);
    i = end < 0 ? address.length : end;
  }
  return out;
}

function num(x: unknown): number | undefined {
  if (typeof x === 'number') return x;
  if (typeof x === 'string' && x.trim() !== '') {
    const n = Number(x.replace(/^=/, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A validation as the core describes it, from what `dataValidation.load('type,rule,errorAlert')` gave. */
export function validationFact(type: string, rule: Excel.DataValidationRule, alert: Excel.DataValidationErrorAlert): ValidationFact | null {
  if (type === 'None') return null;
  // "Stop" refuses other input; "Warning" and "Information" only warn (and with no alert at all anything goes)
  const strict = alert.showAlert !== false && alert.style === 'Stop';
  if (type === 'List') {
    const source = rule.list?.source;
    const values = typeof source === 'string' && !source.startsWith('=') ? source.split(',') : [];
    return { kind: 'list', values, strict };
  }
  if (type === 'Date') return { kind: 'date', strict };
  if (type === 'WholeNumber' || type === 'Decimal') {
    const b = rule.wholeNumber ?? rule.decimal;
    return { kind: 'number', min: num(b?.formula1), max: num(b?.formula2), strict };
  }
  return { kind: 'other', strict };
}

interface TabRead {
  req: InspectRequest;
  ws: Excel.Worksheet;
  hidden: boolean;
  protection: Excel.WorksheetProtection;
  charts: Excel.ChartCollection;
  frozen: Excel.Range;
  cfs: Excel.ConditionalFormatCollection;
  merges: Excel.RangeAreas | null;
  cells: { row: number; col: number; range: Excel.Range; dv: Excel.DataValidation }[];
}

export interface InspectBudget {
  maxSyncBytes: number;
  cellsPerSync: number;
}

export async function inspectTabs(
  ctx: ExcelContext,
  requests: InspectRequest[],
  reqs: Requirements,
  budget: InspectBudget,
  sync: InspectSync,
): Promise<TabFacts[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  await sync('reading back the list of tabs', CALL_OVERHEAD_BYTES);
  const items = sheets.items;
  const canMerge = reqs.has('mergedCells');

  // (2) tab-wide facts with the first probes, further probes in syncs of their own
  const reads = new Map<InspectRequest, TabRead>();
  const perSync = Math.max(1, Math.min(budget.cellsPerSync, Math.floor(budget.maxSyncBytes / (3 * CALL_OVERHEAD_BYTES))));
  let queued = 0;
  let bytes = 0;
  let part = 0;
  const flush = async (): Promise<void> => {
    await sync(`reading back the scratch tabs (part ${++part})`, bytes);
    queued = 0;
    bytes = 0;
  };
  for (const req of requests) {
    const item = items.find((s) => s.name.toLowerCase() === req.tab.toLowerCase());
    if (!item) continue;
    const ws = sheets.getItem(item.name);
    const protection = ws.protection.load('protected');
    const charts = ws.charts.load('items/name,items/chartType,items/title/text');
    const frozen = ws.freezePanes.getLocationOrNullObject().load('rowCount,columnCount');
    const whole = ws.getRange();
    const cfs = whole.conditionalFormats.load('items/type');
    const merges = canMerge ? whole.getMergedAreasOrNullObject().load('address') : null;
    bytes += 6 * CALL_OVERHEAD_BYTES;
    const read: TabRead = { req, ws, hidden: item.visibility !== 'Visible', protection, charts, frozen, cfs, merges, cells: [] };
    reads.set(req, read);
    for (const c of req.cells) {
      if (queued >= perSync) await flush();
      const range = ws.getRange(a1(c.row, c.col)).load('formulas,numberFormat,format/protection/locked');
      const dv = range.dataValidation.load('type,rule,errorAlert');
      read.cells.push({ row: c.row, col: c.col, range, dv });
      queued++;
      bytes += 2 * CALL_OVERHEAD_BYTES;
    }
  }
  if (bytes > 0) await flush();

  // (3) the range of each conditional format
  const cfRanges = new Map<TabRead, Excel.Range[]>();
  let cfCount = 0;
  for (const r of reads.values()) {
    const ranges = r.cfs.items.map((cf) => cf.getRangeOrNullObject().load('address'));
    cfRanges.set(r, ranges);
    cfCount += ranges.length;
  }
  if (cfCount > 0) await sync('reading back the conditional formats', cfCount * CALL_OVERHEAD_BYTES);

  return requests.map((req) => {
    const r = reads.get(req);
    if (!r) return missingTab(req.tab);
    const cells: CellFacts[] = r.cells.map((c) => {
      const f: unknown = c.range.formulas[0]?.[0];
      const nf: unknown = c.range.numberFormat[0]?.[0];
      return {
        row: c.row,
        col: c.col,
        formula: typeof f === 'string' && f.startsWith('=') ? f : null,
        numberFormat: typeof nf === 'string' ? nf : '',
        validation: validationFact(String(c.dv.type), c.dv.rule, c.dv.errorAlert),
        locked: r.protection.protected && c.range.format.protection.locked === true,
      };
    });
    // the frozen cells: whole rows when only rows are frozen, whole columns when only columns are
    const frozen = r.frozen.isNullObject
      ? { rows: 0, cols: 0 }
      : { rows: r.frozen.rowCount >= MAX_ROWS ? 0 : r.frozen.rowCount, cols: r.frozen.columnCount >= MAX_COLS ? 0 : r.frozen.columnCount };
    const merges = r.merges === null ? null : r.merges.isNullObject ? [] : parseAreas(r.merges.address);
    return {
      tab: req.tab,
      exists: true,
      hidden: r.hidden,
      frozen,
      merges,
      ...(merges === null
        ? { mergesUnknown: 'this Excel cannot list merged cells to an add-in (that needs the Excel JavaScript API 1.13)' }
        : {}),
      protected: r.protection.protected,
      // a rule over several ranges gives a null object here; the adapter never makes one
      conditionalFormats: (cfRanges.get(r) ?? []).map((g) => ({ ranges: g.isNullObject ? [] : parseAreas(g.address) })),
      charts: r.charts.items.map((c) => ({ title: c.title.text, kind: String(c.chartType) })),
      cells,
    };
  });
}

/**
 * Deletes the scratch tabs and workbook names that exist (names first: they point into the tabs), in two syncs:
 * what is there, then the deletions. Names and tabs are matched without regard to case, as Excel does.
 */
export async function removeTabs(ctx: ExcelContext, tabs: string[], namedRanges: string[], sync: InspectSync): Promise<void> {
  const sheets = ctx.workbook.worksheets;
  const names = ctx.workbook.names;
  sheets.load('items/name');
  if (namedRanges.length > 0) names.load('items/name');
  await sync('finding the scratch tabs', 2 * CALL_OVERHEAD_BYTES);
  const lower = (s: string): string => s.toLowerCase();
  const wantTabs = new Set(tabs.map(lower));
  const wantNames = new Set(namedRanges.map(lower));
  const goneNames = namedRanges.length > 0 ? names.items.filter((n) => wantNames.has(lower(n.name))).map((n) => n.name) : [];
  const goneTabs = sheets.items.filter((s) => wantTabs.has(lower(s.name))).map((s) => s.name);
  for (const n of goneNames) names.getItem(n).delete();
  for (const t of goneTabs) sheets.getItem(t).delete();
  if (goneNames.length + goneTabs.length > 0)
    await sync('removing the scratch tabs', (goneNames.length + goneTabs.length) * CALL_OVERHEAD_BYTES);
}
