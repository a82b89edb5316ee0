/**
 * The task pane's bridge inside Excel: the same core operations as every host, run in the page against the open
 * workbook through the Office.js adapter. Call only after `Office.onReady` reported Excel.
 *
 * The adapter offers read-back (`inspect`, `remove`), so the pane's footer shows "Run self-test" here as in the
 * browser preview; the report names Excel's version and platform from `Office.context.diagnostics`.
 */
import type { HostBridge } from '../ui/bridge.js';
import { makeLocalBridge, type HostAbout } from '../ui/bridge-local.js';
import { createExcelHost, type ExcelHost } from './adapter/index.js';

/** The part of `Office.context` the report reads. */
export interface OfficeAboutSource {
  context?: { diagnostics?: { version?: unknown; platform?: unknown } | null } | null;
}

/** Office's platform names, in words a maintainer reads. */
const PLATFORMS: Record<string, string> = {
  PC: 'Excel on Windows (PC)',
  OfficeOnline: 'Excel on the web (OfficeOnline)',
  Mac: 'Excel on Mac (Mac)',
  iOS: 'Excel on iPad (iOS)',
  Android: 'Excel on Android (Android)',
  Universal: 'Excel on Windows, Universal (Universal)',
};

/**
 * Excel's version and platform, where Office tells them (`Office.context.diagnostics`, in every current Excel; an
 * older one may lack it): unknown parts are said to be unknown, never guessed.
 */
export function excelAbout(office: OfficeAboutSource | undefined): HostAbout {
  let d: { version?: unknown; platform?: unknown } | null | undefined;
  try {
    d = office?.context?.diagnostics;
  } catch {
    d = undefined; // an Office that throws on the property
  }
  const version = typeof d?.version === 'string' && d.version !== '' ? d.version : '(version not reported)';
  const raw = typeof d?.platform === 'string' ? d.platform : '';
  return { hostVersion: version, platform: raw === '' ? 'not reported by Office' : (PLATFORMS[raw] ?? raw) };
}

export function makeExcelBridge(
  clock: () => Date,
  host: ExcelHost = createExcelHost(),
  about: () => HostAbout = () => excelAbout((globalThis as unknown as { Office?: OfficeAboutSource }).Office),
): HostBridge {
  return makeLocalBridge(host, 'Excel', clock, about);
}
