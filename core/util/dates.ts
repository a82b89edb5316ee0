/**
 * Calendar dates without a clock or time zone: every date is an ISO `YYYY-MM-DD` string.
 * `today` is always passed in by the caller; nothing here reads the clock.
 *
 * Accepted as input (`parseDate`):
 * - ISO `2026-01-05` (optionally followed by a time, e.g. `2026-01-05T00:00:00Z`, which is ignored);
 * - day first, as people in England type it: `5/1/2026`, `05/01/2026`, `5/1/26`, with `/`, `.` or `-` between parts;
 * - Excel serial numbers (Office.js reads date cells as numbers): 45662 → 2025-01-05. Any time of day is ignored.
 *
 * Two-digit years follow Excel's default rule (a documented default, configurable): 00–29 → 2000–2029,
 * 30–99 → 1930–1999.
 */
import type { CellValue } from '../review/types.js';

const DAY_MS = 86_400_000;
/** Excel day 0 for serials after the fictitious 29/02/1900 (Lotus bug): 30/12/1899. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** 31/12/9999, the last date Excel knows. */
const MAX_SERIAL = 2_958_465;

/** Default two-digit year pivot: yy < 30 → 20yy, otherwise 19yy (Excel's default). */
export const DEFAULT_TWO_DIGIT_YEAR_PIVOT = 30;

export interface ParseDateOptions {
  /** two-digit years below this are 20yy, others 19yy (default 30, as Excel) */
  twoDigitYearPivot?: number;
  /** accept numbers as Excel serial dates (default true) */
  serials?: boolean;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A valid calendar date as ISO, or null (31/02 is not a date). */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function partsOf(iso: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${iso}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (isoFromParts(y, mo, d) === null) throw new RangeError(`not a calendar date: ${iso}`);
  return { y, m: mo, d };
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

/** Excel serial (1 = 01/01/1900; 60 is Excel's fictitious 29/02/1900, taken as 28/02/1900) → ISO, or null. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_SERIAL) return null;
  // Serials up to 59 are one day later than the modern epoch gives, because Excel counts a 29/02/1900.
  const days = whole < 60 ? whole + 1 : whole;
  const d = new Date(EXCEL_EPOCH_MS + days * DAY_MS);
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** ISO → Excel serial number (for writing a date as a number with a dd/mm/yyyy format). */
export function isoToSerial(iso: string): number {
  const { y, m, d } = partsOf(iso);
  const days = Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_MS) / DAY_MS);
  return days <= 60 ? days - 1 : days;
}

/**
 * Days from day 0 of Excel's 1900 date system (30/12/1899, as counted after its 29/02/1900) to day 0 of its 1904
 * system (01/01/1904): the same day is this many fewer in a workbook that counts from 1904 (`date1904`, Excel for
 * Mac's old default). Core reads and writes serials of the 1900 system; a host whose workbook counts from 1904
 * converts at its boundary with the two functions below.
 */
export const DAYS_1900_TO_1904 = 1462;

/** A serial of the 1900 date system → the same day's serial in the workbook's date system. */
export function serialInDateSystem(serial1900: number, date1904: boolean): number {
  return date1904 ? serial1900 - DAYS_1900_TO_1904 : serial1900;
}

/** A serial stored in a workbook of the given date system → the same day's serial in the 1900 system (core's). */
export function serialFromDateSystem(serial: number, date1904: boolean): number {
  return date1904 ? serial + DAYS_1900_TO_1904 : serial;
}

/** Whether a number format code (`dd/mm/yyyy`, `[$-809]d mmm yyyy`, `h:mm`) shows a date or time. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
  if (/general/i.test(bare)) return false;
  return /[dmyhs]/i.test(bare);
}

/**
 * A cell value → ISO date, or null when it is not a date (blank included: check for blank first).
 */
export function parseDate(raw: CellValue | undefined, opts: ParseDateOptions = {}): string | null {
  if (raw === null || raw === undefined || typeof raw === 'boolean') return null;
  if (typeof raw === 'number') return opts.serials === false ? null : serialToIso(raw);
  const s = raw.trim();
  if (s === '') return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (iso) return isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const uk = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(s);
  if (uk) {
    let year = Number(uk[4]);
    if (uk[4]!.length === 2) {
      const pivot = opts.twoDigitYearPivot ?? DEFAULT_TWO_DIGIT_YEAR_PIVOT;
      year += year < pivot ? 2000 : 1900;
    }
    return isoFromParts(year, Number(uk[3]), Number(uk[1]));
  }
  // A serial number that arrived as text (e.g. "45662") is still a serial.
  if (/^\d{1,7}(\.\d+)?$/.test(s) && opts.serials !== false) return serialToIso(Number(s));
  return null;
}

/** ISO → dd/mm/yyyy, as people in England read dates. */
export function formatDateUk(iso: string): string {
  const { y, m, d } = partsOf(iso);
  return `${pad(d)}/${pad(m)}/${pad(y, 4)}`;
}

/** Add calendar months; the day is clamped to the end of a shorter month (31/01 + 1 month → 28/02 or 29/02). */
export function addMonths(iso: string, months: number): string {
  const { y, m, d } = partsOf(iso);
  const total = y * 12 + (m - 1) + Math.trunc(months);
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return isoFromParts(ny, nm, Math.min(d, daysInMonth(ny, nm)))!;
}

export function addDays(iso: string, days: number): string {
  const { y, m, d } = partsOf(iso);
  const t = new Date(Date.UTC(y, m - 1, d) + Math.trunc(days) * DAY_MS);
  return isoFromParts(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())!;
}

/** Negative when a is before b, 0 when the same day, positive when after (ISO strings compare as text). */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first four-digit year in a cycle name: "2026/27" → 2026, "Cycle 2025-2026" → 2025; null when none. */
export function cycleStartYear(cycle: string): number | null {
  const m = /(?:^|\D)(\d{4})(?!\d)/.exec(cycle);
  return m ? Number(m[1]) : null;
}
