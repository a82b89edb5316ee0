/** The Office.js adapter: what the task pane (excel-addin/bridge-excel.ts) and the benchmark use. */
export { ExcelHost, createExcelHost, padToA1, LAYOUT_CHANGED_MESSAGE, type ExcelHostOptions } from './excel-host.js';
export type { ExcelHostStats } from './stats.js';
export type { ExcelRun, IsSetSupported } from './office-types.js';
export { MINIMUM_EXCEL_API, missingSetMessage, officeIsSetSupported } from './requirements.js';
export { charsToPoints } from './units.js';
