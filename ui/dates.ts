/**
 * Dates at the edge of the UI: the core reads no clock, so the pane turns the clock into the strings the core takes.
 */

/** The local calendar date of `d` as ISO `YYYY-MM-DD` (local, not UTC: just after midnight in London is still "today"). */
export function isoDate(d: Date): string {
  const y = String(d.getFullYear()).padStart(4, '0');
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** First month of the review year, 1-based. Default 4 (April): English public bodies and LSPs plan by financial
 *  year. The seed papers do not fix a cycle, so this is a default, and the pane lets a person type any label. */
export const DEFAULT_CYCLE_START_MONTH = 4;

/**
 * The default cycle label for the date `d`: the year that contains it, written `2026/27`.
 * With the April default, 15/05/2026 → "2026/27" and 15/02/2027 → "2026/27".
 */
export function defaultCycle(d: Date, startMonth = DEFAULT_CYCLE_START_MONTH): string {
  const month = d.getMonth() + 1;
  const first = month >= startMonth ? d.getFullYear() : d.getFullYear() - 1;
  if (startMonth === 1) return String(first);
  const next = String((first + 1) % 100).padStart(2, '0');
  return `${first}/${next}`;
}
