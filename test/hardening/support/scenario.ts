/**
 * The formula-injection scenario, run the same way on every host: text that a spreadsheet would take for a formula
 * arrives as respondent names, a partnership name, comments and plan rows; the add-in creates the review, builds the
 * summary (which quotes the comments) and regenerates the plan (which keeps the rows people typed). Every plan applied
 * is kept, so a test can tell core's own formulas from anything else.
 */
import type { Snapshot } from '../../../core/host/types.js';
import { planCreate } from '../../../core/operations/create.js';
import { planSummary } from '../../../core/operations/summarise.js';
import type { CellValue } from '../../../core/review/types.js';
import { formulaForHost } from '../../../core/sheet-plan/text-guard.js';
import type { SheetPlan } from '../../../core/sheet-plan/types.js';
import type { Rig } from './rigs.js';

export const TODAY = '2026-03-01';

/** Formula-like text (issue 7's examples and a DDE payload). */
export const PAYLOADS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1)', "=cmd|' /C notepad'!'A1'"] as const;

/** Parts of the payloads that must never appear inside a formula. */
export const PAYLOAD_MARKS = ['HYPERLINK("http://x"', 'cmd|', 'SUM(1)', '2+3', 'notepad'];

export const PARTNERSHIP = '@SUM(1)';
export const RESPONDENTS = [...PAYLOADS, 'Plain Name'];

export interface ScenarioResult {
  plans: SheetPlan[];
  /** every formula core put in a plan, as written and as Office.js/Apps Script take it */
  allowedFormulas: Set<string>;
  final: Snapshot;
  /** where the scenario typed each payload: `Sheet!row,col` → value */
  typed: Map<string, { sheet: string; row: number; col: number; value: CellValue }>;
  planTab: { editedRow: number; keyContactCol: number; addedRow: number; actionCol: number; contactCol: number };
}

function keyColumn(snap: Snapshot, sheet: string, keyRow: number, key: string): number {
  const row = snap.tabs[sheet]?.values[keyRow - 1] ?? [];
  const i = row.findIndex((v) => v === key);
  if (i < 0) throw new Error(`no key ${key} on ${sheet} row ${keyRow}`);
  return i + 1;
}

export async function runInjectionScenario(rig: Rig): Promise<ScenarioResult> {
  const plans: SheetPlan[] = [];
  const typed: ScenarioResult['typed'] = new Map();
  const type = (sheet: string, row: number, col: number, value: CellValue): void => {
    rig.type(sheet, row, col, value);
    typed.set(`${sheet}!${row},${col}`, { sheet, row, col, value });
  };
  const apply = async (plan: SheetPlan): Promise<void> => {
    plans.push(plan);
    await rig.host.apply(plan);
  };

  const before = await rig.host.read({ tabs: 'all' });
  await apply(
    planCreate(
      { framework: 'partnership-tree', partnerships: [PARTNERSHIP], respondents: RESPONDENTS, cycle: '2026/27', today: TODAY },
      before.tabNames,
    ),
  );

  // people score every characteristic 1 (weak) and comment with formula-like text
  let snap = await rig.host.read({ tabs: 'all' });
  const items = ['ASPIRE', 'THINK', 'LEAD', 'COLLABORATE', 'ACCOUNT', 'DELIVER'];
  RESPONDENTS.forEach((_, i) => {
    const row = 6 + i;
    items.forEach((id, j) => {
      type('Responses', row, keyColumn(snap, 'Responses', 5, `${id}|score`), 1);
      type('Responses', row, keyColumn(snap, 'Responses', 5, `${id}|comment`), PAYLOADS[(i + j) % PAYLOADS.length]!);
    });
  });

  snap = await rig.host.read({ tabs: 'all' });
  await apply(planSummary(snap, { today: TODAY }).plan);

  // people edit a drafted plan row and add their own row, in formula-like text
  snap = await rig.host.read({ tabs: 'all' });
  const plan = snap.tabs['Improvement Plan']!;
  const keyContactCol = keyColumn(snap, 'Improvement Plan', 4, 'keyContact');
  const actionCol = keyColumn(snap, 'Improvement Plan', 4, 'action');
  const partCol = keyColumn(snap, 'Improvement Plan', 4, 'part');
  const editedRow = 5;
  if (plan.values[editedRow - 1]?.[actionCol - 1] == null) throw new Error('no drafted plan row at row 5');
  type('Improvement Plan', editedRow, keyContactCol, PAYLOADS[1]);
  const addedRow = plan.values.length + 2;
  type('Improvement Plan', addedRow, partCol, 'Part 2 Partnership');
  type('Improvement Plan', addedRow, actionCol, PAYLOADS[0]);
  type('Improvement Plan', addedRow, keyContactCol, PAYLOADS[3]);

  // regenerate twice: the second run sees everything the first wrote
  for (let i = 0; i < 2; i++) {
    snap = await rig.host.read({ tabs: 'all' });
    await apply(planSummary(snap, { today: TODAY }).plan);
  }
  const final = await rig.host.read({ tabs: 'all' });

  const allowedFormulas = new Set<string>();
  for (const p of plans)
    for (const t of p.tabs)
      for (const b of t.blocks)
        for (const r of b.cells)
          for (const c of r) {
            if (!('f' in c)) continue;
            allowedFormulas.add(c.f);
            allowedFormulas.add(formulaForHost(c.f));
          }
  return { plans, allowedFormulas, final, typed, planTab: { editedRow, keyContactCol, addedRow, actionCol, contactCol: keyContactCol } };
}

/** Every string value in a tab of the snapshot. */
export function stringsOnTab(snap: Snapshot, tab: string): string[] {
  return (snap.tabs[tab]?.values ?? []).flat().filter((v): v is string => typeof v === 'string');
}

export function valueAt(snap: Snapshot, tab: string, row: number, col: number): CellValue {
  return snap.tabs[tab]?.values[row - 1]?.[col - 1] ?? null;
}

/** A Forms-style export whose names, partnerships and comments look like formulas. */
export const IMPORT_TABLE: CellValue[][] = [
  ['Respondent', 'Partnership', 'ASPIRE', 'ASPIRE comment', 'THINK', 'THINK comment'],
  [PAYLOADS[0], PARTNERSHIP, 1, PAYLOADS[1], 'Strong', PAYLOADS[4]],
  [PAYLOADS[2], PARTNERSHIP, 'weak/needs improvement', PAYLOADS[3], 2, PAYLOADS[0]],
  [PAYLOADS[3], PARTNERSHIP, 1, PAYLOADS[2], 3, PAYLOADS[1]],
];

/** Create, import the table above, summarise twice. */
export async function runImportScenario(rig: Rig): Promise<ScenarioResult> {
  const { planImport } = await import('../../../core/import/plan-import.js');
  const plans: SheetPlan[] = [];
  const apply = async (plan: SheetPlan): Promise<void> => {
    plans.push(plan);
    await rig.host.apply(plan);
  };
  const before = await rig.host.read({ tabs: 'all' });
  await apply(
    planCreate(
      { framework: 'partnership-tree', partnerships: [PARTNERSHIP], respondents: [], respondentCount: 0, cycle: '2026/27', today: TODAY },
      before.tabNames,
    ),
  );
  const { plan, report } = planImport(await rig.host.read({ tabs: 'all' }), IMPORT_TABLE, TODAY);
  if (report.added.length !== 3) throw new Error(`import added ${report.added.length} respondents: ${JSON.stringify(report)}`);
  await apply(plan);
  for (let i = 0; i < 2; i++) await apply(planSummary(await rig.host.read({ tabs: 'all' }), { today: TODAY }).plan);
  const final = await rig.host.read({ tabs: 'all' });
  const allowedFormulas = new Set<string>();
  for (const p of plans)
    for (const t of p.tabs)
      for (const b of t.blocks)
        for (const r of b.cells)
          for (const c of r) {
            if (!('f' in c)) continue;
            allowedFormulas.add(c.f);
            allowedFormulas.add(formulaForHost(c.f));
          }
  return {
    plans,
    allowedFormulas,
    final,
    typed: new Map(),
    planTab: { editedRow: 0, keyContactCol: 0, addedRow: 0, actionCol: 0, contactCol: 0 },
  };
}
