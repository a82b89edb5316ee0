/**
 * What the benchmark measures (issue 6): three built-in frameworks at three sizes each. A questionnaire's size is
 * its number of respondents; the delivery tracker's is its number of Progress Tracker rows.
 */

export type SizeUnit = 'respondents' | 'rows';

export interface Scenario {
  frameworkId: string;
  unit: SizeUnit;
  /** smallest first; each size is 10× the one before it */
  sizes: number[];
  /** partnerships named when the review is created */
  partnerships: string[];
}

export const FULL_SCENARIOS: readonly Scenario[] = [
  { frameworkId: 'partnership-tree', unit: 'respondents', sizes: [10, 100, 1000], partnerships: ['Kensington and Chelsea Partnership'] },
  {
    frameworkId: 'hallmarks',
    unit: 'respondents',
    sizes: [10, 100, 1000],
    partnerships: ['Community Safety Partnership', "Children and Young People's Partnership", 'Health and Wellbeing Partnership'],
  },
  { frameworkId: 'delivery-tracker', unit: 'rows', sizes: [100, 1000, 10000], partnerships: ['Kensington and Chelsea Partnership'] },
];

/** The date every run passes as "today" (core reads no clock), so two runs plan the same cells. */
export const BENCH_TODAY = '2026-03-31';
export const BENCH_CYCLE = '2025/26';

/** Scenarios with their sizes scaled down (`--quick`: smallest size and the next one only). */
export function quickScenarios(): Scenario[] {
  return FULL_SCENARIOS.map((s) => ({ ...s, sizes: s.sizes.slice(0, 2) }));
}
