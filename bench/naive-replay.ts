/// <reference types="google-apps-script" />
/**
 * Replays the plans the add-in applied through the naive per-cell writers (naive.ts), each on a fresh recording fake,
 * so the add-in's calls and the per-cell calls for the same cells are counted side by side.
 */
import type { SheetPlan } from '../core/sheet-plan/types.js';
import { FakeOffice, FakeWorkbookState } from '../test/excel-addin/fake-office.js';
import { FakeAppsScript } from '../test/sheets-addon/fake-apps-script.js';
import { naiveExcelWrite, naiveSheetsWrite, type NaiveCount } from './naive.js';

export interface NaiveReplay {
  excel: NaiveCount;
  sheets: NaiveCount;
}

export async function replayNaive(plans: SheetPlan[]): Promise<NaiveReplay> {
  const office = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
  const excel: NaiveCount = { cells: 0, calls: 0, syncs: 0 };
  for (const plan of plans) {
    const c = await naiveExcelWrite(office.run, plan);
    excel.cells += c.cells;
    excel.calls += c.calls;
    excel.syncs += c.syncs;
  }
  if (office.syncs !== excel.syncs)
    throw new Error(`naive Excel writer: the fake saw ${office.syncs} syncs, the writer counted ${excel.syncs}`);

  const apps = new FakeAppsScript();
  const ss = apps.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const sheets: NaiveCount = { cells: 0, calls: 0, syncs: 0 };
  for (const plan of plans) {
    const c = naiveSheetsWrite(ss, plan, () => apps.calls.length);
    sheets.cells += c.cells;
    sheets.calls += c.calls;
  }
  return { excel, sheets };
}
