/**
 * The task pane's bridge inside Excel: the same core operations as every host, run in the page against the open
 * workbook through the Office.js adapter. Call only after `Office.onReady` reported Excel.
 */
import type { HostBridge } from '../ui/bridge.js';
import { makeLocalBridge } from '../ui/bridge-local.js';
import { createExcelHost } from './adapter/index.js';

export function makeExcelBridge(clock: () => Date): HostBridge {
  return makeLocalBridge(createExcelHost(), 'Excel', clock);
}
