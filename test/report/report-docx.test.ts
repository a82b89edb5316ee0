/**
 * The review report (`partnership-review report`) for the seven frameworks' demos and the Hallmarks review of two
 * partnerships × eight respondents: python-docx opens each .docx and its headings, tables and chart equal the
 * summary model that `summarise --json` prints for the same workbook; LibreOffice converts each to PDF without
 * errors (the pages go to test-artifacts/report/ to look at); the Hallmarks two-partnership report is at most 15
 * pages. Expectations are written here from the model: numbers to 2 decimals, percentages whole, RAG as a word.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { builtinFrameworkIds } from '../../core/framework/catalogue.js';
import { cli, TODAY } from '../file-host/cli-helpers.js';
import { tempDir } from '../file-host/helpers.js';
import { freshProfile, hasProgram, soffice } from '../parity/libreoffice.js';
import { writeHallmarksTwo, PARTNERSHIPS } from './hallmarks-two.js';

const run = promisify(execFile);
const HAVE_SOFFICE = soffice() !== null;
const HAVE_POPPLER = hasProgram('pdfinfo') && hasProgram('pdftoppm');
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'report');

interface Para {
  kind: 'p';
  style: string;
  text: string;
  charts: { title: string; alt: string; categories: string[]; values: (number | null)[] }[];
}
interface Tbl {
  kind: 'table';
  style: string | null;
  headerRepeats: boolean;
  rows: string[][];
}
interface Dumped {
  body: (Para | Tbl)[];
  language: string | null;
  sections: { landscape: boolean }[];
  title: string;
}
interface Model {
  framework: string;
  cycle: string;
  respondents: number;
  overall: { mean: number | null; percent: number | null; rag: string | null };
  sections: { id: string; title: string; mean: number | null; percent: number | null; rag: string | null }[];
  items: { id: string; mean: number | null; rag: string | null }[];
  strengths: string[];
  areasForImprovement: string[];
  plan: { heading: string; action: string; keyContact: string; leadAgency: string; date: string; status: string }[];
  partnerships?: Record<
    string,
    { overall: { mean: number | null; rag: string | null }; sections: { id: string; mean: number | null; rag: string | null }[] }
  >;
  tracker?: { theme: string; rows: number; scored: number }[];
  risks?: { theme: string; red: number; amber: number; green: number; unrated: number }[];
}

const CASES = [...builtinFrameworkIds(), 'hallmarks-two'];
let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
const models: Record<string, Model> = {};
const docs: Record<string, Dumped> = {};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-report-'));
  for (const name of CASES) {
    const xlsx = join(dir, `${name}.xlsx`);
    if (name === 'hallmarks-two') await writeHallmarksTwo(xlsx, TODAY);
    else {
      const d = await cli('demo', xlsx, '--framework', name, '--quiet');
      if (d.code !== 0) throw new Error(`demo ${name}: ${d.stderr}`);
    }
    const r = await cli('report', xlsx, '--out', join(dir, `${name}.docx`), '--quiet');
    if (r.code !== 0) throw new Error(`report ${name}: ${r.stderr}`);
    const s = await cli('summarise', xlsx, '--json', '--quiet');
    if (s.code !== 0) throw new Error(`summarise ${name}: ${s.stderr}`);
    models[name] = JSON.parse(s.stdout) as Model;
  }
  const { stdout } = await run('python3', [join(__dirname, 'docx_dump.py'), ...CASES.map((n) => join(dir, `${n}.docx`))], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const all = JSON.parse(stdout) as Record<string, Dumped>;
  for (const n of CASES) docs[n] = all[join(dir, `${n}.docx`)]!;
}, 600_000);

afterAll(() => cleanup());

const m2 = (n: number | null) => (n === null ? '–' : (Math.round(n * 100) / 100).toFixed(2));
const pc = (n: number | null) => (n === null ? '–' : `${Math.round(n)}%`);
const rag = (r: string | null) => (r === null ? 'Not scored' : r[0]!.toUpperCase() + r.slice(1));
const ukDate = (iso: string) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

function headings(d: Dumped, style: string): string[] {
  return d.body.filter((b): b is Para => b.kind === 'p' && b.style === style).map((p) => p.text);
}

/** The table right after the caption paragraph "Table n: <caption>". */
function tableAfter(d: Dumped, caption: string): Tbl | undefined {
  const i = d.body.findIndex((b) => b.kind === 'p' && / ?Table \d+: /.test(b.text) && b.text.replace(/^Table \d+: /, '') === caption);
  const t = i >= 0 ? d.body[i + 1] : undefined;
  return t && t.kind === 'table' ? t : undefined;
}

describe('the review report as python-docx reads it', () => {
  it.each(CASES)('%s: headings in order, real heading styles, en-GB, every table with a repeating header row', (name) => {
    const d = docs[name]!;
    const m = models[name]!;
    const scored = m.sections.length > 0 && m.items.length > 0;
    const expected = [
      ...(scored ? ['Headline results', 'Strengths', 'Areas for improvement'] : []),
      ...(m.partnerships && Object.keys(m.partnerships).length > 1 ? ['Partnerships side by side'] : []),
      ...(m.tracker?.length ? ['Delivery results'] : []),
      ...(m.risks?.length ? ['Risk results'] : []),
    ];
    const h1 = headings(d, 'Heading 1');
    for (const h of expected) expect(h1, name).toContain(h);
    expect(h1.slice(-2)).toEqual(['Improvement plan', 'Appendix: method']);
    expect(headings(d, 'Title')).toHaveLength(1);
    expect(d.language).toBe('en-GB');
    const tables = d.body.filter((b): b is Tbl => b.kind === 'table');
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      expect(t.headerRepeats).toBe(true);
      expect(t.style).toBe('Report Table');
    }
    // every table has a caption paragraph right before it
    d.body.forEach((b, i) => {
      if (b.kind === 'table') expect((d.body[i - 1] as Para).style).toBe('Caption');
    });
    const text = d.body.map((b) => (b.kind === 'p' ? b.text : b.rows.flat().join(' '))).join('\n');
    expect(text).not.toMatch(/\bseed\b/i);
  });

  it.each(CASES)('%s: the headline table and the chart equal the model', (name) => {
    const d = docs[name]!;
    const m = models[name]!;
    if (m.items.length === 0) {
      expect(tableAfter(d, 'Overall and section scores')).toBeUndefined();
      return;
    }
    const t = tableAfter(d, 'Overall and section scores')!;
    expect(t.rows[0]).toEqual(['Section', 'Mean score', 'Per cent of scale', 'RAG']);
    expect(t.rows.slice(1)).toEqual([
      ...m.sections.map((s) => [s.title, m2(s.mean), pc(s.percent), rag(s.rag)]),
      ['Overall', m2(m.overall.mean), pc(m.overall.percent), rag(m.overall.rag)],
    ]);
    const charts = d.body.flatMap((b) => (b.kind === 'p' ? b.charts : []));
    expect(charts).toHaveLength(1);
    expect(charts[0]!.categories).toEqual(m.sections.map((s) => s.title));
    expect(charts[0]!.values).toEqual(m.sections.map((s) => s.mean));
    for (const s of m.sections) if (s.mean !== null) expect(charts[0]!.alt).toContain(`${s.title} ${m2(s.mean)}`);
  });

  it.each(CASES)('%s: strengths, areas for improvement, partnerships and the plan equal the model', (name) => {
    const d = docs[name]!;
    const m = models[name]!;
    if (m.items.length > 0) {
      const st = tableAfter(d, 'Strengths');
      if (m.strengths.length === 0) expect(st).toBeUndefined();
      else expect(st!.rows.slice(1).map((r) => r[0]!.split(/[\s:]/)[0])).toEqual(m.strengths);
      const h1 = d.body.findIndex((b) => b.kind === 'p' && b.style === 'Heading 1' && b.text === 'Areas for improvement');
      const next = d.body.findIndex((b, i) => i > h1 && b.kind === 'p' && b.style === 'Heading 1');
      const areas = d.body.slice(h1, next).filter((b): b is Para => b.kind === 'p' && b.style === 'Heading 2');
      expect(areas.map((p) => p.text.split(/[\s:]/)[0])).toEqual(m.areasForImprovement);
    }
    if (m.partnerships && Object.keys(m.partnerships).length > 1) {
      const names = Object.keys(m.partnerships);
      const t = tableAfter(d, 'Partnerships side by side: mean score and RAG')!;
      expect(t.rows[0]).toEqual(['Section', ...names]);
      const cell = (x: { mean: number | null; rag: string | null } | undefined) =>
        x && x.mean !== null ? `${m2(x.mean)} ${rag(x.rag)}` : '–';
      expect(t.rows.slice(1)).toEqual([
        ...m.sections.map((s) => [s.title, ...names.map((p) => cell(m.partnerships![p]!.sections.find((x) => x.id === s.id)))]),
        ['Overall', ...names.map((p) => cell(m.partnerships![p]!.overall))],
      ]);
    }
    const plan = tableAfter(d, 'Improvement plan');
    if (m.plan.length === 0) expect(plan).toBeUndefined();
    else {
      expect(plan!.rows[0]).toEqual(['Heading', 'Action', 'Key contact', 'Lead agency', 'Date', 'Status']);
      expect(plan!.rows.slice(1)).toEqual(m.plan.map((r) => [r.heading, r.action, r.keyContact, r.leadAgency, ukDate(r.date), r.status]));
      expect(d.sections.some((s) => s.landscape)).toBe(true);
    }
    if (m.tracker?.length)
      expect(
        tableAfter(d, 'Delivery results')!
          .rows.slice(1)
          .map((r) => [r[0], Number(r[1]), Number(r[2])]),
      ).toEqual(m.tracker.map((t) => [t.theme, t.rows, t.scored]));
    if (m.risks?.length)
      expect(tableAfter(d, 'Risk results')!.rows.slice(1)).toEqual(
        m.risks.map((r) => [r.theme, String(r.red), String(r.amber), String(r.green), String(r.unrated)]),
      );
  });

  it('the Hallmarks two-partnership title page names both partnerships, the cycle, the date and the source paper', () => {
    const d = docs['hallmarks-two']!;
    const text = d.body.filter((b): b is Para => b.kind === 'p').map((p) => p.text);
    expect(text).toContain('Community Safety Partnership and Economic Development Partnership');
    expect(text).toContain('2026/27');
    expect(text).toContain('23 November 2026');
    expect(text).toContain('Rochford District LSP (Vision 100), Partnership Self Assessment Guidance & Questionnaire, June 2009');
    expect(PARTNERSHIPS).toHaveLength(2);
    const who = tableAfter(d, 'Respondents by organisation')!;
    expect(who.rows.slice(1).reduce((n, r) => n + Number(r[1]), 0)).toBe(16);
  });
});

describe.skipIf(!HAVE_SOFFICE || !HAVE_POPPLER)('the review report through LibreOffice', () => {
  it('converts every report to PDF without errors; the Hallmarks two-partnership report is at most 15 pages', async () => {
    const profile = await freshProfile();
    const files = CASES.map((n) => join(dir, `${n}.docx`));
    await run(
      soffice()!,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf:writer_pdf_Export',
        '--outdir',
        dir,
        ...files,
      ],
      { timeout: 300_000 },
    );
    await rm(ARTIFACTS, { recursive: true, force: true });
    await mkdir(ARTIFACTS, { recursive: true });
    const pages: Record<string, number> = {};
    for (const n of CASES) {
      const pdf = join(dir, `${n}.pdf`);
      const bytes = await readFile(pdf);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const { stdout } = await run('pdfinfo', [pdf]);
      pages[n] = Number(/Pages:\s+(\d+)/.exec(stdout)![1]);
      await copyFile(pdf, join(ARTIFACTS, `${n}.pdf`));
      // the chart is drawn: its title and axis title appear as text on the page
      const text = (await run('pdftotext', [pdf, '-'])).stdout;
      if (models[n]!.items.length > 0) expect(text).toContain('Mean score by section');
    }
    await run('pdftoppm', ['-r', '50', '-png', join(dir, 'hallmarks-two.pdf'), join(ARTIFACTS, 'hallmarks-two')]);
    expect(pages['hallmarks-two']).toBeLessThanOrEqual(15);
    for (const n of CASES) expect(pages[n], n).toBeGreaterThanOrEqual(2);
  }, 300_000);
});
