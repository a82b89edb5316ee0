/** Descriptive statistics on plain numbers. Empty input gives null; the sample SD needs at least two values. */

export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

export function mean(xs: readonly number[]): number | null {
  return xs.length ? sum(xs) / xs.length : null;
}

/** Weighted mean Σwx / Σw; null when empty. */
export function weightedMean(xs: readonly number[], ws: readonly number[]): number | null {
  if (xs.length !== ws.length) throw new RangeError('weightedMean: values and weights differ in length');
  if (!xs.length) return null;
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < xs.length; i++) {
    sw += ws[i]!;
    swx += ws[i]! * xs[i]!;
  }
  return sw > 0 ? swx / sw : null;
}

/** Middle value; the mean of the two middle values when the count is even. */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Sample standard deviation (divides by n − 1); null when fewer than two values. */
export function sampleSd(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  const m = sum(xs) / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return Math.sqrt(ss / (xs.length - 1));
}

export function min(xs: readonly number[]): number | null {
  return xs.length ? Math.min(...xs) : null;
}

export function max(xs: readonly number[]): number | null {
  return xs.length ? Math.max(...xs) : null;
}
