/**
 * Regeneration never loses data (issue 7), on every host: people score, the add-in summarises and drafts the plan,
 * people edit plan rows, add their own rows, add respondents below the created ones (after a gap of blank rows),
 * write workshop notes and the previous review, delete the Summary and then the Improvement Plan tab; the add-in
 * regenerates each time through `run.ts` (one read, one apply). Every cell a person typed is compared before and
 * after, and the figures are checked by hand.
 *
 * Hand-computed (partnership-tree, scale 1–3, RAG green ≥ 75 %, amber ≥ 50 %):
 * - after round 1: ASPIRE 1, 1, 2 → mean 4/3, percent (4/3 − 1)/2 × 100 = 16.67 (red: drafted as an area for
 *   improvement); THINK 3, 3, 2 → mean 8/3, 83.33 % (green, max − min = 1 < ⅔ × 2: a strength);
 * - after round 2 (Dev 1 and Eve 3 added): ASPIRE 1, 1, 2, 1, 3 → mean 8/5 = 1.6, five respondents.
 */
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../core/host/types.js';
import { runCreate, runPlan, runSummarise } from '../../core/operations/run.js';
import type { CellValue } from '../../core/review/types.js';
import { memoryRig, officeRig, sheetsRig, xlsxRig, type Rig } from './support/rigs.js';
import { valueAt } from './support/scenario.js';

const TODAY = '2026-03-01';

interface Typed {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
}

function keyCol(snap: Snapshot, sheet: string, keyRow: number, key: string): number {
  const i = (snap.tabs[sheet]?.values[keyRow - 1] ?? []).findIndex((v) => v === key);
  if (i < 0) throw new Error(`no key ${key} on ${sheet}`);
  return i + 1;
}

function rowWhere(snap: Snapshot, sheet: string, col: number, value: CellValue): number {
  const i = (snap.tabs[sheet]?.values ?? []).findIndex((r) => r[col - 1] === value);
  if (i < 0) throw new Error(`no row with ${String(value)} on ${sheet}`);
  return i + 1;
}

async function regenerate(make: () => Rig): Promise<void> {
  const rig = make();
  const typed: Typed[] = [];
  const type = (sheet: string, row: number, col: number, value: CellValue): void => {
    rig.type(sheet, row, col, value);
    typed.push({ sheet, row, col, value });
  };
  const read = (): Promise<Snapshot> => rig.host.read({ tabs: 'all' });
  const expectTypedKept = async (after: string, except: (t: Typed) => boolean = () => false): Promise<void> => {
    const snap = await read();
    for (const t of typed) {
      if (except(t)) continue;
      expect(valueAt(snap, t.sheet, t.row, t.col), `${rig.name}, after ${after}: ${t.sheet} row ${t.row} col ${t.col}`).toBe(t.value);
    }
  };

  await runCreate(rig.host, {
    framework: 'partnership-tree',
    partnerships: ['Kensington and Chelsea'],
    respondents: ['Ann', 'Bob', 'Cat'],
    cycle: '2026/27',
    today: TODAY,
  });
  let snap = await read();
  const R = 'Responses';
  const c = (k: string): number => keyCol(snap, R, 5, k);
  // round 1: scores and comments, workshop notes, last review's mean
  type(R, 6, c('ASPIRE|score'), 1);
  type(R, 6, c('ASPIRE|comment'), 'Vision is unclear');
  type(R, 6, c('THINK|score'), 3);
  type(R, 7, c('ASPIRE|score'), 1);
  type(R, 7, c('ASPIRE|comment'), 'No shared aims');
  type(R, 7, c('THINK|score'), 3);
  type(R, 8, c('ASPIRE|score'), 2);
  type(R, 8, c('THINK|score'), 2);
  const notesRow = rowWhere(snap, 'Workshop Notes', keyCol(snap, 'Workshop Notes', 4, 'section'), 'ASPIRE');
  type('Workshop Notes', notesRow, keyCol(snap, 'Workshop Notes', 4, 'strengths'), 'Good attendance at board meetings');
  const prevRow = rowWhere(snap, 'Previous Review', keyCol(snap, 'Previous Review', 4, 'id'), 'ASPIRE');
  type('Previous Review', prevRow, keyCol(snap, 'Previous Review', 4, 'mean'), 2.5);

  await rig.reopen?.();
  const first = await runSummarise(rig.host, { today: TODAY });
  const aspire = first.summary.items.find((i) => i.id === 'ASPIRE')!;
  expect(aspire.mean).toBeCloseTo(4 / 3, 12);
  expect(aspire.percent).toBeCloseTo(100 / 6, 9);
  expect(aspire.rag).toBe('red');
  expect(first.summary.strengths).toContain('THINK');
  expect(first.summary.areasForImprovement).toContain('ASPIRE');
  await expectTypedKept('the first summary');

  // round 2: people edit the drafted row, add their own, add respondents, then delete the Summary
  snap = await read();
  const P = 'Improvement Plan';
  const p = (k: string): number => keyCol(snap, P, 4, k);
  const drafted = rowWhere(snap, P, p('heading'), 'ASPIRE');
  expect(drafted).toBe(5);
  type(P, drafted, p('action'), 'Hold a visioning workshop with all partners and publish the shared aims');
  type(P, drafted, p('keyContact'), 'Jo Bloggs');
  type(P, drafted, p('date'), '30/06/2026');
  const own = (snap.tabs[P]?.values.length ?? 4) + 2;
  type(P, own, p('part'), 'Part 2 Partnership');
  type(P, own, p('heading'), 'LEAD');
  type(P, own, p('action'), 'Agree a rotating chair and review it after 12 months');
  type(P, own, p('keyContact'), 'Sam Patel');
  type(P, own, p('date'), '31/12/2026');
  type(P, own, 20, 'my own note beside the plan');
  type(R, 9, c('respondent'), 'Dev');
  type(R, 9, c('ASPIRE|score'), 1);
  type(R, 9, c('ASPIRE|comment'), 'Still no vision');
  type(R, 30, c('respondent'), 'Eve');
  type(R, 30, c('ASPIRE|score'), 3);
  rig.deleteTab('Summary');

  await rig.reopen?.();
  const second = await runSummarise(rig.host, { today: TODAY });
  expect(second.tabsWritten).toContain('Summary');
  expect(second.summary.respondents).toBe(5);
  const aspire2 = second.summary.items.find((i) => i.id === 'ASPIRE')!;
  expect(aspire2.n).toBe(5);
  expect(aspire2.mean).toBeCloseTo(1.6, 12);
  // the edited row and the added row are kept word for word
  const kept = second.summary.plan.filter((r) => r.keyContact === 'Jo Bloggs' || r.keyContact === 'Sam Patel');
  expect(kept.map((r) => r.origin).sort()).toEqual(['added', 'edited']);
  expect((await read()).tabNames).toContain('Summary');
  await expectTypedKept('deleting the Summary and summarising again');

  // round 3: delete the Improvement Plan; drafting again starts it afresh, everything else stays as typed
  rig.deleteTab(P);
  await rig.reopen?.();
  const planned = await runPlan(rig.host, { today: TODAY });
  expect(planned.rows.some((r) => r.sourceItems.includes('ASPIRE') && r.origin === 'drafted')).toBe(true);
  await expectTypedKept('deleting the Improvement Plan and drafting again', (t) => t.sheet === P);

  // and summarising twice more changes nothing a person typed
  await runSummarise(rig.host, { today: TODAY });
  await rig.reopen?.();
  await runSummarise(rig.host, { today: TODAY });
  await expectTypedKept('two more summaries', (t) => t.sheet === P);
}

describe.each([
  ['in-memory workbook', memoryRig],
  ['ExcelJS (.xlsx, saved and opened again between runs)', xlsxRig],
  ['Office.js (Excel)', officeRig],
  ['Apps Script (Google Sheets)', sheetsRig],
] as const)('%s', (_name, make) => {
  it('keeps every cell a person typed through edits, added rows and respondents, and deleted generated tabs', async () => {
    await regenerate(make);
  });
});

describe('edges the fuzz run found', () => {
  it('does not write a drafted row over plan cells that hold only spaces (a person typed them)', async () => {
    const rig = memoryRig();
    await runCreate(rig.host, {
      framework: 'partnership-tree',
      partnerships: ['Kensington and Chelsea'],
      respondents: ['Ann'],
      cycle: '2026/27',
      today: TODAY,
    });
    rig.type('Responses', 6, 4, 1); // ASPIRE 1: red, so a row is drafted
    rig.type('Improvement Plan', 5, 4, '  '); // two spaces in "Source items" of the first plan row
    await runSummarise(rig.host, { today: TODAY });
    expect(rig.wb.getCell('Improvement Plan', 5, 4)).toBe('  ');
    // the drafted row went below it
    expect(rig.wb.getCell('Improvement Plan', 6, 4)).toBe('ASPIRE');
  });
});

describe('when PR_Meta names a plan tab that is not there', () => {
  it('does not write a fresh plan over the rows people typed on the Improvement Plan tab', async () => {
    const rig = memoryRig();
    await runCreate(rig.host, {
      framework: 'partnership-tree',
      partnerships: ['Kensington and Chelsea'],
      respondents: ['Ann'],
      cycle: '2026/27',
      today: TODAY,
    });
    rig.type('Responses', 6, 4, 1);
    await runSummarise(rig.host, { today: TODAY });
    rig.type('Improvement Plan', 5, 5, 'My own action, typed');
    rig.type('Improvement Plan', 6, 5, 'Another row I added');
    // PR_Meta's record of the plan tab's name no longer matches (edited, or restored from another copy)
    const metaRow =
      rig.wb
        .tab('PR_Meta')
        .values()
        .findIndex((r) => r[0] === 'tab:plan') + 1;
    expect(metaRow).toBeGreaterThan(0);
    rig.type('PR_Meta', metaRow, 2, 'Plan');
    await runSummarise(rig.host, { today: TODAY }).catch(() => undefined);
    expect(rig.wb.getCell('Improvement Plan', 5, 5)).toBe('My own action, typed');
    expect(rig.wb.getCell('Improvement Plan', 6, 5)).toBe('Another row I added');
  });
});
