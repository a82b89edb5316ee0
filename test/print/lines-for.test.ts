/**
 * linesFor counts wrapped lines in one pass over the text. It must count exactly as the way it was first written
 * (split into paragraphs at /\r?\n/, words at /\s+/), kept here as the reference, on any text.
 */
import { describe, expect, it } from 'vitest';
import { linesFor } from '../../core/sheet-plan/print.js';

function reference(text: string, width: number, fontSize: number, bold: boolean): number {
  const perLine = Math.max(1, Math.floor((width * 1.1 * 11) / (fontSize * (bold ? 1.08 : 1))));
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    const words = para.split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      lines += 1;
      continue;
    }
    let line = 0;
    let count = 1;
    for (const w of words) {
      const len = w.length;
      if (line === 0) line = len;
      else if (line + 1 + len <= perLine) line += 1 + len;
      else {
        count++;
        line = len;
      }
      while (line > perLine) {
        count++;
        line -= perLine;
      }
    }
    lines += count;
  }
  return lines;
}

describe('linesFor', () => {
  it('counts by hand: words that fit, a long word broken, blank paragraphs, CR LF', () => {
    // width 10 at 11 pt: 12 characters a line
    expect(linesFor('', 10, 11, false)).toBe(1);
    expect(linesFor('one two three', 10, 11, false)).toBe(2); // "one two" / "three"
    expect(linesFor('a'.repeat(30), 10, 11, false)).toBe(3); // 12 + 12 + 6
    expect(linesFor('one\n\ntwo', 10, 11, false)).toBe(3);
    expect(linesFor('one\r\ntwo\r\n', 10, 11, false)).toBe(3);
    expect(linesFor('  spaced \u00a0 out\u2028here  ', 10, 11, false)).toBe(2); // "spaced out" / "here"
  });

  it('agrees with the reference on 20,000 random texts of words, spaces of every kind and line breaks', () => {
    const pieces = [
      'a',
      'word',
      'longerword',
      'x'.repeat(40),
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '\u00a0',
      '\u2003',
      '\u2028',
      '\u3000',
      '\ufeff',
      '\u0085',
      'é',
      '😀',
      '\u200b',
    ];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      const parts = next(12);
      for (let i = 0; i < parts; i++) text += pieces[next(pieces.length)];
      const width = 1 + next(40);
      const size = [8, 11, 14][next(3)]!;
      const bold = next(2) === 1;
      expect(linesFor(text, width, size, bold), JSON.stringify({ text, width, size, bold })).toBe(reference(text, width, size, bold));
    }
  });
});
