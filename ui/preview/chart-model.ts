/**
 * What a chart in a sheet plan shows, read from the cells it points at: categories down the first column of its
 * data range, one series per further column, the header row first (as Excel reads a chart's source data). Pure.
 */
import type { CellValue } from '../../core/review/types.js';
import type { ChartSpec } from '../../core/sheet-plan/types.js';

export interface ChartModel {
  title: string;
  kind: ChartSpec['kind'];
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  min: number;
  max: number;
  /** gridline values from min to max */
  ticks: number[];
}

const at = (values: CellValue[][], row: number, col: number): CellValue => values[row - 1]?.[col - 1] ?? null;

/** A step of 1, 2 or 5 × 10ⁿ giving about five gridlines. */
export function niceStep(span: number): number {
  if (!(span > 0)) return 1;
  const raw = span / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

export function chartModel(spec: ChartSpec, values: CellValue[][]): ChartModel {
  const { row, col, rows, cols } = spec.data;
  const categories: string[] = [];
  const series: ChartModel['series'] = [];
  for (let s = 1; s < cols; s++) series.push({ name: String(at(values, row, col + s) ?? `Series ${s}`), values: [] });
  for (let r = row + 1; r < row + rows; r++) {
    const label = at(values, r, col);
    if (label === null || label === '') continue;
    categories.push(String(label));
    series.forEach((s, i) => {
      const v = at(values, r, col + 1 + i);
      s.values.push(typeof v === 'number' && Number.isFinite(v) ? v : null);
    });
  }
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const min = spec.min ?? Math.min(0, ...all);
  const max = spec.max ?? Math.max(min + 1, ...all);
  const step = niceStep(max - min);
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 1e6; t += step) ticks.push(Math.round(t * 1e9) / 1e9);
  return { title: spec.title, kind: spec.kind, categories, series, min, max, ticks };
}
