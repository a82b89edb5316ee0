/** What the recording Office.js fake keeps of each queued call, and helpers shared by its proxies. */
import { fakeError } from './fake-state.js';

export interface RecordedCall {
  /** e.g. `worksheets.getItem("Summary").getRange("A1:D9")` */
  target: string;
  /** property set (`values=`) or method called (`merge`) */
  op: string;
  args: unknown[];
}

export interface Pending {
  call: RecordedCall;
  run: () => void;
  /** internal bookkeeping (null-object resolution), not a call Excel would receive */
  internal?: boolean;
}

export const q = (s: string): string => JSON.stringify(s);

export function loaded<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw fakeError('PropertyNotLoaded', `${what} was read before load() and sync()`);
  return value;
}
