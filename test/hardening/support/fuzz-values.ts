/**
 * Values people type, for the property tests and the fuzz run: wrong types, out-of-scale numbers, labels in odd
 * case and with spaces, very long and non-Latin text, formula-like text. A score value is generated abstractly
 * (`ScorePick`) and resolved against the scale of the column it lands in, so the test knows — independently of the
 * product — whether it is a valid score, a "not scored" answer, blank, or invalid.
 */
import fc from 'fast-check';
import type { Scale } from '../../../core/framework/schema.js';
import type { CellValue } from '../../../core/review/types.js';

/** 32,000 characters: near Excel's 32,767-character limit for a cell. */
export const LONG_TEXT = 'Partnership comment that goes on and on. '.repeat(800).slice(0, 32_000);
export const LONG_ARABIC = 'الشراكة الاستراتيجية المحلية '.repeat(1200).slice(0, 32_000);

export const NON_LATIN = [
  'مراجعة الشراكة المحلية', // Arabic (right to left)
  '地方战略伙伴关系评估', // Chinese
  'パートナーシップの見直し', // Japanese
  'שותפות אסטרטגית', // Hebrew
  'Партнёрство', // Cyrillic
  '👩🏽‍💼🤝🏿👨‍👩‍👧 partners', // emoji with skin tones and zero-width joiners
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇', // stacked combining marks
  'e\u0301 cafe\u0301 nai\u0308ve', // combining accents
  '\u202Eevil\u202C text', // right-to-left override
  'zero\u200Bwidth\u200Dspace', // zero-width characters
  '\uFEFFbyte order mark',
  'tab\tand\nnew line\r\nand more',
];

export const FORMULA_LIKE = [
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1)',
  '=1/0',
  "'apostrophe first",
  '=',
  '+',
  '-',
  '@',
];

/** Text that is never a score on any built-in scale (and never a label, N/A or Don't know). */
export const NOT_A_SCORE = [
  'strongish',
  'very good',
  'x',
  '?',
  'TBC',
  '3 stars',
  'three',
  '2026-03-01',
  '01/03/2026',
  '1,5',
  '2..0',
  '½',
  'NaN',
  'Infinity',
  'null',
];

export type ScorePick =
  | { kind: 'point'; index: number; style: 'number' | 'numberText' | 'label' | 'labelUpper' | 'labelLower' | 'labelSpaced' | 'labelMixed' }
  | { kind: 'notScored'; text: string }
  | { kind: 'blank'; text: '' | '   ' | null }
  | { kind: 'outOfScale'; offset: number }
  | { kind: 'fraction' }
  | { kind: 'invalid'; value: CellValue };

export type ScoreClass = 'valid' | 'notScored' | 'blank' | 'invalid';

export const scorePick: fc.Arbitrary<ScorePick> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('point' as const),
      index: fc.nat({ max: 9 }),
      style: fc.constantFrom('number', 'numberText', 'label', 'labelUpper', 'labelLower', 'labelSpaced', 'labelMixed'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('notScored' as const), text: fc.constantFrom('N/A', 'n/a', " Don't know ", 'DON’T KNOW') }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('blank' as const), text: fc.constantFrom('' as const, '   ' as const, null) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('outOfScale' as const), offset: fc.constantFrom(-1000, -3, -1, 1, 2, 7, 1e9) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fraction' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('invalid' as const),
      value: fc.oneof(
        fc.boolean(),
        fc.constantFrom(...NOT_A_SCORE),
        fc.constantFrom(...NON_LATIN),
        fc.constantFrom(...FORMULA_LIKE.filter((s) => !/^[+-]?\d/.test(s) && s !== '-2+3')),
        fc.constantFrom(LONG_TEXT, LONG_ARABIC),
        fc.string({ minLength: 1, maxLength: 12 }).map((s) => `zz${s}`),
      ),
    }),
  },
);

function oddCase(s: string, style: ScorePick & { kind: 'point' }): string {
  switch (style.style) {
    case 'labelUpper':
      return s.toUpperCase();
    case 'labelLower':
      return s.toLowerCase();
    case 'labelSpaced':
      return `  ${s.replace(/ /g, '   ')}  `;
    case 'labelMixed':
      return [...s].map((ch, i) => (i % 2 ? ch.toUpperCase() : ch.toLowerCase())).join('');
    default:
      return s;
  }
}

/** The value a pick stands for on `scale`, and what it is. */
export function resolveScore(pick: ScorePick, scale: Scale): { value: CellValue; cls: ScoreClass } {
  const pts = scale.points;
  const lo = pts[0]!.value;
  const hi = pts[pts.length - 1]!.value;
  switch (pick.kind) {
    case 'point': {
      const p = pts[pick.index % pts.length]!;
      if (pick.style === 'number') return { value: p.value, cls: 'valid' };
      if (pick.style === 'numberText') return { value: ` ${p.value} `, cls: 'valid' };
      return { value: oddCase(p.label, pick), cls: 'valid' };
    }
    case 'notScored':
      return { value: pick.text, cls: 'notScored' };
    case 'blank':
      return { value: pick.text, cls: 'blank' };
    case 'outOfScale':
      return { value: pick.offset < 0 ? lo + pick.offset : hi + pick.offset, cls: 'invalid' };
    case 'fraction': {
      // halfway between two points: never a point itself
      return { value: (pts[0]!.value + pts[1]!.value) / 2, cls: 'invalid' };
    }
    case 'invalid':
      return { value: pick.value, cls: typeof pick.value === 'string' && pick.value.trim() === '' ? 'blank' : 'invalid' };
  }
}

/** A traffic-light cell: the six words any case (valid) or anything else (invalid). */
export type RagPick = { kind: 'valid'; word: string } | { kind: 'invalid'; value: CellValue } | { kind: 'blank' };
export const ragPick: fc.Arbitrary<RagPick> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('valid' as const),
      word: fc.constantFrom('Red', 'amber', ' GREEN ', 'High', 'moderate', 'LOW'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('blank' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('invalid' as const),
      value: fc.oneof(fc.integer({ min: -5, max: 20 }), fc.boolean(), fc.constantFrom('Purple', 'R', 'redish', 'High risk', ...NON_LATIN)),
    }),
  },
);

export function resolveRag(pick: RagPick): { value: CellValue; cls: ScoreClass } {
  if (pick.kind === 'valid') return { value: pick.word, cls: 'valid' };
  if (pick.kind === 'blank') return { value: null, cls: 'blank' };
  return { value: pick.value, cls: 'invalid' };
}

/** Anything at all, as a person might type or paste it. */
export const anyValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.integer({ min: -100_000, max: 100_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constantFrom(...NON_LATIN) },
  { weight: 2, arbitrary: fc.constantFrom(...FORMULA_LIKE) },
  { weight: 1, arbitrary: fc.constantFrom('2026-03-01', '01/03/2026', '31/02/2026', '1/2', 'TRUE', 'false', '007', '12%', '£1,000', '  ') },
  { weight: 1, arbitrary: fc.constantFrom(LONG_TEXT, LONG_ARABIC) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/** Names people give respondents and partnerships. */
export const nameValue: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'Jo Bloggs',
      'Council',
      'Police',
      'NHS Trust',
      'Voluntary sector',
      'Kensington and Chelsea',
      "O'Neill",
      'Smith-Jones',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...NON_LATIN.filter((s) => !/[\t\n\r]/.test(s))) },
  { weight: 1, arbitrary: fc.constantFrom(...FORMULA_LIKE.filter((s) => s.length > 1)) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constant(LONG_TEXT.slice(0, 2_000)) },
);
