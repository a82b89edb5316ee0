/**
 * Typed text survives `import` and `summarise` unchanged (issue #10): emoji and other astral characters at every
 * UTF-16 offset around 16,384 and 32,768 (where ExcelJS cut surrogate pairs in half), right-to-left text, combining
 * marks, characters XML 1.0 forbids, CR LF and lone CR line ends, tabs, spaces at either end and text that begins
 * like a formula. Each text goes in through a Forms-style CSV and is read back from the saved
 * package by this test's own reader (shared or inline strings, `_xHHHH_` escapes decoded) — not by the tool.
 * A text is either kept exactly, or the command refuses it naming where it is (exit 2, the workbook unchanged);
 * nothing else is allowed. Few runs (each is two commands on a file), many texts per run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { cli } from '../file-host/cli-helpers.js';
import { tempDir } from '../file-host/helpers.js';
import { unzipPackage } from '../support/ooxml-validate.js';
import { parseXml, sharedStrings, sheetParts } from '../support/sheet-canonical.js';
import { newArgs } from '../support/review-files.js';

const FRAMEWORK = builtinFrameworks().find((f) => f.id === 'partnership-tree')!;
const ITEMS = FRAMEWORK.sections.flatMap((s) => s.items).map((i) => i.id);

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-typed-text-'));
  const r = await cli(...newArgs(join(dir, 'base.xlsx'), FRAMEWORK, ['--respondents', '1']));
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(() => cleanup());

const GRIN = '\u{1F600}';
const ASTRAL = [GRIN, '\u{1D54F}', '\u{20BB7}', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', '\u{10348}'];
const RTL = ['שלום עולם', 'مرحبا بالعالم', 'العربية \u200Fو English'];
const COMBINING = ['e\u0301', 'a\u0308\u0323', 'n\u0303\u0331', '\u1100\u1161\u11A8'];
/** Characters XML 1.0 does not allow in a document (U+0009, U+000A, U+000D are allowed). */
const FORBIDDEN = ['\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\uFFFE', '\uFFFF'];

/** A text with `ch` (astral) starting at UTF-16 offset `k`, or as late as it fits whole in 32,767 units. */
function atOffset(k: number, ch: string): string {
  const s = 'a'.repeat(Math.min(k, 32_767 - ch.length)) + ch;
  return s.length < 32_767 ? `${s}z` : s;
}

const OFFSETS = [...Array.from({ length: 9 }, (_, i) => 16_380 + i), ...Array.from({ length: 6 }, (_, i) => 32_760 + i)];

/** Line ends as other programs write them (CR LF, a lone CR), tabs, and text that reads like an ECMA-376 escape. */
const LINE_ENDS = ['\r\n', '\r', '\n', '\t', '_x0041_', '_x000D_'];
const piece = fc.oneof(
  fc.constantFrom(...ASTRAL, ...RTL, ...COMBINING, ...FORBIDDEN, ...LINE_ENDS),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\n', '\r', '"', ',', '<', '&', '=', '+'), maxLength: 8 }),
);
/** A text people might type: pieces joined, starting and ending with a letter (the CSV reader trims nothing, but names do). */
const typed = fc.array(piece, { minLength: 1, maxLength: 8 }).map((ps) => `x${ps.join('')}y`);
/** A comment with spaces, a tab or a line break at either end (kept only with xml:space="preserve"), or one that
 *  begins like a formula (=, +, -, @) or with an apostrophe: it stays the text typed, never a formula. */
const edged = fc
  .tuple(
    fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '=', '+', '-', '@', "'", '=1+1 '),
    typed,
    fc.constantFrom(' ', '  ', '\t', '\n', '\r', ''),
  )
  .map(([a, t, z]) => `${a}${t}${z}`);
/** A long text with its astral character near 16,384 or 32,768 in the shared strings stream as well. */
const long = fc
  .tuple(fc.constantFrom(...OFFSETS), fc.constantFrom(...ASTRAL), fc.integer({ min: -3, max: 3 }))
  .map(([k, ch, d]) => atOffset(Math.min(32_765, k + d), ch));

function csvField(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Every text on a tab, read from the package: shared strings, inline strings and `_xHHHH_` escapes decoded. */
function textsOn(bytes: Uint8Array, tab: string): string[] {
  const parts = unzipPackage(bytes);
  const sst = sharedStrings(parts.get('xl/sharedStrings.xml'));
  const part = sheetParts(parts).get(tab)!;
  const doc = parseXml(parts.get(part)!);
  const out: string[] = [];
  for (const c of Array.from(doc.getElementsByTagName('c'))) {
    const t = c.getAttribute('t');
    if (t === 's') out.push(sst[Number(c.getElementsByTagName('v')[0]?.textContent)] ?? '');
    else if (t === 'inlineStr') out.push(c.getElementsByTagName('is')[0]?.textContent ?? '');
    else if (t === 'str') out.push(c.getElementsByTagName('v')[0]?.textContent ?? '');
  }
  return out.map((s) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
}

describe('typed text survives import and summarise', () => {
  it('keeps every text exactly, or refuses naming where it is', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(typed, edged, long), { minLength: ITEMS.length * 3, maxLength: ITEMS.length * 3 }),
        async (texts) => {
          run++;
          // the fixed offsets are all covered across the runs: run n puts offset n, n + 3, … in the first cells
          OFFSETS.forEach((k, i) => {
            if (i % 3 === (run - 1) % 3) texts[Math.floor(i / 3)] = atOffset(k, ASTRAL[i % ASTRAL.length]!);
          });
          const file = join(dir, `run-${run}.xlsx`);
          await copyFile(join(dir, 'base.xlsx'), file);
          const header = ['Name', 'Partnership', ...ITEMS.map((id) => `${id} comment`)];
          const rows = [0, 1, 2].map((r) => [
            `Person ${r + 1}`,
            'Safer Streets Partnership',
            ...ITEMS.map((_, j) => texts[r * ITEMS.length + j]!),
          ]);
          const csv = join(dir, `run-${run}.csv`);
          await writeFile(csv, `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`);
          const before = await readFile(file);
          const imported = await cli('import', file, csv, '--quiet');
          if (imported.code === 2) {
            // refused: it must say where, and change nothing
            expect(imported.stderr).toMatch(/row \d+|Responses![A-Z]+\d+|column [A-Z]+/i);
            expect((await readFile(file)).equals(before)).toBe(true);
            expect(texts.some((t) => FORBIDDEN.some((f) => t.includes(f)))).toBe(true);
            return;
          }
          expect(imported.code, imported.stderr).toBe(0);
          const afterImport = textsOn(new Uint8Array(await readFile(file)), 'Responses');
          for (const t of texts)
            expect(
              afterImport.includes(t),
              `after import: ${JSON.stringify(t.length > 80 ? `${t.slice(0, 20)}…${t.slice(-20)} (${t.length})` : t)}`,
            ).toBe(true);
          const summarised = await cli('summarise', file, '--quiet');
          expect(summarised.code, summarised.stderr).toBe(0);
          const afterSummary = textsOn(new Uint8Array(await readFile(file)), 'Responses');
          for (const t of texts) expect(afterSummary.includes(t), `after summarise: ${JSON.stringify(t.slice(0, 40))}`).toBe(true);
        },
      ),
      { numRuns: 3, seed: 20261201, endOnFailure: true },
    );
    expect(run).toBe(3);
  }, 300_000);
});
