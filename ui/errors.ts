/**
 * Errors in plain English with the fix, never a stack. The core's own errors already say what is wrong (and, for
 * request errors, how to fix it); the pane adds what to do next and what state the workbook is in: "Nothing was
 * changed" only where that is true — errors before writing, or a failed write the host put back (WriteFailedError
 * with nothing left changed); otherwise the tabs that may be part-written.
 * Errors are recognised by `name` as well as by class, because an error that crossed google.script.run or another
 * bundle is no longer an instance of the class.
 */
import type { OperationOutcome } from './bridge.js';

function errorName(e: unknown): string {
  return e && typeof e === 'object' && 'name' in e && typeof (e as { name: unknown }).name === 'string' ? (e as { name: string }).name : '';
}

function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e && typeof (e as { message: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  return typeof e === 'string' ? e : '';
}

/** "The tab is missing" → "The tab is missing." (messages are shown as sentences) */
export function sentence(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  if (t === '') return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

/** Only the first line of a message: hosts sometimes append debugging detail after a line break. */
function firstLine(s: string): string {
  return s.split(/\r?\n/)[0] ?? '';
}

export const NOT_A_REVIEW_FIX = 'Open the workbook that holds your review, or choose Create review to start one.';
export const LAYOUT_CHANGED_FIX = 'Nothing was changed. Try again: the add-in will read the workbook afresh.';

function leftChanged(e: unknown): string[] {
  const v = e && typeof e === 'object' && 'leftChanged' in e ? (e as { leftChanged: unknown }).leftChanged : [];
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
}

function listTabs(tabs: string[]): string {
  const q = tabs.map((t) => `"${t}"`);
  const list = q.length === 1 ? q[0]! : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]!}`;
  return `the ${tabs.length === 1 ? 'tab' : 'tabs'} ${list}`;
}

/** A failed operation as the pane shows it: the error's own words, the fix, and that nothing was changed. */
export function errorOutcome(e: unknown): OperationOutcome {
  const name = errorName(e);
  const msg = sentence(firstLine(errorMessage(e)));
  let message: string;
  if (name === 'NotAReviewError') {
    message = `${msg || 'This workbook is not a Partnership Review workbook.'} ${NOT_A_REVIEW_FIX}`;
  } else if (name === 'LayoutChangedError') {
    message = `${msg || 'The workbook changed while the add-in was working.'} ${LAYOUT_CHANGED_FIX}`;
  } else if (name === 'WriteFailedError') {
    // the host put back what it had started writing, or says which tabs it could not (core/host/write-failure.ts)
    const left = leftChanged(e);
    const what = msg.replace(/\.$/, '') || 'the workbook could not be written';
    message =
      left.length === 0
        ? `Something went wrong while writing: ${what}. Nothing was changed: the add-in put back what it had started to write.`
        : `Something went wrong while writing: ${what}. The add-in could not put everything back, so ${listTabs(left)} may be part-written: check ${left.length === 1 ? 'it' : 'them'}, or delete ${left.length === 1 ? 'it' : 'them'} and try again.`;
  } else if (name === 'ReviewRequestError') {
    message = `${msg || 'The request could not be carried out. Check the fields and try again.'} Nothing was changed.`;
  } else {
    const detail = msg.replace(/\.$/, '');
    message = `Something went wrong: ${detail || 'an unexpected error'}. Nothing was changed.`;
  }
  return { ok: false, message, problems: [], tabsWritten: [] };
}
