/**
 * Requirement sets: which Excel JavaScript API version each feature needs, checked once per set and remembered.
 * A missing set needed for the job throws an Error a person can act on (which Excel to use); print setup, a nicety,
 * is skipped with a warning instead.
 */
import type { IsSetSupported } from './office-types.js';

/** The oldest set the add-in runs on at all (the manifest asks for the same). */
export const MINIMUM_EXCEL_API = '1.8';

/** What each feature the adapter uses needs. */
export const FEATURE_SETS = {
  read: { set: '1.4', feature: 'reading the review tabs' },
  write: { set: '1.6', feature: 'writing tabs in one batch' },
  conditionalFormats: { set: '1.6', feature: 'colouring RAG ratings (conditional formats)' },
  freezePanes: { set: '1.7', feature: 'frozen heading rows' },
  tabColour: { set: '1.7', feature: 'tab colours' },
  validation: { set: '1.8', feature: 'drop-down lists and checks on score cells (data validation)' },
  print: { set: '1.9', feature: 'print setup (orientation, fit to width, repeated heading rows)' },
  mergedCells: { set: '1.13', feature: 'reading back merged cells (the self-test)' },
} as const;

export type Feature = keyof typeof FEATURE_SETS;

/** The oldest Excel that has a set, for messages. */
export function excelVersionFor(set: string): string {
  const minor = Number(set.split('.')[1] ?? '0');
  // Excel 2019 has ExcelApi 1.8, but its volume-licensed copies run add-ins in Internet Explorer 11's engine and
  // others without WebView2 in Edge Legacy: neither runs the pane (an ES2020 build on React 19), so it is not named.
  if (minor <= 14) return 'Microsoft 365, Excel 2021 or later (on Windows with Microsoft Edge WebView2, or on Mac) or Excel on the web';
  return 'Microsoft 365 or Excel on the web';
}

export function missingSetMessage(feature: Feature): string {
  const { set, feature: what } = FEATURE_SETS[feature];
  return (
    `This version of Excel is too old for ${what}: Partnership Review needs the Excel JavaScript API ${set}. ` +
    `Open the workbook in ${excelVersionFor(set)}, then try again.`
  );
}

/** Looks up `Office.context.requirements.isSetSupported` when running inside Office; undefined elsewhere. */
export function officeIsSetSupported(): IsSetSupported | undefined {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const req = office?.context?.requirements;
  return req ? (name, version) => req.isSetSupported(name, version) : undefined;
}

export class Requirements {
  private readonly cache = new Map<string, boolean>();

  /** With no checker (outside Office, tests that do not care) every set counts as present. */
  constructor(private readonly isSetSupported: IsSetSupported | undefined) {}

  has(feature: Feature): boolean {
    const { set } = FEATURE_SETS[feature];
    let ok = this.cache.get(set);
    if (ok === undefined) {
      ok = this.isSetSupported ? this.isSetSupported('ExcelApi', set) : true;
      this.cache.set(set, ok);
    }
    return ok;
  }

  /** Throws a plain-English Error when the feature's set is missing. */
  require(feature: Feature): void {
    if (!this.has(feature)) throw new Error(missingSetMessage(feature));
  }
}
