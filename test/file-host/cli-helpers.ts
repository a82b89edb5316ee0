/** Running the command line in-process, and reading every cell of a saved workbook, for the CLI tests. */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { run } from '../../file-host/cli/run.js';
import type { CliIO } from '../../file-host/cli/io.js';

export const TODAY = '2026-11-23';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `partnership-review …args` with a fixed date (unless the args give --today) and captured output. */
export async function cli(...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), clockToday: () => TODAY };
  const code = await run(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

export interface CellDump {
  formula?: string;
  value: unknown;
}

/** Every non-empty cell of every tab: its formula (if any) and its value/cached result. */
export async function dumpWorkbook(path: string): Promise<Record<string, Record<string, CellDump>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path)) as unknown as ExcelJS.Buffer);
  const out: Record<string, Record<string, CellDump>> = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, CellDump> = {};
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const formula = cell.formula;
        const value = formula ? cell.result : cell.value instanceof Date ? cell.value.toISOString() : cell.value;
        if (!formula && (value === null || value === undefined || value === '')) return;
        cells[cell.address] = formula ? { formula, value: value ?? null } : { value };
      });
    });
    out[ws.name] = cells;
  });
  return out;
}
