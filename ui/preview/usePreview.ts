/** React view of a `PreviewHost`: its state, and a snapshot of every tab read again after each cell change. */
import { useMemo, useSyncExternalStore } from 'react';
import type { Snapshot } from '../../core/host/types.js';
import type { PreviewHost, PreviewState } from './preview-host.js';

export function usePreviewState(host: PreviewHost): PreviewState {
  return useSyncExternalStore(
    (l) => host.subscribe(l),
    () => host.getState(),
  );
}

/** The workbook as it is after the last cell change (`dataVersion`), read synchronously so nothing lags a keystroke. */
export function usePreviewSnapshot(host: PreviewHost, dataVersion: number): Snapshot {
  // dataVersion is the cache key: the snapshot is read again only when cells changed
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => host.snapshotNow(), [host, dataVersion]);
}
