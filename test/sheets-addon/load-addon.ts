/**
 * The BUILT add-on (dist/sheets-addon/Code.js) loaded the way Apps Script runs it: one classic script in a fresh
 * global scope holding the Apps Script services — here the recording fake — and a clock fixed at `today`.
 */
import vm from 'node:vm';
import type { ServerFunctions } from '../../sheets-addon/server/api.js';
import type { FakeAppsScript } from './fake-apps-script.js';

export type AddonGlobals = ServerFunctions & {
  onOpen(e?: unknown): void;
  onInstall(e?: unknown): void;
  showSidebar(): void;
  menuCheck(): void;
  menuSummarise(): void;
  menuPlan(): void;
  menuSelfTest(): void;
};

/** A Date whose "now" is noon (UTC) on `today`; every other use of Date is the real one. */
function fixedClock(today: string): DateConstructor {
  const now = Date.parse(`${today}T12:00:00Z`);
  class FixedDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now);
      else super(...(args as [string]));
    }
    static override now(): number {
      return now;
    }
  }
  return FixedDate as unknown as DateConstructor;
}

export function loadAddon(code: string, fake: FakeAppsScript, today = '2026-05-12'): AddonGlobals {
  // no eval or new Function: the add-on must run with code generation from strings switched off
  const context = vm.createContext(
    { ...fake.globals(), console, Date: fixedClock(today) },
    { codeGeneration: { strings: false, wasm: false } },
  );
  new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
  return context as unknown as AddonGlobals;
}

/** Call counts with the one grid-sizing call named alike, whether it grew the grid (insertRowsAfter) or shrank it. */
export function sameShape(counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(counts)) {
    const key = k === 'Sheet.insertRowsAfter' || k === 'Sheet.deleteRows' ? 'Sheet.(insertRowsAfter|deleteRows)' : k;
    out[key] = (out[key] ?? 0) + n;
  }
  return out;
}

export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
