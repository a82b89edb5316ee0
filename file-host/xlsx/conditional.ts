/**
 * Conditional formats as expression rules with dxf styles. Expressions (rather than `cellIs`) so that a blank cell is
 * never coloured as if it held 0, and so that Excel, LibreOffice and Google Sheets read them alike.
 */
import type { ConditionalRule } from '../../core/sheet-plan/types.js';
import { escFormula } from './validations.js';

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

/** One `<conditionalFormatting>` with a rule per entry (dxf ids and priorities given). */
export function conditionalXml(P: string, sqref: string, rules: Array<{ formula: string; dxfId: number; priority: number }>): string {
  return (
    `<${P}conditionalFormatting sqref="${sqref}">` +
    rules
      .map(
        (r) =>
          `<${P}cfRule type="expression" dxfId="${r.dxfId}" priority="${r.priority}"><${P}formula>${escFormula(r.formula)}</${P}formula></${P}cfRule>`,
      )
      .join('') +
    `</${P}conditionalFormatting>`
  );
}
