/** Timing helpers: medians of repeated runs after warm-ups (the JIT and caches settled first). */
import { performance } from 'node:perf_hooks';

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface TimingOptions {
  warmups: number;
  runs: number;
}

export const DEFAULT_TIMING: TimingOptions = { warmups: 3, runs: 15 };

/** Median milliseconds of `fn` over `runs` runs after `warmups` unmeasured ones. The last result is kept. */
export function timeMedian<T>(fn: () => T, opts: TimingOptions = DEFAULT_TIMING): { ms: number; samples: number[]; result: T } {
  let result: T | undefined;
  for (let i = 0; i < opts.warmups; i++) result = fn();
  const samples: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    result = fn();
    samples.push(performance.now() - t0);
  }
  if (opts.runs === 0) result = fn();
  return { ms: median(samples.length > 0 ? samples : [0]), samples, result: result as T };
}

/** t(10× data) / t(1× data), or null when either is missing or the smaller is too short to divide by. */
export function scalingRatio(small: number | null, large: number | null): number | null {
  if (small === null || large === null || !(small > 0)) return null;
  return large / small;
}

export async function timeOnce<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}
