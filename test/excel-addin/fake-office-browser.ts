/// <reference types="office-js" />
/**
 * The Office.js fake as a page script: stands in for office.js when a headless-Chromium test opens the built task
 * pane as Excel would (test/selftest/excel-pane-e2e.test.ts). `Office.onReady` reports Excel, `Excel.run` runs on
 * the strict fake, `Office.context.diagnostics` and `requirements.isSetSupported` answer as the test sets them. The
 * checks against @types/office-js are the same as in Node: the model is built there and handed over as JSON.
 * Bundled by `bundleFakeOffice()` in excel-pane-support.ts.
 */
import type { CellValue } from '../../core/review/types.js';
import { type Model, setOfficeJsModel } from './office-js-check.js';
import { type FakeDrop, FakeOffice, FakeWorkbookState } from './fake-office.js';

export interface FakeExcelPageConfig {
  model: Model;
  /** the workbook's tabs and values from A1 */
  tabs: Record<string, CellValue[][]>;
  drop: FakeDrop;
  /** highest ExcelApi version this Excel has, e.g. "1.13" */
  api: string;
  diagnostics: { host: string; version: string; platform: string };
}

const w = window as unknown as { __fakeExcelConfig: FakeExcelPageConfig; __fakeExcel: FakeOffice; Office: unknown; Excel: unknown };
const config = w.__fakeExcelConfig;
setOfficeJsModel(config.model);
const fake = new FakeOffice(FakeWorkbookState.with(config.tabs), { drop: config.drop, api: config.api });
w.__fakeExcel = fake;
w.Office = {
  onReady: () => Promise.resolve({ host: 'Excel', platform: config.diagnostics.platform }),
  context: { diagnostics: config.diagnostics, requirements: { isSetSupported: FakeOffice.requirements(config.api) } },
};
w.Excel = { run: fake.run };
