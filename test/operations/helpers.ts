/** Shared test helpers: a review on the memory host, filling it like a person would, and formula parity. */
import { expect } from 'vitest';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { planCreate } from '../../core/operations/create.js';
import { READ_TABS } from '../../core/operations/read-tabs.js';
import type { CreateRequest } from '../../core/operations/types.js';
import type { Snapshot } from '../../core/host/types.js';
import { a1 } from '../../core/util/a1.js';
import { FormulaEvaluator, isError } from '../sheet-plan/formula-eval.js';

export const TODAY = '2026-05-01';

export function newReview(req: Partial<CreateRequest> & { framework: CreateRequest['framework'] }): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.applyNow(planCreate({ partnerships: ['KCP'], respondents: [], cycle: '2026/27', today: TODAY, ...req }, []));
  return wb;
}

export function snap(wb: MemoryWorkbook): Snapshot {
  return wb.readNow({ tabs: [...READ_TABS] });
}

/** Column of a key on a tab's hidden key row (searching the first 10 rows). */
export function keyCol(wb: MemoryWorkbook, sheet: string, key: string): { row: number; col: number } {
  const t = wb.tab(sheet);
  const values = t.values();
  for (let r = 0; r < Math.min(10, values.length); r++) {
    const c = values[r]!.indexOf(key);
    if (c >= 0) return { row: r + 1, col: c + 1 };
  }
  throw new Error(`no key ${key} on ${sheet}`);
}

/** Row of `id` in column A of a tab at or after `from`. */
export function rowOf(wb: MemoryWorkbook, sheet: string, id: string, from = 1): number {
  const values = wb.tab(sheet).values();
  for (let r = from - 1; r < values.length; r++) if (values[r]![0] === id) return r + 1;
  throw new Error(`no row ${id} on ${sheet}`);
}

/**
 * Every formula on the tab evaluates (test evaluator, Excel's rules) to the value core put beside it.
 * Returns the number of formulas checked and the functions they use.
 */
export function expectFormulasMatch(wb: MemoryWorkbook, sheet: string): { count: number; functions: Set<string> } {
  const ev = new FormulaEvaluator(wb);
  let count = 0;
  for (const [row, col, cell] of wb.tab(sheet).entries()) {
    if (cell.formula === undefined) continue;
    count++;
    const got = ev.cell(sheet, row, col);
    const where = `${sheet}!${a1(row, col)} ${cell.formula}`;
    if (isError(got)) throw new Error(`${where} gives ${got.error}`);
    const want = cell.value;
    if (typeof want === 'number') {
      expect(typeof got, where).toBe('number');
      expect(Math.abs((got as number) - want), where).toBeLessThan(1e-9);
    } else expect(got === null ? '' : got, where).toBe(want === null ? '' : want);
  }
  return { count, functions: ev.functions };
}

/** Every value a person could have typed, as a map `Sheet!A1` → value, for the given tabs. */
export function typedCells(wb: MemoryWorkbook, sheets: string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, c] of wb.allCells()) if (sheets.some((s) => k.startsWith(`${s}!`))) out.set(k, c.value);
  return out;
}
