/**
 * The workbook as a handout (issue #13), printed through LibreOffice (PDF, a fresh profile) and measured with
 * `pdftotext -bbox`: the review the issue measured — Hallmarks, two partnerships × eight respondents — after
 * `summarise`, the same workbook with a row typed by hand on Responses and on the Improvement Plan (by a program that
 * stores no row height, the way the issue found rows cut at 15 pt) then summarised once more by the command line, and
 * a new workbook straight from `new`.
 *
 * - no text on any page of any tab smaller than 7 pt: the yardstick is a 7 pt Calibri cell converted in the same run;
 * - page numbers run on across the tabs after every command: page i of n says "Page i of n" (no restart);
 * - the Summary prints on at most 12 pages, one page wide (every page carries its repeated title row); every page
 *   starts with a table's header row (written again where a page starts inside a table) or a heading, each table's
 *   heading is on the page of its column headers and first row, and the chart is not split (the chart's title and all
 *   its categories on one page);
 * - the comments print on their own tab, its header on every page;
 * - the rows typed by hand print whole: the last word of their long text is on the page;
 * - Responses prints its used rows only (all sixteen respondents on every page, no spare rows), with the respondent
 *   column and the header rows repeated and the title whole;
 * - the Improvement Plan, too wide for a page at 7 pt, runs on with its header row repeated.
 * The pages are rendered into test-artifacts/handout-pdf/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { getFramework } from '../../core/framework/catalogue.js';
import { cli, TODAY } from '../file-host/cli-helpers.js';
import { tempDir } from '../file-host/helpers.js';
import { convert, freshProfile, hasProgram, soffice } from '../parity/libreoffice.js';
import { PARTNERSHIPS, writeHallmarksTwo } from '../report/hallmarks-two.js';

const OK = soffice() !== null && hasProgram('pdftotext') && hasProgram('pdftoppm');
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'handout-pdf');

interface Word {
  x: number;
  y: number;
  height: number;
  text: string;
}
interface Page {
  tab: string;
  /** the footer's right part, "Page n of m" */
  number: string;
  words: Word[];
  text: string;
}

/** A long text typed by hand; its last word shows it printed whole. */
const TYPED =
  'Typed by hand after the workshop: the partnership agreed to revisit this at the spring board, to share the evidence with every partner and to report back on progress before the next review, kingfisher';

/**
 * Type `cells` into row `row` of the tab `name` as a program that stores no row height would (no `ht`, so nothing
 * but the spreadsheet's own fitting sizes the row): inline strings in the row's existing cells, keeping their style; a
 * row with no element (a spare row formatted through its columns' style) is added with the columns' styles.
 */
async function typeRow(path: string, name: string, cells: Record<string, string>, row?: number): Promise<number> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wbXml)![1]!;
  const target =
    new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]!;
  const part = `xl/${target.replace(/^\/?xl\//, '')}`;
  let xml = await zip.file(part)!.async('string');
  // the first row after the last one with a value in column A
  const at = row ?? Math.max(...[...xml.matchAll(/<c r="A(\d+)"[^>]*[^/]>\s*<(?:v|is)>/g)].map((m) => Number(m[1]))) + 1;
  const inline = (ref: string, style: string) => `<c r="${ref}${at}"${style} t="inlineStr"><is><t>${cells[ref]}</t></is></c>`;
  const rowRe = new RegExp(`<row r="${at}"[^>]*>([\\s\\S]*?)</row>`);
  if (!rowRe.test(xml)) {
    // a spare row formatted through its columns' style (no row element): typed cells take the column's style, as
    // Excel writes them
    const colStyle = (ref: string): string => {
      const n = [...ref].reduce((v, ch) => v * 26 + ch.charCodeAt(0) - 64, 0);
      for (const m of xml.matchAll(/<col [^>]*>/g)) {
        const min = Number(/min="(\d+)"/.exec(m[0])![1]);
        const max = Number(/max="(\d+)"/.exec(m[0])![1]);
        const style = /style="(\d+)"/.exec(m[0])?.[1];
        if (min <= n && n <= max && style) return ` s="${style}"`;
      }
      return '';
    };
    const refs = Object.keys(cells).sort((p, q) => p.length - q.length || p.localeCompare(q));
    const newRow = `<row r="${at}">${refs.map((ref) => inline(ref, colStyle(ref))).join('')}</row>`;
    const next = [...xml.matchAll(/<row r="(\d+)"/g)].find((m) => Number(m[1]) > at);
    xml = next ? xml.slice(0, next.index) + newRow + xml.slice(next.index) : xml.replace('</sheetData>', `${newRow}</sheetData>`);
  } else
    xml = xml.replace(rowRe, (whole) =>
      whole.replace(/<c r="([A-Z]+)\d+"( s="\d+")?[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, (c, ref: string, style = '') =>
        cells[ref] === undefined ? c : inline(ref, style),
      ),
    );
  zip.file(part, xml);
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return at;
}

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let sevenPoint = 0;
const printed: Record<'summarised' | 'again' | 'fresh', Page[]> = { summarised: [], again: [], fresh: [] };

async function pages(pdf: string): Promise<Page[]> {
  const { stdout } = await promisify(execFile)('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return [...stdout.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => {
    const height = Number(m[1]);
    const words = [...m[2]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      x: Number(w[1]),
      y: Number(w[2]),
      height: Number(w[3]) - Number(w[2]),
      text: w[4]!
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
    }));
    // the footer: the words on the page's bottom line, in the bottom margin; tab name at the left, page at the right
    const bottom = Math.max(...words.map((w) => w.y));
    const foot = words.filter((w) => w.y > height - 60 && w.y > bottom - 2);
    return {
      tab: foot
        .filter((w) => w.x < 200)
        .map((w) => w.text)
        .join(' '),
      number: foot
        .filter((w) => w.x >= 200)
        .map((w) => w.text)
        .join(' '),
      words,
      text: words.map((w) => w.text).join(' '),
    };
  });
}

beforeAll(async () => {
  if (!OK) return;
  ({ dir, cleanup } = await tempDir('pr-handout-'));
  const summarised = join(dir, 'summarised.xlsx');
  await writeHallmarksTwo(summarised, TODAY);
  const again = join(dir, 'again.xlsx');
  await copyFile(summarised, again);
  // a respondent added by hand with a long comment on 1.1 (column E), and a plan row with a long action (column E)
  await typeRow(again, 'Responses', { A: 'Ivy Hand', B: PARTNERSHIPS[0]!, D: '2', E: TYPED });
  await typeRow(again, 'Improvement Plan', { A: 'Typed', E: TYPED });
  const s = await cli('summarise', again, '--today', TODAY, '--quiet');
  if (s.code !== 0) throw new Error(s.stderr);
  const fresh = join(dir, 'fresh.xlsx');
  const n = await cli(
    'new',
    fresh,
    '--framework',
    'hallmarks',
    '--partnership',
    PARTNERSHIPS[0]!,
    '--respondents',
    '8',
    '--today',
    TODAY,
    '--quiet',
  );
  if (n.code !== 0) throw new Error(n.stderr);
  const wb = new ExcelJS.Workbook();
  const cell = wb.addWorksheet('Yardstick').getCell('A1');
  cell.value = 'Seven';
  cell.font = { name: 'Calibri', size: 7 };
  await wb.xlsx.writeFile(join(dir, 'yardstick.xlsx'));
  await convert([summarised, again, fresh, join(dir, 'yardstick.xlsx')], 'pdf', dir, await freshProfile());
  for (const k of ['summarised', 'again', 'fresh'] as const) printed[k] = await pages(join(dir, `${k}.pdf`));
  sevenPoint = (await pages(join(dir, 'yardstick.pdf')))[0]!.words.find((w) => w.text === 'Seven')!.height;
  await rm(ARTIFACTS, { recursive: true, force: true });
  await mkdir(ARTIFACTS, { recursive: true });
  await copyFile(join(dir, 'summarised.pdf'), join(ARTIFACTS, 'hallmarks-two.pdf'));
  await promisify(execFile)('pdftoppm', ['-r', '60', '-png', join(dir, 'summarised.pdf'), join(ARTIFACTS, 'page')]);
  await copyFile(join(dir, 'again.pdf'), join(ARTIFACTS, 'typed-by-hand.pdf'));
}, 300_000);

afterAll(() => cleanup());

describe.skipIf(!OK)('the workbook printed as a handout (LibreOffice PDF)', () => {
  it('measures 7 pt against LibreOffice itself', () => {
    expect(sevenPoint).toBeGreaterThan(5);
    expect(sevenPoint).toBeLessThan(12);
  });

  it.each(['summarised', 'again', 'fresh'] as const)('%s: no text under 7 pt on any page of any tab', (k) => {
    const small: string[] = [];
    printed[k].forEach((p, i) => {
      for (const w of p.words) if (w.height < sevenPoint - 0.05) small.push(`page ${i + 1} (${p.tab}): "${w.text}" ${w.height.toFixed(2)}`);
    });
    expect(small.slice(0, 20)).toEqual([]);
  });

  it.each(['summarised', 'again', 'fresh'] as const)('%s: page numbers run on across the tabs, never restarting', (k) => {
    const all = printed[k];
    expect(all.length).toBeGreaterThan(3);
    expect(all.map((p) => p.number)).toEqual(all.map((_, i) => `Page ${i + 1} of ${all.length}`));
    // every page names its tab, in the tabs' order (each tab's pages together)
    const order = all.map((p) => p.tab).filter((t, i, a) => i === 0 || a[i - 1] !== t);
    expect(new Set(order).size).toBe(order.length);
    expect(order.slice(0, 3)).toEqual(['Instructions', 'Responses', 'Summary']);
  });

  it('Summary: one page wide, its title row on every page, headings with their headers, the chart whole', () => {
    const summary = printed.summarised.filter((p) => p.tab === 'Summary');
    expect(summary.length).toBeGreaterThan(1);
    console.info(`Hallmarks two-partnership review: ${printed.summarised.length} pages in all, Summary ${summary.length}`);
    const title = 'Hallmarks of effective partnerships self-assessment: summary (2026/27)';
    for (const [i, p] of summary.entries()) expect(p.text, `Summary page ${i + 1}`).toContain(title);
    // each table heading is on the page of its column headers (and a first row: "Overall" / "1.1" / "1")
    const tables: [string, string][] = [
      ['Overall and sections', 'Id Section Mean Percent RAG'],
      ['Items (1 = No, 2 = Partly, 3 = Yes)', 'Id Item n Missing Mean Median SD Min Max'],
      ['Partnerships side by side (mean scores)', 'Id Item or section Community Economic'],
    ];
    for (const [heading, header] of tables) {
      const on = summary.filter((p) => p.text.includes(heading));
      expect(on.length, heading).toBe(1);
      // word by word: pdftotext reads a table column by column
      const words = new Set(on[0]!.words.map((w) => w.text));
      for (const word of header.split(' ')) expect(words.has(word), `${heading}: "${word}"`).toBe(true);
    }
    // no header breaks inside a word: the partnership names print as whole words
    const side = summary.find((p) => p.text.includes('Partnerships side by side'))!;
    for (const word of ['Community', 'Safety', 'Economic', 'Development', 'Partnership'])
      expect(
        side.words.some((w) => w.text === word),
        word,
      ).toBe(true);
    // the chart: its title and every category (the six sections) on one page
    const sections = getFramework('hallmarks').sections.map((s) => s.title);
    const chartPages = summary.filter(
      (p) => p.words.filter((w) => w.text === 'Mean').length > 0 && p.text.includes('Mean score per section'),
    );
    expect(chartPages.length).toBe(1);
    const chart = chartPages[0]!;
    for (const s of sections) expect(chart.text, s).toContain(s);
  });

  it.each(['summarised', 'again'] as const)(
    '%s: the Summary prints on at most 12 pages, each starting with a table header or a heading',
    (k) => {
      const summary = printed[k].filter((p) => p.tab === 'Summary');
      const per = new Map<string, number>();
      for (const p of printed[k]) per.set(p.tab, (per.get(p.tab) ?? 0) + 1);
      console.info(`${k}: pages per tab ${[...per].map(([t, n]) => `${t} ${n}`).join(', ')}`);
      expect(summary.length).toBeGreaterThan(1);
      expect(summary.length).toBeLessThanOrEqual(12);
      const headings = [
        'Overall and sections',
        'Items (1 = No, 2 = Partly, 3 = Yes)',
        'Mean score per section',
        'Partnerships side by side (mean scores)',
        'Strengths (green and not divided, highest mean first)',
        'Areas for improvement (red, amber or divided opinion, lowest first)',
        'Also weak, not yet planned',
        'Specific comments, grouped by the score given with them',
        'Chart data',
      ];
      // the lines of a page top to bottom (words within 2 pt of a line's top), left to right; the footer dropped
      for (const [i, p] of summary.entries()) {
        const tops: number[] = [];
        for (const w of [...p.words].sort((a, b) => a.y - b.y)) if (!tops.some((t) => Math.abs(t - w.y) < 2)) tops.push(w.y);
        const lines = tops.map((t) =>
          p.words
            .filter((w) => Math.abs(w.y - t) < 2)
            .sort((a, b) => a.x - b.x)
            .map((w) => w.text)
            .join(' '),
        );
        // line 1: the title row repeated; line 2 on every page after the first: a header row or a heading
        expect(lines[0], `Summary page ${i + 1}`).toContain('Hallmarks of effective partnerships self-assessment: summary (2026/27)');
        if (i === 0) continue;
        const second = lines[1]!;
        const ok = second.startsWith('Id ') || headings.some((h) => second.startsWith(h));
        expect(ok, `Summary page ${i + 1} starts with “${second}”`).toBe(true);
      }
      // the comments are on their own tab, which says so on the Summary; each of its pages repeats its header
      expect(summary.some((p) => p.text.includes('on the Comments tab, which prints on its own.'))).toBe(true);
      const comments = printed[k].filter((p) => p.tab === 'Comments');
      expect(comments.length).toBeGreaterThan(1);
      for (const [i, p] of comments.entries()) expect(p.text, `Comments page ${i + 1}`).toContain('Item, and the score given');
    },
  );

  it('rows typed by hand with a long text print whole on Responses and the Improvement Plan', () => {
    for (const tab of ['Responses', 'Improvement Plan']) {
      const pages = printed.again.filter((p) => p.tab === tab);
      const typed = pages.filter((p) => p.text.includes('Typed by hand'));
      expect(typed.length, tab).toBeGreaterThan(0);
      // the text's last word is printed: the row grew with its text instead of cutting it at 15 pt
      expect(
        typed.some((p) => p.words.some((w) => w.text.includes('kingfisher'))),
        tab,
      ).toBe(true);
    }
  });

  it('Responses: used rows only, respondent column and header rows repeated, the title whole', () => {
    const resp = printed.summarised.filter((p) => p.tab === 'Responses');
    expect(resp.length).toBeGreaterThan(1);
    const names = ['Ann', 'Ben', 'Cara', 'Dev', 'Eve', 'Fin', 'Gus', 'Hal'].flatMap((n) => [`${n} Smith`, `${n} Jones`]);
    for (const [i, p] of resp.entries()) {
      expect(p.text, `Responses page ${i + 1}`).toContain('Hallmarks of effective partnerships self-assessment: responses (2026/27)');
      expect(p.text, `Responses page ${i + 1}`).toContain('Respondent');
      for (const n of names) expect(p.text, `Responses page ${i + 1}: ${n}`).toContain(n);
    }
  });

  it('Improvement Plan: runs on across pages with its header row repeated', () => {
    const plan = printed.summarised.filter((p) => p.tab === 'Improvement Plan');
    expect(plan.length).toBeGreaterThan(1);
    for (const [i, p] of plan.entries())
      expect(
        p.words.some((w) => w.text === 'Ref'),
        `plan page ${i + 1}`,
      ).toBe(true);
  });
});
