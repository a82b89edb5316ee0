/**
 * The one-sentence outcomes every host shows after each operation (en-GB), from what the core returned. Pure.
 * One definition for the task pane (ui/), the Sheets server and the self-test: see ./outcome.ts.
 */
import type { Rag } from '../scoring/types.js';

const ragWord: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

// The first `toLocaleString` with a locale loads the ICU data (tens of milliseconds at a command line's start): a
// positive score or a whole count is written here as en-GB writes it; anything else is left to `toLocaleString`.

/** 2.4, 2.33, 3 (en-GB, at most two decimals) */
export function formatScore(n: number): string {
  const s = n > 0 && n < 1e21 ? String(n) : 'e';
  if (s.includes('e')) return n.toLocaleString('en-GB', { maximumFractionDigits: 2, useGrouping: false });
  const dot = s.indexOf('.');
  if (dot < 0 || s.length - dot - 1 <= 2) return s;
  // Intl rounds the shortest decimal that reads back as n (1.005 → 1.01), half away from zero: so round those digits
  let digits = s.slice(0, dot) + s.slice(dot + 1, dot + 3);
  if (s.charCodeAt(dot + 3) >= 53 /* '5' */) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === '9') i--;
    digits = (i < 0 ? '1' : digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1)) + '0'.repeat(digits.length - 1 - i);
  }
  const whole = digits.slice(0, -2).replace(/^0+(?=\d)/, '') || '0';
  const fraction = digits.slice(-2).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** 7, 1,000, 12,345 (en-GB groups thousands with commas) */
function formatCount(n: number): string {
  if (Number.isSafeInteger(n) && n >= 0) return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  return n.toLocaleString('en-GB');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "Review created for Kensington and Chelsea LSP (2026/27): 8 respondents. Type the scores on the Responses tab." */
export function createdMessage(args: { partnerships: string[]; cycle: string; respondents: number; entryTab: string | null }): string {
  const who = args.partnerships.length === 1 ? args.partnerships[0]! : plural(args.partnerships.length, 'partnership');
  const next = args.entryTab ? ` Type the entries on the ${args.entryTab} tab, then choose Check entries.` : '';
  return `Review created for ${who} (${args.cycle}): ${plural(args.respondents, 'respondent')}.${next}`;
}

/**
 * Check in two kinds: errors (an entry cannot be scored, a bad date, a broken layout) and reminders (questions
 * unanswered, plan rows to complete). "No errors: every entry can be scored. 3 reminders below." /
 * "2 errors to fix: choose one to go to its cell. 1 reminder below."
 */
export function checkedMessage(errors: number, reminders: number): string {
  const more = reminders > 0 ? ` ${plural(reminders, 'reminder')} below.` : '';
  if (errors === 0)
    return reminders > 0
      ? `No errors: every entry can be scored.${more}`
      : 'No errors: every entry can be scored, and nothing is left to chase.';
  return `${plural(errors, 'error')} to fix: choose ${errors === 1 ? 'it' : 'one'} to go to its cell.${more}`;
}

/** "Summary built: 12 respondents, overall 2.4 (Amber); 4 actions on the Improvement Plan tab." */
export function summaryMessage(args: {
  respondents: number;
  overallMean: number | null;
  rag: Rag | null;
  actions: number;
  planTab: string;
}): string {
  // a register review (progress tracker, risk register) has no respondents: say nothing about them
  if (args.respondents === 0 && args.overallMean === null)
    return `Summary built; ${plural(args.actions, 'action')} on the ${args.planTab} tab.`;
  const overall =
    args.overallMean === null ? 'no scores yet' : `overall ${formatScore(args.overallMean)}${args.rag ? ` (${ragWord[args.rag]})` : ''}`;
  return `Summary built: ${plural(args.respondents, 'respondent')}, ${overall}; ${plural(args.actions, 'action')} on the ${args.planTab} tab.`;
}

/** "Improvement plan drafted: 4 actions (1 kept as you edited it, 1 you added). Check each action, then …" */
export function planMessage(args: { drafted: number; edited: number; added: number; noLongerWeak: number; tab: string }): string {
  const total = args.drafted + args.edited + args.added;
  if (total === 0) return `No actions to draft: no area for improvement was found. The ${args.tab} tab is ready for actions you add.`;
  const notes: string[] = [];
  if (args.edited > 0) notes.push(`${args.edited} kept as you edited ${args.edited === 1 ? 'it' : 'them'}`);
  if (args.added > 0) notes.push(`${args.added} you added`);
  if (args.noLongerWeak > 0) notes.push(`${args.noLongerWeak} no longer weak`);
  const extra = notes.length > 0 ? ` (${notes.join(', ')})` : '';
  return `Improvement plan drafted: ${plural(total, 'action')}${extra}. Check each action, then fill in the key contact and lead agency on the ${args.tab} tab.`;
}

// ───────────────────────────── import ─────────────────────────────

/** The pane's choice for re-import (the command line's --prefer-export), in the words the pane shows beside its box. */
export const PREFER_EXPORT_LABEL = "Where someone corrected a cell since the last import, use the export's value";

/** A value as quoted in a sentence: "3", "Good start", (blank). */
export function quotedValue(v: string | number | boolean | null): string {
  return v === null || v === '' ? '(blank)' : `"${String(v)}"`;
}

/** "Ann, Ben and 3 more" — at most six names. */
export function nameList(list: string[]): string {
  return list.length <= 6 ? list.join(', ') : `${list.slice(0, 6).join(', ')} and ${list.length - 6} more`;
}

/** One conflict as every host says it: "Responses!D6 (Alice, ASPIRE): changed in the workbook since the last import — kept …". */
export function conflictLine(c: {
  cell: string;
  respondent: string;
  column: string;
  workbook: string | number | boolean | null;
  export: string | number | boolean | null;
  kept: 'workbook' | 'export';
}): string {
  const kept =
    c.kept === 'workbook'
      ? `kept the workbook's ${quotedValue(c.workbook)}; the export says ${quotedValue(c.export)}`
      : `took the export's ${quotedValue(c.export)} over the workbook's ${quotedValue(c.workbook)}`;
  return `${c.cell} (${c.respondent}, ${c.column}): changed in the workbook since the last import — ${kept}.`;
}

/** Columns of the export that were left out, and why. */
export function unknownColumnsLine(columns: string[]): string {
  return `Not imported — these columns match no item and are not a name, email, partnership or organisation column, so they were left out (if one holds an item's answers, head it with the item's id, e.g. "1.1 …"): ${columns.map((c) => `"${c}"`).join(', ')}.`;
}

/** Rows typed in the workbook that an export row was matched to by name. */
export function matchedByNameLine(names: string[]): string {
  return `Matched by name to rows typed in the workbook (their import id is now recorded): ${nameList(names)}.`;
}

/**
 * The panes' sentence after an import: "Imported: 2 respondents added (Ann, Ben), 1 updated (Cara). 1 cell changed
 * in the workbook since the last import was kept: see below. …"
 */
export function importMessage(args: { added: string[]; updated: string[]; kept: number; taken: number; written: boolean }): string {
  const who = (list: string[]) => (list.length > 0 ? ` (${nameList(list)})` : '');
  const parts = [
    `Imported: ${plural(args.added.length, 'respondent')} added${who(args.added)}, ${args.updated.length} updated${who(args.updated)}.`,
  ];
  if (args.kept > 0)
    parts.push(
      `${plural(args.kept, 'cell')} changed in the workbook since the last import ${args.kept === 1 ? 'was' : 'were'} kept, listed below. To take the export's values instead, tick “${PREFER_EXPORT_LABEL}” and import again.`,
    );
  if (args.taken > 0)
    parts.push(
      `${plural(args.taken, 'cell')} changed in the workbook since the last import ${args.taken === 1 ? 'was' : 'were'} replaced by the export's value, listed below.`,
    );
  parts.push(args.written ? 'Next: choose Check entries.' : 'Nothing was written: the workbook is unchanged.');
  return parts.join(' ');
}
