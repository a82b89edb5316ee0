/**
 * Percent of the scale range and the traffic light on it (issue #2):
 * percent = (mean − scaleMin) / (scaleMax − scaleMin) × 100; green ≥ rag.green, amber ≥ rag.amber, red below.
 * Comparisons allow 1e-9 of rounding, so a mean of exactly 2.5 on 1–3 (75 %) is green however it was summed.
 */
import type { RagThresholds, Scale } from '../framework/schema.js';
import type { Rag } from './types.js';
import { scaleMax, scaleMin } from './scale.js';

export const EPSILON = 1e-9;

export function percentOnScale(mean: number | null, scale: Scale): number | null {
  if (mean === null) return null;
  const lo = scaleMin(scale);
  return ((mean - lo) / (scaleMax(scale) - lo)) * 100;
}

export function ragForPercent(percent: number | null, rag: RagThresholds): Rag | null {
  if (percent === null) return null;
  if (percent >= rag.green - EPSILON) return 'green';
  if (percent >= rag.amber - EPSILON) return 'amber';
  return 'red';
}

/** The lowest mean on a scale that is green: scaleMin + green% × range (2.5 on 1–3 with 75 %). */
export function greenFrom(scale: Scale, rag: RagThresholds): number {
  const lo = scaleMin(scale);
  return lo + (rag.green / 100) * (scaleMax(scale) - lo);
}

/** "Red", "Amber", "Green" */
export function ragLabel(r: Rag): string {
  return r === 'red' ? 'Red' : r === 'amber' ? 'Amber' : 'Green';
}
