/** Read-back for the in-memory workbook (core/host/inspect.ts): what it kept, as Excel and Sheets report it. */
import { missingTab, type CellFacts, type InspectRequest, type TabFacts, type ValidationFact } from '../core/host/inspect.js';
import type { ValidationRule } from '../core/sheet-plan/types.js';
import { inRange, type MemorySheet } from './memory-sheet.js';

function fact(rule: ValidationRule): ValidationFact {
  if (rule.kind === 'list') return { kind: 'list', values: [...rule.values], strict: rule.strict };
  if (rule.kind === 'number') return { kind: 'number', min: rule.min, max: rule.max, strict: true };
  return { kind: 'date', strict: true };
}

function cellFacts(s: MemorySheet, row: number, col: number): CellFacts {
  const validation = [...s.validations].reverse().find((v) => inRange(v.range, row, col));
  const p = s.protection;
  return {
    row,
    col,
    formula: s.get(row, col)?.formula ?? null,
    numberFormat: s.formatAt(row, col).numberFormat ?? '',
    validation: validation ? fact(validation.rule) : null,
    locked: Boolean(p?.protect) && !p!.editable.some((r) => inRange(r, row, col)),
  };
}

export function inspectSheets(find: (name: string) => MemorySheet | undefined, requests: InspectRequest[]): TabFacts[] {
  return requests.map((r) => {
    const s = find(r.tab);
    if (!s) return missingTab(r.tab);
    return {
      tab: r.tab,
      exists: true,
      hidden: s.hidden,
      frozen: s.freeze ? { ...s.freeze } : { rows: 0, cols: 0 },
      merges: s.merges.map((m) => ({ row: m.row, col: m.col, rows: m.rows, cols: m.cols })),
      protected: Boolean(s.protection?.protect),
      conditionalFormats: s.conditionalFormats.flatMap((c) => c.rules.map(() => ({ ranges: [{ ...c.range }] }))),
      charts: s.charts.map((c) => ({ title: c.title, kind: c.kind })),
      cells: r.cells.map((c) => cellFacts(s, c.row, c.col)),
    };
  });
}
