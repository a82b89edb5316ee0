/** The browser preview's wiring: an empty in-memory workbook, watched by the grid, driven by the local bridge. */
import { MemoryWorkbook } from '../../memory-host/index.js';
import type { HostBridge } from '../bridge.js';
import { makeLocalBridge } from '../bridge-local.js';
import { PreviewHost } from './preview-host.js';

export const PREVIEW_HOST_NAME = 'Browser preview';

export function startPreview(clock: () => Date): { bridge: HostBridge; host: PreviewHost } {
  // a new workbook, as Excel opens one: a single empty Sheet1
  const host = new PreviewHost(new MemoryWorkbook(['Sheet1']));
  return {
    host,
    bridge: makeLocalBridge(host, PREVIEW_HOST_NAME, clock, () => ({
      hostVersion: '',
      platform: typeof navigator === 'undefined' ? '' : navigator.userAgent,
    })),
  };
}
