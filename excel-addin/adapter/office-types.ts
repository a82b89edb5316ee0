/// <reference types="office-js" />
/**
 * The slice of Office.js the adapter depends on, so tests can inject a recording fake.
 * Only types here: the adapter never touches the globals `Excel` or `Office` at import time.
 */

/** Shaped like `Excel.run(batch)`; pass `(batch) => Excel.run(batch)` in the task pane. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Shaped like `Office.context.requirements.isSetSupported(name, minVersion)`. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export type ExcelContext = Excel.RequestContext;
export type ExcelWorksheet = Excel.Worksheet;
export type ExcelRange = Excel.Range;
