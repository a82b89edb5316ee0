/**
 * Scale helpers: the lowest and highest point, which scale an item uses, and how to describe a scale to a person.
 */
import type { Framework, Item, Scale, ScalePoint } from '../framework/schema.js';

/** Answers always accepted as "not scored", whatever the scale says (issue #2). */
export const ALWAYS_NOT_SCORED = ['N/A', "Don't know"] as const;

export function scaleMin(scale: Scale): number {
  return scale.points[0]!.value;
}

export function scaleMax(scale: Scale): number {
  return scale.points[scale.points.length - 1]!.value;
}

export function scaleById(framework: Framework, id: string): Scale {
  const s = framework.scales.find((x) => x.id === id);
  if (!s) throw new RangeError(`framework "${framework.id}" has no scale "${id}"`);
  return s;
}

/** The scale an item is scored on: its own, or the framework's default. */
export function scaleForItem(framework: Framework, item: Item): Scale {
  return scaleById(framework, item.scale ?? framework.defaultScale);
}

/** Items that are scored (have a 'score' field), in framework order, with their section. */
export function scoredItems(framework: Framework): { item: Item; sectionId: string }[] {
  const out: { item: Item; sectionId: string }[] = [];
  for (const s of framework.sections) for (const it of s.items) if (it.fields.includes('score')) out.push({ item: it, sectionId: s.id });
  return out;
}

/** A number as people read it: 2 → "2", 2.5 → "2.5", 2.3333 → "2.33" (at most `dp` decimals, no trailing zeros). */
export function formatNumber(n: number, dp = 2): string {
  const r = Number(n.toFixed(dp));
  return String(Object.is(r, -0) ? 0 : r);
}

/** True when a point's label is just its value ("2" for 2). */
export function isNumberLabel(p: ScalePoint): boolean {
  return p.label.trim() !== '' && Number(p.label.trim()) === p.value;
}

/** The point's label, or null when the label is only its number. */
export function pointLabel(scale: Scale, value: number): string | null {
  const p = scale.points.find((x) => x.value === value);
  return p && !isNumberLabel(p) ? p.label : null;
}

/** "1, 2 or 3" */
export function listWithOr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Labels that may be typed instead of a score but are not scored: the scale's own, then N/A and Don't know. */
export function notScoredLabels(scale: Scale): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const l of [...scale.notScored, ...ALWAYS_NOT_SCORED]) {
    const k = l.trim().toLowerCase().replace(/’/g, "'");
    if (!seen.has(k)) {
      seen.add(k);
      out.push(l.trim());
    }
  }
  return out;
}

/**
 * What to type, in plain English: "Enter 1, 2 or 3 (or weak/needs improvement, present in parts, strong), or N/A if
 * it does not apply." Other not-scored labels the scale lists (e.g. "Don't know") are offered after it.
 */
export function describeScaleEntry(scale: Scale): string {
  const values = listWithOr(scale.points.map((p) => formatNumber(p.value, 6)));
  // labels that are only the number again (e.g. delivery tracker 2, 3, 4) add nothing
  const named = scale.points.filter((p) => !isNumberLabel(p));
  const labels = named.length ? ` (or ${named.map((p) => p.label).join(', ')})` : '';
  // N/A is always offered; other not-scored labels only when the scale lists them (e.g. hallmarks' "Don't know").
  const others = scale.notScored.map((l) => l.trim()).filter((l) => l.toLowerCase() !== 'n/a');
  const extra = others.length ? `, or ${listWithOr(others)} if you cannot say` : '';
  return `Enter ${values}${labels}, or N/A if it does not apply${extra}.`;
}
