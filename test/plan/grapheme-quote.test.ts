/**
 * Quoting by grapheme (issue #11): a comment cut for a drafted action never splits a surrogate pair, a combining
 * sequence, a flag or an emoji ZWJ sequence, so the row reads back exactly as drafted and still matches its
 * fingerprint. Every expected string below is written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { draftActions } from '../../core/plan/draft.js';
import { scoreReview } from '../../core/scoring/score-review.js';
import { hashPlanRow } from '../../core/util/hash.js';
import { graphemes, prefixWithinUnits, shortenText } from '../../core/util/graphemes.js';
import { resetRows, response, reviewData, treeFramework } from '../scoring/fixtures.js';

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // man ZWJ woman ZWJ girl ZWJ boy: 11 UTF-16 units
const FLAG_GB = '\u{1F1EC}\u{1F1E7}'; // regional indicators G, B: 4 units
const FLAG_FR = '\u{1F1EB}\u{1F1F7}';
const E_ACUTE = 'e\u0301'; // e + combining acute accent
const THUMB_DARK = '\u{1F44D}\u{1F3FF}'; // thumbs up + skin tone 6

function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

for (const fallback of [false, true]) {
  describe(`shortenText (${fallback ? 'without Intl.Segmenter' : 'Intl.Segmenter'})`, () => {
    const o = { fallback };

    it('counts an emoji family, a flag, an accented letter and a toned emoji as one character each', () => {
      expect(graphemes(`a${FAMILY}${FLAG_GB}${FLAG_FR}${E_ACUTE}${THUMB_DARK}z`, o)).toEqual([
        'a',
        FAMILY,
        FLAG_GB,
        FLAG_FR,
        E_ACUTE,
        THUMB_DARK,
        'z',
      ]);
    });

    it('a family at the boundary is kept whole or left out whole, never cut inside', () => {
      // max 5: four characters then "…". "abc" + family = 4 graphemes, so the family is kept
      expect(shortenText(`abc${FAMILY}defgh`, 5, o)).toBe(`abc${FAMILY}…`);
      // max 4: "abc" then "…": the family (the 4th grapheme) is left out, not half written
      expect(shortenText(`abc${FAMILY}defgh`, 4, o)).toBe('abc…');
    });

    it('flags stay in pairs of regional indicators', () => {
      expect(shortenText(`${FLAG_GB}${FLAG_FR}${FLAG_GB}${FLAG_FR}`, 3, o)).toBe(`${FLAG_GB}${FLAG_FR}…`);
      expect(shortenText(`x${FLAG_GB}${FLAG_FR}`, 3, o)).toBe(`x${FLAG_GB}${FLAG_FR}`);
    });

    it('a combining accent at the boundary stays with its letter', () => {
      expect(shortenText(`caf${E_ACUTE} au lait`, 5, o)).toBe(`caf${E_ACUTE}…`);
      expect(shortenText(`cafe${'\u0301'}`, 4, o)).toBe(`caf${E_ACUTE}`);
    });

    it('a skin-tone modifier stays with its emoji', () => {
      expect(shortenText(`ok${THUMB_DARK}${THUMB_DARK}${THUMB_DARK}`, 4, o)).toBe(`ok${THUMB_DARK}…`);
    });

    it('short text is only tidied (spaces collapsed), never cut', () => {
      expect(shortenText(`  two\n  lines ${FAMILY} `, 160, o)).toBe(`two lines ${FAMILY}`);
    });

    it('within a limit in UTF-16 units, only whole graphemes', () => {
      // "ab" (2) + family (11) = 13 units: a limit of 12 keeps "ab" only
      expect(prefixWithinUnits(`ab${FAMILY}cd`, 12, o)).toBe('ab');
      expect(prefixWithinUnits(`ab${FAMILY}cd`, 13, o)).toBe(`ab${FAMILY}`);
      expect(prefixWithinUnits(`ab${FAMILY}cd`, 99, o)).toBe(`ab${FAMILY}cd`);
    });

    it('plain text (Latin letters, dashes, quotes) is cut at its character count', () => {
      expect(graphemes('Café – “ok”…', o)).toEqual(['C', 'a', 'f', 'é', ' ', '–', ' ', '“', 'o', 'k', '”', '…']);
      expect(shortenText('The partnership   meets every  quarter', 10, o)).toBe('The partn…');
      expect(shortenText('Ten words or fewer', 18, o)).toBe('Ten words or fewer');
      expect(shortenText('abcdef   ', 4, o)).toBe('abc…');
      expect(shortenText('ab cdef', 4, o)).toBe('ab…');
      expect(prefixWithinUnits('Naïve – plan', 6, o)).toBe('Naïve ');
    });

    if (!fallback)
      it('CR LF is one character, so text holding a CR is segmented', () => {
        expect(graphemes('a\r\nb', o)).toEqual(['a', '\r\n', 'b']);
        expect(prefixWithinUnits('ab\r\ncd', 3, o)).toBe('ab');
      });
  });
}

describe('a drafted action quoting a comment cut at 160 characters', () => {
  it('the cut at the 160th character falls on the family: no half emoji, and the row matches its fingerprint', () => {
    resetRows();
    const f = treeFramework();
    // 158 letters, then the family as the 159th character: the quote keeps 159 characters and adds "…"
    const comment = `${'x'.repeat(158)}${FAMILY} and more words after it`;
    const rs = [response('A', '', { L1: { score: 1, comment } }), response('B', '', { L1: 1 })];
    const [lead] = draftActions(f, scoreReview(f, rs), reviewData(rs), null, '2026-01-31');
    expect(lead!.action).toContain(`Comments: “${'x'.repeat(158)}${FAMILY}…”.`);
    expect(hasLoneSurrogate(lead!.action)).toBe(false);
    // the comment starts 11 units earlier: the old cut at 159 UTF-16 units fell inside the family
    const shifted = `${'x'.repeat(150)}${FAMILY}${'y'.repeat(20)}`;
    const rs2 = [response('A', '', { L1: { score: 1, comment: shifted } }), response('B', '', { L1: 1 })];
    const [lead2] = draftActions(f, scoreReview(f, rs2), reviewData(rs2), null, '2026-01-31');
    // 150 x + family + 8 y = 159 characters, then "…"
    expect(lead2!.action).toContain(`Comments: “${'x'.repeat(150)}${FAMILY}${'y'.repeat(8)}…”.`);
    expect(hasLoneSurrogate(lead2!.action)).toBe(false);
    // what a host writes is well-formed UTF-16, so it reads back the same and hashes the same
    const readBack = {
      ...lead2!,
      action: lead2!.action.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
    };
    expect(hashPlanRow(readBack)).toBe(hashPlanRow(lead2!));
  });
});
