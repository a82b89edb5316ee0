/**
 * Issue #16, the LSP improvement plan through the command line: `plan lsp.xlsx tracker.xlsx hallmarks.xlsx risk.xlsx`
 * makes one plan with Part 1 Delivery by theme (the tracker's themes and its theme review's agreed action) and Part 2
 * Partnership by criterion (the Hallmarks review's hallmark, drafted now as its plan has no rows yet, and the risk
 * exercise's red risk theme), every row naming its workbook, partnership, theme/criterion and Ref. A person's edits
 * in the plan (an edited action, a changed status, a typed row) survive a rebuild after the tracker changed; a review
 * left out is flagged, never deleted; the plan itself, a copy of it, the same review twice, a workbook that is not a
 * review and a review given as the plan are refused (exit 2, nothing written). The plan validates against the OOXML
 * schemas and opens in openpyxl and LibreOffice.
 * Expected rows are worked out by hand from the inputs (test/support/lsp-inputs.ts) and the drafting rules
 * (core/plan/draft.ts: a theme with achievement ≤ 2, a red risk theme, a hallmark with a red question).
 */
import { execFileSync } from 'node:child_process';
import { copyFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/review/types.js';
import { newTab } from '../../core/sheet-plan/tab.js';
import type { TabPlan } from '../../core/sheet-plan/types.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { convert, freshProfile, soffice } from '../parity/libreoffice.js';
import { LSP_PARTNERSHIP, makeLspInputs, typeRegister } from '../support/lsp-inputs.js';
import { describeErrors, haveXmllint, validatePackages } from '../support/ooxml-validate.js';
import { cli } from './cli-helpers.js';
import { tempDir } from './helpers.js';

const DAY1 = '2026-11-23';
const DAY2 = '2026-12-10';
const HAVE_XMLLINT = await haveXmllint();
const HAVE_OPENPYXL = (() => {
  try {
    execFileSync('python3', ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let inputs: { tracker: string; hallmarks: string; risk: string };
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-lsp-plan-'));
  inputs = await makeLspInputs(dir, DAY1);
}, 120_000);
afterAll(() => cleanup());

/** Cells typed as a person types them, through the file host. */
async function type(file: string, sheet: string, cells: { row: number; col: number; value: CellValue }[]): Promise<void> {
  const host = await XlsxHost.open(file, { write: true });
  const tab: TabPlan = {
    ...newTab(sheet, 'plan', 'update'),
    blocks: cells.map((c) => ({ row: c.row, col: c.col, cells: [[{ v: c.value }]], owner: 'input' as const })),
  };
  await host.apply({ tabs: [tab], namedRanges: [] });
  await host.save(file);
}

type Row = Record<string, string>;
/** The rows of a plan tab by their hidden key row (row 4), data from row 5. */
async function rowsOf(file: string, sheet: string): Promise<Row[]> {
  const snap = await (await XlsxHost.open(file)).read({ tabs: [sheet] });
  const values = snap.tabs[sheet]!.values;
  const keys = values[3]!.map((k) => String(k ?? ''));
  return values.slice(4).map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] === null || r[i] === undefined ? '' : String(r[i])])));
}
const pick = (rows: Row[], ...keys: string[]) => rows.map((r) => keys.map((k) => r[k]));

const CRIME_DRAFT =
  'Get delivery under Crime back on track: “Burglary in the north of the borough” not achieved (1 of 5) and “Youth diversion places” scored 2 of 5. Agree revised actions, a lead partner and milestones with the theme champions, and the support they need.';

describe('partnership-review plan: one plan from a tracker, a Hallmarks review and a risk exercise', () => {
  it('builds Part 1 Delivery by theme and Part 2 Partnership by criterion, each row with its source', async () => {
    const plan = join(dir, 'lsp.xlsx');
    const r = await cli('plan', plan, inputs.tracker, inputs.hallmarks, inputs.risk, '--today', DAY1, '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`Created ${plan}: Part 1 Delivery 3 rows, Part 2 Partnership 2 rows, from 3 reviews.`);
    expect(r.stdout).toContain('hallmarks.xlsx (Hallmarks of effective partnerships self-assessment, 2026/27): 1 row drafted now');

    const snap = await (await XlsxHost.open(plan)).read({ tabs: 'all' });
    expect(snap.tabNames).toEqual(['Part 1 Delivery', 'Part 2 Partnership', 'PR_Meta']);
    expect(snap.tabs['PR_Meta']!.hidden).toBe(true);
    expect(snap.tabs['Part 1 Delivery']!.values[0]![0]).toBe('Improvement Plan for Delivery (2026/27)');
    expect(snap.tabs['Part 1 Delivery']!.values[2]!.slice(0, 8)).toEqual([
      'Ref',
      'Source workbook',
      'Partnership',
      'Part',
      'Theme/criterion',
      'Source items',
      'Action for improvement',
      'Date to be completed',
    ]);

    const part1 = await rowsOf(plan, 'Part 1 Delivery');
    // the tracker's plan: the Theme Review's agreed action for Crime first, then Crime (rows 5 and 6: 1 and 2 of 5),
    // then Education (row 8: 2 of 5); Health (5 of 5) has none
    expect(pick(part1, 'ref', 'sourceWorkbook', 'partnership', 'part', 'heading', 'sourceItems')).toEqual([
      ['Crime – action agreed at the theme review', 'tracker.xlsx', LSP_PARTNERSHIP, 'Delivery', 'Crime', 'Theme Review row 5'],
      ['Delivery – Crime', 'tracker.xlsx', LSP_PARTNERSHIP, 'Delivery', 'Crime', 'Progress Tracker rows 5, 6'],
      ['Delivery – Education', 'tracker.xlsx', LSP_PARTNERSHIP, 'Delivery', 'Education', 'Progress Tracker row 8'],
    ]);
    expect(part1[0]!['action']).toBe('Develop a streetscape proposal with the police and the housing team');
    expect(part1[1]!['action']).toBe(CRIME_DRAFT);
    // dates as the tracker's plan has them: 23/11/2026 + 6 months and + 3 months
    expect(pick(part1, 'date', 'progressReportDate', 'status')).toEqual(Array(3).fill(['2027-05-23', '2027-02-23', 'Not started']));
    expect(part1.map((x) => x['sourceStatus'])).toEqual(Array(3).fill('As in the plan of tracker.xlsx'));
    expect(part1[1]!['smart']).toBe('Not SMART: no key contact');

    const part2 = await rowsOf(plan, 'Part 2 Partnership');
    // Hallmarks: question 1.1 scored 1 and 1 of 3 (red) → Hallmark 1, per partnership; risk: Governance is red,
    // Political amber (no row)
    expect(pick(part2, 'ref', 'sourceWorkbook', 'partnership', 'part', 'heading', 'sourceItems', 'sourceStatus')).toEqual([
      [
        `Hallmark 1 – ${LSP_PARTNERSHIP}`,
        'hallmarks.xlsx',
        LSP_PARTNERSHIP,
        'Partnership',
        'Empowered and Effective Leadership',
        '1.1',
        'Drafted from hallmarks.xlsx (its plan has no rows yet)',
      ],
      [
        'Risk – Governance',
        'risk.xlsx',
        LSP_PARTNERSHIP,
        'Partnership',
        'Risk – Governance',
        'Risk Register row 5',
        'As in the plan of risk.xlsx',
      ],
    ]);
    expect(part2[0]!['action']).toContain('1.1 “Do you have an effective governance structure');
    expect(part2[0]!['action']).toContain('scored 1 of 3 (Red)');
    expect(part2[1]!['action']).toBe(
      'Reduce the red risk under Governance: “Partners stop attending the board”. Agree the actions that will bring it to amber or green, who owns each, and review the rating.',
    );
  }, 60_000);

  it('keeps an edited action, a changed status and a typed row when rebuilt after the tracker changed', async () => {
    const plan = join(dir, 'lsp.xlsx');
    // in the plan: Part 1 row 6 (Delivery – Crime) action (column 7) edited; Part 2 row 6 (Risk – Governance) status
    // (column 14) changed; a row typed under the two on Part 2
    await type(plan, 'Part 1 Delivery', [{ row: 6, col: 7, value: 'Set up a burglary task group with the police by March' }]);
    await type(plan, 'Part 2 Partnership', [
      { row: 6, col: 14, value: 'In progress' },
      { row: 7, col: 1, value: 'LSP-01' },
      { row: 7, col: 5, value: 'Membership' },
      { row: 7, col: 7, value: 'Invite the Youth Council to the board' },
    ]);
    // the tracker changes: Employment gets a row at 1 of 5, "Youth diversion places" falls to 1, and someone edits
    // the Education action on the tracker's own plan; then the tracker is summarised again
    await typeRegister(inputs.tracker, 'delivery-tracker', [
      { theme: 'Crime', issue: 'Burglary in the north of the borough', achievement: 1 },
      { theme: 'Crime', issue: 'Youth diversion places', achievement: 1 },
      { theme: 'Health', issue: 'Smoking cessation', achievement: 5 },
      { theme: 'Education', issue: 'Attainment at 16', achievement: 2 },
      { theme: 'Employment', issue: 'Jobs for care leavers', achievement: 1 },
    ]);
    const trackerPlan = await rowsOf(inputs.tracker, 'Improvement Plan');
    const edu = trackerPlan.findIndex((x) => x['ref'] === 'Delivery – Education');
    await type(inputs.tracker, 'Improvement Plan', [{ row: 5 + edu, col: 5, value: 'Mentoring for year 11 in every secondary school' }]);
    expect((await cli('summarise', inputs.tracker, '--today', DAY2, '--quiet')).code).toBe(0);

    const r = await cli('plan', plan, inputs.tracker, inputs.hallmarks, inputs.risk, '--today', DAY2, '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`Updated ${plan}: Part 1 Delivery 4 rows, Part 2 Partnership 3 rows, from 3 reviews.`);
    expect(r.stdout).toContain('Kept as people left them: 2 edited rows, 1 row added by hand');

    const part1 = await rowsOf(plan, 'Part 1 Delivery');
    expect(pick(part1, 'ref', 'action', 'sourceStatus')).toEqual([
      [
        'Crime – action agreed at the theme review',
        'Develop a streetscape proposal with the police and the housing team',
        'As in the plan of tracker.xlsx',
      ],
      // edited here: kept word for word, and the tracker's Crime row has changed since (Youth diversion now 1 of 5)
      [
        'Delivery – Crime',
        'Set up a burglary task group with the police by March',
        'Edited here, kept as typed; the row in tracker.xlsx has changed since: compare',
      ],
      // untouched here: follows the tracker's plan as a person edited it there
      ['Delivery – Education', 'Mentoring for year 11 in every secondary school', 'As in the plan of tracker.xlsx'],
      // new in the tracker: appended at the foot, with the tracker's dates (summarised on 10/12/2026)
      [
        'Delivery – Employment',
        'Get delivery under Employment back on track: “Jobs for care leavers” not achieved (1 of 5). Agree revised actions, a lead partner and milestones with the theme champions, and the support they need.',
        'As in the plan of tracker.xlsx',
      ],
    ]);
    expect(pick(part1, 'date', 'progressReportDate')[3]).toEqual(['2027-06-10', '2027-03-10']);

    const part2 = await rowsOf(plan, 'Part 2 Partnership');
    expect(pick(part2, 'ref', 'heading', 'status', 'sourceStatus')).toEqual([
      // drafted again from the unsummarised Hallmarks review on a later day: keeps the dates it was first drafted with
      [
        `Hallmark 1 – ${LSP_PARTNERSHIP}`,
        'Empowered and Effective Leadership',
        'Not started',
        'Drafted from hallmarks.xlsx (its plan has no rows yet)',
      ],
      ['Risk – Governance', 'Risk – Governance', 'In progress', 'Edited here, kept as typed'],
      ['LSP-01', 'Membership', '', 'Added here by hand'],
    ]);
    expect(pick(part2, 'date', 'progressReportDate')[0]).toEqual(['2027-05-23', '2027-02-23']);
    expect(part2[2]!['action']).toBe('Invite the Youth Council to the board');
  }, 60_000);

  it('keeps and flags the rows of reviews not given this time', async () => {
    const plan = join(dir, 'lsp.xlsx');
    const r = await cli('plan', plan, inputs.tracker, '--today', DAY2, '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Not given this time (their rows are kept as they were): hallmarks.xlsx, risk.xlsx.');
    const part2 = await rowsOf(plan, 'Part 2 Partnership');
    expect(pick(part2, 'ref', 'status', 'sourceStatus')).toEqual([
      [`Hallmark 1 – ${LSP_PARTNERSHIP}`, 'Not started', 'hallmarks.xlsx was not given this time: kept as it was'],
      ['Risk – Governance', 'In progress', 'risk.xlsx was not given this time: kept as it was; edited here, kept as typed'],
      ['LSP-01', '', 'Added here by hand'],
    ]);
    // given again: back to what they were (--json: the same rows, as data, and only JSON on stdout)
    const again = await cli('plan', plan, inputs.tracker, inputs.hallmarks, inputs.risk, '--today', DAY2, '--quiet', '--json');
    expect(again.code).toBe(0);
    const json = JSON.parse(again.stdout) as {
      created: boolean;
      sources: { label: string; rows: number; drafted: boolean }[];
      part1Delivery: { ref: string; sourceWorkbook: string }[];
      part2Partnership: { ref: string; origin: string }[];
    };
    expect(json.created).toBe(false);
    expect(json.sources.map((x) => [x.label, x.rows, x.drafted])).toEqual([
      ['tracker.xlsx', 4, false],
      ['hallmarks.xlsx', 1, true],
      ['risk.xlsx', 1, false],
    ]);
    expect(json.part1Delivery.map((x) => x.ref)).toEqual([
      'Crime – action agreed at the theme review',
      'Delivery – Crime',
      'Delivery – Education',
      'Delivery – Employment',
    ]);
    expect(json.part2Partnership.map((x) => [x.ref, x.origin])).toEqual([
      [`Hallmark 1 – ${LSP_PARTNERSHIP}`, 'drafted'],
      ['Risk – Governance', 'edited'],
      ['LSP-01', 'added'],
    ]);
    expect((await rowsOf(plan, 'Part 2 Partnership')).map((x) => x['sourceStatus'])).toEqual([
      'Drafted from hallmarks.xlsx (its plan has no rows yet)',
      'Edited here, kept as typed',
      'Added here by hand',
    ]);
  }, 60_000);

  it.skipIf(!HAVE_XMLLINT)(
    'is schema-valid',
    async () => {
      const result = await validatePackages(new Map([['lsp.xlsx', new Uint8Array(await readFile(join(dir, 'lsp.xlsx')))]]));
      expect(describeErrors(result.errors)).toBe('');
      expect(result.errors).toEqual([]);
    },
    120_000,
  );

  it.skipIf(!HAVE_OPENPYXL)('opens in openpyxl', () => {
    const out = execFileSync(
      'python3',
      [
        '-c',
        'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint("|".join(wb.sheetnames))\nws = wb["Part 1 Delivery"]\nprint(ws["A5"].value, "|", ws["B5"].value, "|", ws["E5"].value)\nprint(wb["PR_Meta"].sheet_state)',
        join(dir, 'lsp.xlsx'),
      ],
      { encoding: 'utf8' },
    );
    expect(out.trim().split('\n')).toEqual([
      'Part 1 Delivery|Part 2 Partnership|PR_Meta',
      'Crime – action agreed at the theme review | tracker.xlsx | Crime',
      'hidden',
    ]);
  });

  it.skipIf(soffice() === null)(
    'opens in LibreOffice',
    async () => {
      await convert([join(dir, 'lsp.xlsx')], 'xlsx', join(dir, 'lo'), await freshProfile());
      const back = await (await XlsxHost.open(join(dir, 'lo', 'lsp.xlsx'))).read({ tabs: ['Part 2 Partnership'] });
      expect(back.tabs['Part 2 Partnership']!.values[6]![0]).toBe('LSP-01');
    },
    240_000,
  );
});

describe('partnership-review plan refuses, writing nothing', () => {
  async function refused(args: string[], expected: RegExp, plan: string): Promise<void> {
    const before = await readFile(plan).catch(() => null);
    const r = await cli('plan', ...args, '--today', DAY2, '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(await readFile(plan).catch(() => null)).toEqual(before);
  }

  it('the plan itself, a copy of it, the same review twice, a non-review workbook, a review as the plan', async () => {
    const plan = join(dir, 'refuse-plan.xlsx');
    const alone = await cli('plan', plan);
    expect([alone.code, alone.stderr]).toEqual([
      2,
      'partnership-review: plan needs <plan.xlsx> and <review.xlsx> (one or more): partnership-review plan <plan.xlsx> <review.xlsx>… Run "partnership-review --help" for the commands.',
    ]);
    expect((await cli('plan', plan, inputs.risk, '--today', DAY2, '--quiet')).code).toBe(0);
    await refused([plan, inputs.risk, plan], /refuse-plan\.xlsx is the plan itself, not a review/, plan);
    const copy = join(dir, 'copy-of-plan.xlsx');
    await copyFile(plan, copy);
    await refused([plan, copy], /copy-of-plan\.xlsx is a copy of the plan itself/, plan);
    await refused(
      [plan, inputs.risk, inputs.risk],
      /risk\.xlsx is the same file as .*risk\.xlsx, given before it.*Give each review once/,
      plan,
    );
    const riskCopy = join(dir, 'risk-copy.xlsx');
    await copyFile(inputs.risk, riskCopy);
    await refused([plan, inputs.risk, riskCopy], /risk-copy\.xlsx is a copy of .*risk\.xlsx/, plan);
    // a workbook another tool made
    const other = join(dir, 'budget.xlsx');
    const host = XlsxHost.create();
    await host.apply({
      tabs: [{ ...newTab('Budget', 'entry', 'create'), blocks: [{ row: 1, col: 1, cells: [[{ v: 'Spend' }]], owner: 'input' }] }],
      namedRanges: [],
    });
    await host.save(other);
    await refused([plan, inputs.risk, other], /budget\.xlsx is not a review workbook: .*no PR_Meta tab/, plan);
    // another LSP plan given as a review
    const otherPlan = join(dir, 'other-plan.xlsx');
    expect((await cli('plan', otherPlan, inputs.tracker, '--today', DAY2, '--quiet')).code).toBe(0);
    await refused([plan, otherPlan], /other-plan\.xlsx is not a review workbook: This workbook is an LSP improvement plan/, plan);
    // a review given where the plan goes
    await refused([inputs.hallmarks, inputs.risk], /hallmarks\.xlsx is a review workbook, not an LSP improvement plan/, inputs.hallmarks);
    // a plan that does not exist yet is not created when a review is refused
    const none = join(dir, 'never.xlsx');
    await refused([none, inputs.risk, other], /budget\.xlsx is not a review workbook/, none);
    await expect(stat(none)).rejects.toThrow();
  }, 60_000);

  it('a plan tab whose hidden key row was changed is not written over', async () => {
    const plan = join(dir, 'refuse-plan.xlsx');
    await type(plan, 'Part 2 Partnership', [{ row: 4, col: 18, value: 'mine' }]);
    await refused([plan, inputs.risk], /The tab “Part 2 Partnership” of .*refuse-plan\.xlsx does not have the hidden key row/, plan);
  });
});
