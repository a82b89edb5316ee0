/**
 * Wide register tabs print legibly (issue #13): the Progress Tracker, Theme Review and Risk Register of the demos,
 * converted to PDF by LibreOffice, have no text smaller than 7 pt on any page — they run on across pages at full
 * size, or at least at 7 pt (core's legible scale), instead of being shrunk to one page wide — and every page of them repeats the header row and the group
 * column (its header, "Theme", is on every page). The 7 pt yardstick is measured in the same conversion: a workbook
 * with one 7 pt Calibri cell, whose word height (pdftotext -bbox) is the smallest allowed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { getFramework } from '../../core/framework/catalogue.js';
import { cli } from '../file-host/cli-helpers.js';
import { tempDir } from '../file-host/helpers.js';
import { convert, freshProfile, hasProgram, soffice } from './libreoffice.js';

const OK = soffice() !== null && hasProgram('pdftotext');
const CASES = ['delivery-tracker', 'risk-exercise'] as const;

interface Word {
  y: number;
  height: number;
  x: number;
  text: string;
}
interface Page {
  tab: string;
  words: Word[];
}

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
const pdfPages: Record<string, Page[]> = {};
let sevenPoint = 0;

async function pages(pdf: string): Promise<Page[]> {
  const { stdout } = await promisify(execFile)('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return [...stdout.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => {
    const height = Number(m[1]);
    const words = [...m[2]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      x: Number(w[1]),
      y: Number(w[2]),
      height: Number(w[3]) - Number(w[2]),
      text: w[4]!,
    }));
    // the footer's left part is the tab name (&A), in the bottom margin
    const tab = words
      .filter((w) => w.y > height - 60 && w.x < 200)
      .map((w) => w.text)
      .join(' ');
    return { tab, words };
  });
}

beforeAll(async () => {
  if (!OK) return;
  ({ dir, cleanup } = await tempDir('pr-print-'));
  for (const f of CASES) {
    const r = await cli('demo', join(dir, `${f}.xlsx`), '--framework', f, '--quiet');
    if (r.code !== 0) throw new Error(r.stderr);
  }
  const wb = new ExcelJS.Workbook();
  const cell = wb.addWorksheet('Yardstick').getCell('A1');
  cell.value = 'Seven';
  cell.font = { name: 'Calibri', size: 7 };
  await wb.xlsx.writeFile(join(dir, 'yardstick.xlsx'));
  await convert([...CASES.map((f) => join(dir, `${f}.xlsx`)), join(dir, 'yardstick.xlsx')], 'pdf', dir, await freshProfile());
  for (const f of CASES) pdfPages[f] = await pages(join(dir, `${f}.pdf`));
  sevenPoint = (await pages(join(dir, 'yardstick.pdf')))[0]!.words.find((w) => w.text === 'Seven')!.height;
}, 300_000);

afterAll(() => cleanup());

describe.skipIf(!OK)('wide register tabs in print', () => {
  it('measures 7 pt against LibreOffice itself', () => {
    expect(sevenPoint).toBeGreaterThan(5);
    expect(sevenPoint).toBeLessThan(12);
  });

  it.each(CASES)('%s: no text under 7 pt, and the header row and group column on every page', (f) => {
    const fw = getFramework(f);
    const tabs = [fw.register!.tab, ...(fw.register!.groupSummary ? [fw.register!.groupSummary.tab] : [])];
    const group = fw.register!.columns.find((c) => c.type === 'group')!.header;
    for (const tab of tabs) {
      const mine = pdfPages[f]!.filter((p) => p.tab === tab);
      // printed (the Risk Register now fits one page at the legible scale, 65 %; the Progress Tracker runs on)
      expect(mine.length, tab).toBeGreaterThan(0);
      for (const [i, p] of mine.entries()) {
        const small = p.words.filter((w) => w.height < sevenPoint - 0.05).map((w) => `${w.text} (${w.height.toFixed(2)})`);
        expect(small, `${tab} page ${i + 1}`).toEqual([]);
        expect(
          p.words.some((w) => w.text === group.split(' ')[0]),
          `${tab} page ${i + 1} repeats "${group}"`,
        ).toBe(true);
      }
    }
  });
});
