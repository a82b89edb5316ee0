/** The self-test (pure): the flow, its report, the scratch view and the hand-worked review it runs. */
export { selfTestFlow, formulaKey, type SelfTestOptions } from './selftest.js';
export { reportText, CheckList, makeReport, type SelfTestReport, type SelfTestCheck, type SelfTestEnv, type CheckState } from './report.js';
export { scratchNames, ScratchView, inScratch } from './scratch.js';
export { ADDIN_VERSION } from './known.js';

/** Letters and digits that make one run's scratch prefix its own: the time in base 36 (read by the caller). */
export function scratchToken(now: Date): string {
  return now.getTime().toString(36).slice(-5);
}
