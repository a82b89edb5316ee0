/**
 * Cutting text where a person sees a character boundary (issue #11): a cut never splits a surrogate pair, a letter
 * from its combining accents, an emoji ZWJ sequence (a family), a flag (two regional indicators) or an emoji from its
 * skin-tone modifier or variation selector. Uses `Intl.Segmenter` (graphemes); where a runtime lacks it (an older
 * JavaScript engine), a fallback keeps the same sequences together by their code points.
 */

type Segmenter = { segment(s: string): Iterable<{ segment: string }> };

function makeSegmenter(): Segmenter | null {
  const I = Intl as unknown as { Segmenter?: new (locale: string | undefined, o: { granularity: 'grapheme' }) => Segmenter };
  return typeof I.Segmenter === 'function' ? new I.Segmenter(undefined, { granularity: 'grapheme' }) : null;
}

let segmenter: Segmenter | null | undefined;

// marks, variation selectors, ZWJ, skin-tone modifiers and tag characters all attach to what comes before them;
// made when first needed (a Unicode property class is costly to compile, and most runs never need the fallback)
let MARK: RegExp | undefined;
function extends_(cp: string): boolean {
  const c = cp.codePointAt(0)!;
  return (
    (MARK ??= /^\p{M}$/u).test(cp) ||
    c === 0x200d ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    (c >= 0x1f3fb && c <= 0x1f3ff) ||
    (c >= 0xe0020 && c <= 0xe007f)
  );
}
function regional(cp: string): boolean {
  const c = cp.codePointAt(0)!;
  return c >= 0x1f1e6 && c <= 0x1f1ff;
}

/** Graphemes by code points, for engines without Intl.Segmenter: extenders, ZWJ joins and flag pairs stay together. */
export function fallbackGraphemes(s: string): string[] {
  const out: string[] = [];
  let joinNext = false;
  let regionalOpen = false;
  for (const cp of s) {
    const last = out.length - 1;
    if (last >= 0 && (joinNext || extends_(cp))) {
      out[last] += cp;
      joinNext = cp === '\u200D';
      continue;
    }
    if (last >= 0 && regionalOpen && regional(cp)) {
      out[last] += cp;
      regionalOpen = false;
      continue;
    }
    out.push(cp);
    joinNext = false;
    regionalOpen = regional(cp);
  }
  return out;
}

/**
 * True when every UTF-16 unit of the text is a grapheme by itself, so no segmenter is needed (creating the first
 * `Intl.Segmenter` loads the ICU data, tens of milliseconds): every unit is below U+0300 (Latin letters and
 * punctuation; no combining mark, joiner, surrogate or prepended mark is there) or is common punctuation U+2010–U+2027,
 * U+2030–U+205E (dashes, quotes, bullets, "…"), and there is no carriage return (CR LF is one grapheme).
 */
function unitsAreGraphemes(s: string, end = s.length): boolean {
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x300 ? c === 13 : c < 0x2010 || c > 0x205e || (c > 0x2027 && c < 0x2030)) return false;
  }
  return true;
}

/** The text as graphemes (user-perceived characters). */
export function graphemes(s: string, opts: { fallback?: boolean } = {}): string[] {
  if (opts.fallback) return fallbackGraphemes(s);
  if (unitsAreGraphemes(s)) return s.split('');
  if (segmenter === undefined) segmenter = makeSegmenter();
  if (!segmenter) return fallbackGraphemes(s);
  return Array.from(segmenter.segment(s), (x) => x.segment);
}

/**
 * A comment quoted in a sentence: spaces collapsed, and when longer than `max` characters (graphemes) cut at a
 * grapheme boundary with "…" (the result is at most `max` graphemes including the "…"). A single grapheme can be
 * long (a letter with many combining marks), so the cut also keeps the result within `max` × 8 UTF-16 units.
 */
export function shortenText(s: string, max: number, opts: { fallback?: boolean } = {}): string {
  const t = s.replace(/\s+/g, ' ').trim();
  const unitCap = max * 8;
  if (!opts.fallback && unitsAreGraphemes(t)) {
    // one unit per grapheme: the same cut as below without splitting the text into an array
    if (t.length <= max && t.length <= unitCap) return t;
    return `${t.slice(0, Math.max(0, Math.min(max - 1, unitCap - 1))).trimEnd()}…`;
  }
  const gs = graphemes(t, opts);
  if (gs.length <= max && t.length <= unitCap) return t;
  let out = '';
  for (let i = 0; i < gs.length && i < max - 1; i++) {
    if (out.length + gs[i]!.length > unitCap - 1) break;
    out += gs[i]!;
  }
  return `${out.trimEnd()}…`;
}

/** The longest prefix of whole graphemes that fits in `maxUnits` UTF-16 units (a cell's limit is in those units). */
export function prefixWithinUnits(s: string, maxUnits: number, opts: { fallback?: boolean } = {}): string {
  if (s.length <= maxUnits) return s;
  if (!opts.fallback && unitsAreGraphemes(s, maxUnits + 1)) return s.slice(0, maxUnits);
  let out = '';
  // boundaries depend only on nearby text: segmenting a little past the limit gives the same whole graphemes before it
  for (const g of graphemes(s.slice(0, maxUnits + 1024), opts)) {
    if (out.length + g.length > maxUnits) break;
    out += g;
  }
  return out;
}
