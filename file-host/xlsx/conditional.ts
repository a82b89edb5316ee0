/**
 * Conditional formats as ExcelJS expression rules with dxf styles. Expressions (rather than `cellIs`) so that a blank
 * cell is never coloured as if it held 0, and so that Excel, LibreOffice and Google Sheets read them alike.
 */
import type ExcelJS from 'exceljs';
import type { ConditionalFormatSpec, ConditionalRule } from '../../core/sheet-plan/types.js';
import { a1, rangeA1 } from '../../core/util/a1.js';
import { conditionalStyle } from './styles.js';

function num(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`a conditional format needs a finite number, got ${n}`);
  return String(n);
}

/** The formula of one rule, relative to the range's top-left cell. */
export function ruleFormula(rule: ConditionalRule, topLeft: string): string {
  if (rule.kind === 'textEquals') {
    // `=` compares text without regard to case in Excel, LibreOffice and Sheets
    return `TRIM(${topLeft})="${rule.text.replace(/"/g, '""')}"`;
  }
  const v = num(rule.value);
  switch (rule.operator) {
    case 'lt':
      return `AND(ISNUMBER(${topLeft}),${topLeft}<${v})`;
    case 'lte':
      return `AND(ISNUMBER(${topLeft}),${topLeft}<=${v})`;
    case 'gt':
      return `AND(ISNUMBER(${topLeft}),${topLeft}>${v})`;
    case 'gte':
      return `AND(ISNUMBER(${topLeft}),${topLeft}>=${v})`;
    case 'between': {
      const hi = num(rule.value2 ?? rule.value);
      return `AND(ISNUMBER(${topLeft}),${topLeft}>=${v},${topLeft}<=${hi})`;
    }
  }
}

type CfList = Array<{ ref: string; rules: ExcelJS.ConditionalFormattingRule[] }>;

/** Replace the conditional formats on exactly this range (an `update` never stacks duplicates). */
export function setConditionalFormats(ws: ExcelJS.Worksheet, spec: ConditionalFormatSpec, nextPriority: () => number): void {
  const ref = rangeA1(spec.range);
  const list = (ws as unknown as { conditionalFormattings: CfList }).conditionalFormattings;
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.ref === ref) list.splice(i, 1);
  const topLeft = a1(spec.range.row, spec.range.col);
  ws.addConditionalFormatting({
    ref,
    rules: spec.rules.map(
      (rule) =>
        ({
          type: 'expression',
          priority: nextPriority(),
          formulae: [ruleFormula(rule, topLeft)],
          style: conditionalStyle(rule.format),
        }),
    ),
  });
}

/** Highest priority in use on a sheet, so new rules go after what is there. */
export function maxPriority(ws: ExcelJS.Worksheet): number {
  const list = (ws as unknown as { conditionalFormattings: CfList }).conditionalFormattings;
  let max = 0;
  for (const cf of list) for (const r of cf.rules) max = Math.max(max, (r as { priority?: number }).priority ?? 0);
  return max;
}
