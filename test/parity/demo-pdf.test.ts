/**
 * The demo workbook as a steering group would get it: LibreOffice converts it to PDF without errors, no text on
 * the pages people read (Instructions, Workshop Notes, Summary, Improvement Plan, Review Settings) runs off the
 * page, and the pages are rendered into test-artifacts/demo-pdf/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cli, TODAY } from '../file-host/cli-helpers.js';
import { tempDir } from '../file-host/helpers.js';
import { convert, freshProfile, hasProgram, soffice } from './libreoffice.js';

const HAVE_SOFFICE = soffice() !== null;
const HAVE_POPPLER = hasProgram('pdftotext') && hasProgram('pdftoppm');
if (!HAVE_SOFFICE) console.warn('demo PDF: skipped — LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui.');

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'demo-pdf');
const READ_BY_PEOPLE = ['Instructions', 'Workshop Notes', 'Summary', 'Improvement Plan', 'Review Settings'];

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let pdf = '';

beforeAll(async () => {
  if (!HAVE_SOFFICE) return;
  ({ dir, cleanup } = await tempDir('pr-pdf-'));
  const xlsx = join(dir, 'demo-review.xlsx');
  const r = await cli('demo', xlsx, '--today', TODAY, '--quiet');
  if (r.code !== 0) throw new Error(`demo failed: ${r.stderr}`);
  await convert([xlsx], 'pdf', dir, await freshProfile());
  pdf = join(dir, 'demo-review.pdf');
}, 300_000);

afterAll(() => cleanup());

interface Page {
  width: number;
  words: Array<{ xMax: number; text: string }>;
  /** the tab name, printed at the foot of each page */
  tab: string;
}

async function pages(): Promise<Page[]> {
  const { stdout } = await promisify(execFile)('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return [...stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => {
    const height = Number(m[2]);
    const words = [...m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      text: w[4]!,
    }));
    // the footer's left part is the tab name (&A): the words on the page's bottom line, in the bottom margin. Only
    // that line — a page filled to its margin has body text within 60 pt of the edge too (the footer sits ~20 pt below)
    const bottom = Math.max(...words.map((w) => w.yMin));
    const foot = words.filter((w) => w.yMin > height - 60 && w.yMin > bottom - 2 && w.xMin < 200).map((w) => w.text);
    return { width: Number(m[1]), words, tab: foot.join(' ') };
  });
}

describe.skipIf(!HAVE_SOFFICE)('the demo workbook as a PDF', () => {
  it('converts without errors', async () => {
    const bytes = await readFile(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(20_000);
  });

  it.skipIf(!HAVE_POPPLER)('has every tab people read, and no text running off those pages', async () => {
    const all = await pages();
    expect(all.length).toBeGreaterThan(5);
    for (const tab of READ_BY_PEOPLE)
      expect(
        all.some((p) => p.tab === tab),
        `a page of ${tab}`,
      ).toBe(true);
    const cut: string[] = [];
    all.forEach((p, i) => {
      if (!READ_BY_PEOPLE.includes(p.tab)) return;
      for (const w of p.words) if (w.xMax > p.width - 5) cut.push(`page ${i + 1} (${p.tab}): "${w.text}" ends at ${w.xMax} of ${p.width}`);
    });
    expect(cut).toEqual([]);
    const text = all.map((p) => p.words.map((w) => w.text).join(' ')).join('\n');
    for (const words of ['Mean score per item', 'Specific comments', 'Action for improvement', 'KCP Manager'])
      expect(text).toContain(words);
  });

  it.skipIf(!HAVE_POPPLER)('renders its pages into test-artifacts/demo-pdf/ to look at', async () => {
    await rm(ARTIFACTS, { recursive: true, force: true });
    await mkdir(ARTIFACTS, { recursive: true });
    await copyFile(pdf, join(ARTIFACTS, 'demo-review.pdf'));
    await promisify(execFile)('pdftoppm', ['-r', '60', '-png', pdf, join(ARTIFACTS, 'page')]);
    const { stdout } = await promisify(execFile)('sh', ['-c', `ls ${JSON.stringify(ARTIFACTS)} | grep -c '^page-.*\\.png$'`]);
    expect(Number(stdout.trim())).toBeGreaterThan(5);
  });
});
