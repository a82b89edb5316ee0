/** What the adapter measured, for tests and the benchmark (issue 6). */
export interface ExcelHostStats {
  /** `context.sync()` calls since construction or the last `resetStats()` */
  syncs: number;
  /** estimated JSON size of what each sync sent, in bytes, in order */
  syncBytes: number[];
  /** the largest of `syncBytes` */
  largestSyncBytes: number;
  /** features skipped (e.g. print setup on an Excel without ExcelApi 1.9), in plain English */
  warnings: string[];
}

export function emptyStats(): ExcelHostStats {
  return { syncs: 0, syncBytes: [], largestSyncBytes: 0, warnings: [] };
}

export function recordSync(stats: ExcelHostStats, bytes: number): void {
  stats.syncs += 1;
  stats.syncBytes.push(bytes);
  if (bytes > stats.largestSyncBytes) stats.largestSyncBytes = bytes;
}
