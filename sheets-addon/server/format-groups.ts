/**
 * Coalescing a tab's format rules into as few Apps Script calls as possible: every range that gets the same value
 * for the same property goes into one `RangeList` call (`sheet.getRangeList([...]).setBackground('#…')`), so the
 * number of calls depends on how many different formats a tab has, never on how many rows or rules it has.
 *
 * Order is kept where it matters: a later rule overrides an earlier one where they overlap, so a range joins an
 * earlier group of the same value only if no group with a different value for that property, applied after that
 * group, overlaps it. Pure: no Apps Script here.
 */
import type { CellFormat, FormatRule, RangeRef } from '../../core/sheet-plan/types.js';

export type FormatProp =
  | 'fontWeight'
  | 'fontStyle'
  | 'fontSize'
  | 'fontColor'
  | 'background'
  | 'wrap'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'numberFormat'
  | 'border';

export type FormatValue = string | number | boolean;

export interface FormatGroup {
  prop: FormatProp;
  value: FormatValue;
  ranges: RangeRef[];
}

/** The Apps Script properties (and values) one CellFormat sets, in a fixed order. */
export function formatSettings(f: CellFormat): { prop: FormatProp; value: FormatValue }[] {
  const out: { prop: FormatProp; value: FormatValue }[] = [];
  if (f.bold !== undefined) out.push({ prop: 'fontWeight', value: f.bold ? 'bold' : 'normal' });
  if (f.italic !== undefined) out.push({ prop: 'fontStyle', value: f.italic ? 'italic' : 'normal' });
  if (f.fontSize !== undefined) out.push({ prop: 'fontSize', value: f.fontSize });
  if (f.fontColour !== undefined) out.push({ prop: 'fontColor', value: f.fontColour });
  if (f.fill !== undefined) out.push({ prop: 'background', value: f.fill });
  if (f.wrap !== undefined) out.push({ prop: 'wrap', value: f.wrap });
  if (f.hAlign !== undefined) out.push({ prop: 'horizontalAlignment', value: f.hAlign });
  if (f.vAlign !== undefined) out.push({ prop: 'verticalAlignment', value: f.vAlign });
  if (f.numberFormat !== undefined) out.push({ prop: 'numberFormat', value: f.numberFormat });
  if (f.border !== undefined) out.push({ prop: 'border', value: f.border });
  return out;
}

export function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function sameRange(a: RangeRef, b: RangeRef): boolean {
  return a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;
}

/** Groups of (property, value) → ranges, in the order they must be applied. */
export function groupFormats(rules: FormatRule[]): FormatGroup[] {
  const byProp = new Map<FormatProp, FormatGroup[]>();
  for (const rule of rules) {
    if (rule.range.rows < 1 || rule.range.cols < 1) continue;
    for (const s of formatSettings(rule.format)) {
      let groups = byProp.get(s.prop);
      if (!groups) byProp.set(s.prop, (groups = []));
      let target = -1;
      for (let i = groups.length - 1; i >= 0; i--) {
        if (groups[i]!.value === s.value) {
          target = i;
          break;
        }
      }
      if (target >= 0) {
        const blocked = groups.slice(target + 1).some((g) => g.value !== s.value && g.ranges.some((r) => overlaps(r, rule.range)));
        if (blocked) target = -1;
      }
      if (target < 0) {
        groups.push({ prop: s.prop, value: s.value, ranges: [rule.range] });
      } else if (!groups[target]!.ranges.some((r) => sameRange(r, rule.range))) {
        groups[target]!.ranges.push(rule.range);
      }
    }
  }
  return [...byProp.values()].flat();
}
