/**
 * Parsing one score cell (issue #2, "Scoring — exact rules").
 *
 * - A number equal to one of the scale's point values is a score; so is the same number typed as text (" 2 ").
 * - One of the scale's labels is a score, ignoring case and surrounding spaces (runs of spaces inside count as one,
 *   and ’ is read as '). "3 = Strong", "3 - Strong" and "3: Strong" (number and label of the same point) are
 *   accepted too, so a dropdown that shows both still reads back.
 * - Blank, whitespace or null → missing.
 * - The scale's `notScored` labels, and always "N/A" and "Don't know" (also with ’), any case → not scored.
 * - Anything else, booleans included → invalid (reported by validation, counted as missing).
 */
import type { Scale } from '../framework/schema.js';
import type { CellValue } from '../review/types.js';
import type { ParsedScore } from './types.js';
import { notScoredLabels } from './scale.js';

/** Lower case, ’ → ', runs of white space → one space, trimmed. */
export function normaliseLabel(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function pointByValue(scale: Scale, v: number): number | null {
  for (const p of scale.points) if (p.value === v) return p.value;
  return null;
}

export function parseScore(raw: CellValue | undefined, scale: Scale): ParsedScore {
  if (raw === null || raw === undefined) return { kind: 'missing' };
  if (typeof raw === 'boolean') return { kind: 'invalid', raw: raw ? 'TRUE' : 'FALSE' };
  if (typeof raw === 'number') {
    const v = Number.isFinite(raw) ? pointByValue(scale, raw) : null;
    return v === null ? { kind: 'invalid', raw: String(raw) } : { kind: 'score', value: v };
  }
  const text = raw.trim();
  if (text === '') return { kind: 'missing' };
  if (NUMBER_TEXT.test(text)) {
    const v = pointByValue(scale, Number(text));
    return v === null ? { kind: 'invalid', raw: text } : { kind: 'score', value: v };
  }
  const key = normaliseLabel(text);
  for (const p of scale.points) if (normaliseLabel(p.label) === key) return { kind: 'score', value: p.value };
  for (const l of notScoredLabels(scale)) if (normaliseLabel(l) === key) return { kind: 'notScored', label: l };
  // "3 = Strong", "3 - Strong", "3 – Strong", "3: Strong"
  const both = /^([+-]?\d+(?:\.\d+)?)\s*[=:\-–—]\s*(.+)$/.exec(text);
  if (both) {
    const v = Number(both[1]);
    const p = scale.points.find((x) => x.value === v);
    if (p && normaliseLabel(p.label) === normaliseLabel(both[2]!)) return { kind: 'score', value: p.value };
  }
  return { kind: 'invalid', raw: text };
}

/** True for null, undefined, and text that is empty or only spaces. */
export function isBlank(raw: CellValue | undefined): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * `parseScore` for one scale, remembering the answer for each distinct raw value: a column of a thousand cells holds
 * a handful of different values, so each is parsed once. Use one parser per scale and per scoring run (the cache
 * lives as long as the parser). The ParsedScore objects it returns are shared: read them, never change them.
 */
export function scoreParser(scale: Scale): (raw: CellValue | undefined) => ParsedScore {
  const cache = new Map<string | number | boolean, ParsedScore>();
  const missing: ParsedScore = { kind: 'missing' };
  return (raw) => {
    if (raw === null || raw === undefined) return missing;
    let p = cache.get(raw);
    if (p === undefined) {
      p = parseScore(raw, scale);
      cache.set(raw, p);
    }
    return p;
  };
}
