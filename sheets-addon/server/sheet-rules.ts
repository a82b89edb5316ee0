/// <reference types="google-apps-script" />
/**
 * Validation and conditional-format rules from the sheet plan, built with Apps Script's builders. One rule covers a
 * whole range (a column of 1,000 respondents is one rule, not 1,000).
 */
import type { ConditionalRule, ValidationRule } from '../../core/sheet-plan/types.js';

export type RuleBuilders = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'newDataValidation' | 'newConditionalFormatRule'>;

/** A string as a formula literal: "it's" → "it's" with double quotes doubled. */
function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Help text shown beside the cell: the prompt, then what to do when rejected. */
export function helpText(rule: ValidationRule): string {
  return [rule.prompt, rule.error].filter((s): s is string => !!s && s.trim() !== '').join(' ');
}

/**
 * The validation for a range whose top-left cell is `topLeft` (A1, relative: Sheets moves a custom formula's
 * relative references across the range). `tick` counts Apps Script calls.
 */
export function buildValidation(
  app: RuleBuilders,
  rule: ValidationRule,
  topLeft: string,
  tick: (n: number) => void,
): GoogleAppsScript.Spreadsheet.DataValidation {
  let b = app.newDataValidation();
  tick(1);
  switch (rule.kind) {
    case 'list':
      b = b.requireValueInList(rule.values, true).setAllowInvalid(!rule.strict);
      break;
    case 'date':
      b = b.requireDate().setAllowInvalid(false);
      break;
    case 'number':
      b = rule.integer
        ? b.requireFormulaSatisfied(`=AND(ISNUMBER(${topLeft}),${topLeft}=INT(${topLeft}),${topLeft}>=${rule.min},${topLeft}<=${rule.max})`)
        : b.requireNumberBetween(rule.min, rule.max);
      b = b.setAllowInvalid(false);
      break;
  }
  tick(2);
  const help = helpText(rule);
  if (help) {
    b = b.setHelpText(help);
    tick(1);
  }
  tick(1);
  return b.build();
}

/** One conditional format rule over `range` (its top-left cell is `topLeft`). */
export function buildConditional(
  app: RuleBuilders,
  rule: ConditionalRule,
  range: GoogleAppsScript.Spreadsheet.Range,
  topLeft: string,
  tick: (n: number) => void,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  let b = app.newConditionalFormatRule().setRanges([range]);
  tick(2);
  if (rule.kind === 'textEquals') {
    // Sheets compares text without regard to case; LOWER on both sides says so plainly.
    b = b.whenFormulaSatisfied(`=LOWER(${topLeft})=${literal(rule.text.toLowerCase())}`);
  } else {
    switch (rule.operator) {
      case 'lt':
        b = b.whenNumberLessThan(rule.value);
        break;
      case 'lte':
        b = b.whenNumberLessThanOrEqualTo(rule.value);
        break;
      case 'gt':
        b = b.whenNumberGreaterThan(rule.value);
        break;
      case 'gte':
        b = b.whenNumberGreaterThanOrEqualTo(rule.value);
        break;
      case 'between':
        b = b.whenNumberBetween(rule.value, rule.value2 ?? rule.value);
        break;
    }
  }
  tick(1);
  if (rule.format.fill !== undefined) {
    b = b.setBackground(rule.format.fill);
    tick(1);
  }
  if (rule.format.fontColour !== undefined) {
    b = b.setFontColor(rule.format.fontColour);
    tick(1);
  }
  if (rule.format.bold !== undefined) {
    b = b.setBold(rule.format.bold);
    tick(1);
  }
  tick(1);
  return b.build();
}
