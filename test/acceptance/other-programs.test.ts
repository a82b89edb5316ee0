/**
 * Issue #10's acceptance on workbooks saved by other programs (made at test time by
 * test/acceptance/fixtures/make_fixtures.py and LibreOffice, from a review `partnership-review new` wrote):
 * `import`, `check`, `summarise` and `summarise --previous` succeed through the command line, and afterwards
 * - every part the tool did not write is byte-identical;
 * - in every tab it patched, everything outside the cells, rows and rules its sheet plans wrote is unchanged
 *   (canonical XML: test/support/sheet-canonical.ts), and the tab's relationships are all still there;
 * - shared parts change minimally: content types, workbook relationships, sheets, style and string indices kept;
 * - no relationship or content type points at a part that is not there (a theme never dangles);
 * - printed footers and page numbering stay; LibreOffice's `sheet="true"` protection stays;
 * - every XML part of the result validates against the OOXML schemas.
 * The sheet plans are computed in-process from the same file just before each command, to know what it wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFile, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { planImport } from '../../core/import/plan-import.js';
import { previousFromSnapshot } from '../../core/operations/previous.js';
import { readReviewSnapshot } from '../../core/operations/run.js';
import { planSummary } from '../../core/operations/summarise.js';
import type { SheetPlan } from '../../core/sheet-plan/types.js';
import { readImportTable } from '../../file-host/import-table.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { cli, TODAY } from '../file-host/cli-helpers.js';
import { tempDir } from '../file-host/helpers.js';
import { convert, freshProfile, soffice } from '../parity/libreoffice.js';
import { describeErrors, haveXmllint, unzipPackage, validatePackages } from '../support/ooxml-validate.js';
import { formsCsv, newArgs } from '../support/review-files.js';
import {
  addPlan,
  canonicalSheet,
  emptyArea,
  parseXml,
  relationships,
  relsOf,
  serialise,
  sharedStrings,
  sheetParts,
  type WriteArea,
} from '../support/sheet-canonical.js';

const SCRIPT = fileURLToPath(new URL('./fixtures/make_fixtures.py', import.meta.url));
const HAVE_PYTHON = (() => {
  try {
    execFileSync('python3', ['-c', 'import openpyxl, lxml'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const HAVE_SOFFICE = soffice() !== null;
const HAVE_XMLLINT = await haveXmllint();
if (!HAVE_PYTHON)
  console.warn('other-programs acceptance: skipped — python3 with openpyxl and lxml is needed; scripts/setup.sh installs them.');
if (!HAVE_SOFFICE) console.warn('other-programs acceptance: the LibreOffice fixture is skipped — soffice is not installed.');

const FRAMEWORK = builtinFrameworks().find((f) => f.id === 'partnership-tree')!;
const PYTHON_FIXTURES = [
  'openpyxl.xlsx',
  'macro.xlsm',
  'pivot.xlsx',
  'shape.xlsx',
  'theme.xlsx',
  'duplicates.xlsx',
  'x14-list.xlsx',
  'hyperlink.xlsx',
  'customxml.xlsx',
];
const FIXTURES = [...PYTHON_FIXTURES, ...(HAVE_SOFFICE ? ['libreoffice.xlsx'] : [])];
/** Parts every write may change (minimally: checked separately) */
const SHARED = new Set([
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
  'docProps/app.xml',
  'docProps/core.xml',
]);

interface Outcome {
  before: Map<string, Uint8Array>;
  after: Map<string, Uint8Array>;
  steps: { step: string; code: number; stderr: string }[];
  /** tab name → what the plans wrote there (tabs patched in place) */
  patched: Map<string, WriteArea>;
  /** tabs written whole (create or replace) */
  whole: Set<string>;
  /** tabs whose print setup a plan set */
  printTabs: Set<string>;
}

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
const outcomes = new Map<string, Outcome>();

async function runFixture(name: string): Promise<Outcome> {
  const file = join(dir, 'work', name);
  await copyFile(join(dir, 'fixtures', name), file);
  const before = unzipPackage(new Uint8Array(await readFile(file)));
  const csv = join(dir, 'responses.csv');
  const patched = new Map<string, WriteArea>();
  const whole = new Set<string>();
  const printTabs = new Set<string>();
  const record = (plan: SheetPlan) => {
    for (const t of plan.tabs) {
      if (t.print) printTabs.add(t.name);
      if (t.mode === 'update') {
        const area = patched.get(t.name) ?? emptyArea();
        addPlan(area, t);
        patched.set(t.name, area);
      } else whole.add(t.name);
    }
  };
  const snapshot = async (path: string) => readReviewSnapshot(await XlsxHost.open(path));
  const steps: Outcome['steps'] = [];
  const step = async (label: string, plan: () => Promise<SheetPlan>, ...args: string[]) => {
    try {
      record(await plan());
    } catch (e) {
      steps.push({ step: `${label} (planning in the test)`, code: -1, stderr: (e as Error).message });
      return;
    }
    const r = await cli(...args);
    steps.push({ step: label, code: r.code, stderr: r.stderr });
  };
  await step(
    'import',
    async () => planImport(await snapshot(file), await readImportTable(csv), TODAY).plan,
    'import',
    file,
    csv,
    '--quiet',
  );
  const check = await cli('check', file, '--quiet');
  steps.push({ step: 'check', code: check.code === 1 ? 0 : check.code, stderr: check.stderr });
  await step('summarise', async () => planSummary(await snapshot(file), { today: TODAY }).plan, 'summarise', file, '--quiet');
  // last cycle's review: a workbook of its own (the review itself, or a copy of it, is refused as the previous one)
  const previous = join(dir, 'work', `previous-${name.replace(/\.xlsm$/, '.xlsx')}`);
  for (const args of [newArgs(previous, FRAMEWORK), ['import', previous, csv, '--quiet'], ['summarise', previous, '--quiet']]) {
    const r = await cli(...args);
    if (r.code !== 0) steps.push({ step: `previous review: ${args[0]}`, code: r.code, stderr: r.stderr });
  }
  await step(
    'summarise --previous',
    async () =>
      planSummary(await snapshot(file), { today: TODAY, previous: previousFromSnapshot(await snapshot(previous)), fillPrevious: true })
        .plan,
    'summarise',
    file,
    '--previous',
    previous,
    '--quiet',
  );
  return { before, after: unzipPackage(new Uint8Array(await readFile(file))), steps, patched, whole, printTabs };
}

beforeAll(async () => {
  if (!HAVE_PYTHON) return;
  ({ dir, cleanup } = await tempDir('pr-other-programs-'));
  const base = join(dir, 'base.xlsx');
  const made = await cli(...newArgs(base, FRAMEWORK));
  if (made.code !== 0) throw new Error(`new failed: ${made.stderr}`);
  await writeFile(join(dir, 'responses.csv'), formsCsv(FRAMEWORK));
  execFileSync('python3', [SCRIPT, base, join(dir, 'fixtures')], { stdio: 'pipe' });
  if (HAVE_SOFFICE) {
    await convert([base], 'xlsx', join(dir, 'lo'), await freshProfile());
    await rename(join(dir, 'lo', 'base.xlsx'), join(dir, 'fixtures', 'libreoffice.xlsx'));
  }
  execFileSync('mkdir', ['-p', join(dir, 'work')]);
  for (const name of FIXTURES) outcomes.set(name, await runFixture(name));
}, 900_000);

afterAll(() => cleanup());

const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));

/** Parts reachable through relationships from `start` (not through the workbook). */
function reachable(parts: Map<string, Uint8Array>, start: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length > 0) {
    const p = todo.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    seen.add(relsOf(p));
    for (const r of relationships(parts, p)) if (!r.external) todo.push(r.target);
  }
  return seen;
}

describe.skipIf(!HAVE_PYTHON).each(FIXTURES)('%s', (name) => {
  const o = () => outcomes.get(name)!;

  it('import, check, summarise and summarise --previous succeed through the command line', () => {
    expect(o().steps.filter((s) => s.code !== 0)).toEqual([]);
  });

  it('every part the tool did not write is byte-identical', () => {
    const { before, after, patched, whole } = o();
    const sheetsBefore = sheetParts(before);
    const sheetsAfter = sheetParts(after);
    const owned = new Set<string>(SHARED);
    for (const t of whole) {
      for (const p of [sheetsBefore.get(t), sheetsAfter.get(t)])
        if (p) for (const q of [...reachable(before, [p]), ...reachable(after, [p])]) owned.add(q);
    }
    for (const t of patched.keys()) {
      const p = sheetsBefore.get(t);
      if (p) owned.add(p).add(relsOf(p));
    }
    const changed = [...before.keys()].filter((p) => !owned.has(p) && !same(before.get(p), after.get(p)));
    expect(changed.map((p) => `${p}${after.has(p) ? ' changed' : ' missing'}`)).toEqual([]);
  });

  it('in every tab it patched, everything outside what its sheet plans wrote is unchanged', () => {
    const { before, after, patched } = o();
    const sheetsBefore = sheetParts(before);
    const sheetsAfter = sheetParts(after);
    const sstBefore = sharedStrings(before.get('xl/sharedStrings.xml'));
    const sstAfter = sharedStrings(after.get('xl/sharedStrings.xml'));
    expect(patched.size).toBeGreaterThan(0);
    for (const [tab, area] of patched) {
      const p = sheetsBefore.get(tab);
      const q = sheetsAfter.get(tab);
      if (!p) continue; // a tab the first write created
      expect(q, `${tab} is still there`).toBeDefined();
      expect(canonicalSheet(after.get(q!)!, sstAfter, area), `${tab} (${p} → ${q})`).toBe(canonicalSheet(before.get(p)!, sstBefore, area));
      // its relationships (drawings, hyperlinks, comments, pivot tables) are all still there
      const relsAfter = relationships(after, q!).map((r) => `${r.id} ${r.type} ${r.target}`);
      for (const r of relationships(before, p)) expect(relsAfter, `${tab} relationship`).toContain(`${r.id} ${r.type} ${r.target}`);
    }
  });

  it('shared parts change minimally: content types, relationships, tabs, styles and strings are kept', () => {
    const { before, after } = o();
    const ct = (m: Map<string, Uint8Array>) =>
      Array.from(parseXml(m.get('[Content_Types].xml')!).documentElement.childNodes)
        .filter((n) => n.nodeType === 1)
        .map(
          (n) =>
            `${(n as Element).getAttribute('Extension')?.toLowerCase() ?? (n as Element).getAttribute('PartName')} ${(n as Element).getAttribute('ContentType')}`,
        );
    const ctAfter = ct(after);
    for (const entry of ct(before)) expect(ctAfter, 'content type').toContain(entry);
    const relsAfter = relationships(after, 'xl/workbook.xml').map((r) => `${r.id} ${r.type} ${r.target}`);
    for (const r of relationships(before, 'xl/workbook.xml'))
      expect(relsAfter, 'workbook relationship').toContain(`${r.id} ${r.type} ${r.target}`);
    const sheetsAfter = sheetParts(after);
    for (const [tab, part] of sheetParts(before)) expect(sheetsAfter.get(tab), `tab ${tab}`).toBe(part);
    // style indices never renumbered: the original cell formats and differential formats are a prefix of the new
    const xfs = (m: Map<string, Uint8Array>, list: string) => {
      const doc = parseXml(m.get('xl/styles.xml')!);
      const el = doc.getElementsByTagNameNS('http://schemas.openxmlformats.org/spreadsheetml/2006/main', list)[0];
      return el
        ? Array.from(el.childNodes)
            .filter((n) => n.nodeType === 1)
            .map((n) => serialise(n as Element))
        : [];
    };
    for (const list of ['cellXfs', 'dxfs', 'fonts', 'fills', 'borders', 'numFmts'])
      expect(xfs(after, list).slice(0, xfs(before, list).length), list).toEqual(xfs(before, list));
    const sstBefore = sharedStrings(before.get('xl/sharedStrings.xml'));
    expect(sharedStrings(after.get('xl/sharedStrings.xml')).slice(0, sstBefore.length)).toEqual(sstBefore);
    // the workbook's own settings outside tabs and names: pivot caches, code name, calculation, file version
    const wbKids = (m: Map<string, Uint8Array>) =>
      Array.from(parseXml(m.get('xl/workbook.xml')!).documentElement.childNodes)
        .filter((n) => n.nodeType === 1 && !['sheets', 'definedNames', 'bookViews', 'calcPr'].includes((n as Element).localName))
        .map((n) => serialise(n as Element));
    expect(wbKids(after)).toEqual(wbKids(before));
  });

  it('no relationship or content type points at a missing part (the theme never dangles)', () => {
    const { after } = o();
    const missing: string[] = [];
    for (const rels of [...after.keys()].filter((p) => p.endsWith('.rels'))) {
      const source = rels === '_rels/.rels' ? '' : rels.replace(/_rels\/([^/]+)\.rels$/, '$1');
      for (const r of relationships(after, source))
        if (!r.external && !after.has(r.target)) missing.push(`${rels}: ${r.type.split('/').pop()} → ${r.target}`);
    }
    for (const o2 of Array.from(parseXml(after.get('[Content_Types].xml')!).getElementsByTagName('Override'))) {
      const part = o2.getAttribute('PartName')!.slice(1);
      if (!after.has(part)) missing.push(`[Content_Types].xml: ${part}`);
    }
    expect(missing).toEqual([]);
    const theme = relationships(after, 'xl/workbook.xml').filter((r) => r.type.endsWith('/theme'));
    expect(theme.length).toBeLessThanOrEqual(1);
  });

  it('printed footers and page numbering stay as they were', () => {
    const { before, after, whole, patched, printTabs } = o();
    const footers = (m: Map<string, Uint8Array>) => {
      const out = new Map<string, string>();
      for (const [tab, part] of sheetParts(m)) {
        const doc = parseXml(m.get(part)!);
        const hf = doc.getElementsByTagName('headerFooter')[0];
        const ps = doc.getElementsByTagName('pageSetup')[0];
        out.set(
          tab,
          `${hf ? serialise(hf) : ''} first page ${ps?.getAttribute('firstPageNumber') ?? ''} ${ps?.getAttribute('useFirstPageNumber') ?? ''}`,
        );
      }
      return out;
    };
    const a = footers(after);
    // tabs whose print setup the plans set carry the tool's footer (tab name, page n of m) if they had one; every
    // other tab keeps its own exactly
    const printed = new Set([...whole].filter((t) => printTabs.has(t)).concat([...patched].filter(([, w]) => w.print).map(([t]) => t)));
    for (const [tab, f] of footers(before)) {
      if (!a.has(tab)) continue;
      if (printed.has(tab)) {
        if (f.includes('oddFooter')) expect(a.get(tab), tab).toMatch(/oddFooter.*&P.*&N/s);
      } else if (!whole.has(tab)) expect(a.get(tab), tab).toBe(f);
    }
  });
});

describe.skipIf(!HAVE_PYTHON || !HAVE_SOFFICE)('after a LibreOffice re-save', () => {
  it('the protection LibreOffice writes as sheet="true" is kept on every tab that had it', () => {
    const { before, after } = outcomes.get('libreoffice.xlsx')!;
    const prot = (m: Map<string, Uint8Array>) => {
      const out = new Map<string, string | null>();
      for (const [tab, part] of sheetParts(m))
        out.set(tab, parseXml(m.get(part)!).getElementsByTagName('sheetProtection')[0]?.getAttribute('sheet') ?? null);
      return out;
    };
    const b = prot(before);
    expect(b.get('Responses')).toBe('true');
    const a = prot(after);
    for (const [tab, v] of b) if (v === 'true' && a.has(tab)) expect(['true', '1'], tab).toContain(a.get(tab));
  });
});

describe.skipIf(!HAVE_PYTHON || !HAVE_XMLLINT)('schema validation of the results', () => {
  it('every XML part of every fixture after the four commands validates against the OOXML schemas', async () => {
    const { zipSync } = await import('fflate');
    const r = await validatePackages(new Map([...outcomes].map(([name, o]) => [name, zipSync(Object.fromEntries(o.after))])));
    expect(r.validated.length).toBeGreaterThan(outcomes.size * 10);
    expect(r.errors, describeErrors(r.errors)).toEqual([]);
  });
});

describe.skipIf(!HAVE_PYTHON)('the .xlsm', () => {
  it('keeps its macros and its macro-enabled content type', () => {
    const { before, after } = outcomes.get('macro.xlsm')!;
    expect(same(before.get('xl/vbaProject.bin'), after.get('xl/vbaProject.bin'))).toBe(true);
    const ct = new TextDecoder().decode(after.get('[Content_Types].xml'));
    expect(ct).toMatch(/PartName="\/xl\/workbook\.xml" ContentType="application\/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml"/);
  });
});
