/** The self-test's report: pass, fail or not checked per check, with the host, version and platform — as text a
 *  maintainer can copy into an e-mail or an issue. */

export type CheckState = 'pass' | 'fail' | 'not checked';

export interface SelfTestCheck {
  /** what is being checked, e.g. "Read back" */
  area: string;
  /** e.g. "Number formats on Summary" */
  name: string;
  state: CheckState;
  /** what was found (on failure: expected and found, with the cell) */
  detail: string;
}

export interface SelfTestEnv {
  /** "Excel", "Google Sheets", "Browser preview" */
  host: string;
  /** host version, e.g. "16.0.17928.20114" (Office.context.diagnostics.version) */
  hostVersion: string;
  /** e.g. "PC", "OfficeOnline", "Mac", "Apps Script (V8)" */
  platform: string;
  /** the add-in's own version */
  addinVersion: string;
  /** when the run started, ISO date-time (read by the caller: core reads no clock) */
  startedAt: string;
}

export interface SelfTestReport {
  env: SelfTestEnv;
  /** the prefix of the scratch tabs used */
  scratchPrefix: string;
  checks: SelfTestCheck[];
  passed: number;
  failed: number;
  notChecked: number;
  /** every check passed (none failed, none left unchecked) */
  ok: boolean;
}

export class CheckList {
  readonly checks: SelfTestCheck[] = [];
  add(area: string, name: string, problems: string[], found = ''): boolean {
    const ok = problems.length === 0;
    const shown = problems.slice(0, 5);
    const more = problems.length > 5 ? ` …and ${problems.length - 5} more.` : '';
    this.checks.push({ area, name, state: ok ? 'pass' : 'fail', detail: ok ? found : `${shown.join(' ')}${more}` });
    return ok;
  }
  skip(area: string, name: string, why: string): void {
    this.checks.push({ area, name, state: 'not checked', detail: why });
  }
}

export function makeReport(env: SelfTestEnv, scratchPrefix: string, list: CheckList): SelfTestReport {
  const count = (s: CheckState): number => list.checks.filter((c) => c.state === s).length;
  const failed = count('fail');
  const notChecked = count('not checked');
  return { env, scratchPrefix, checks: list.checks, passed: count('pass'), failed, notChecked, ok: failed === 0 && notChecked === 0 };
}

const MARK: Record<CheckState, string> = { pass: 'PASS', fail: 'FAIL', 'not checked': 'NOT CHECKED' };

/** Plain text, one line a check, for copying. */
export function reportText(r: SelfTestReport): string {
  const head = [
    `Partnership Review self-test: ${r.ok ? 'all checks passed' : r.failed > 0 ? `${r.failed} of ${r.checks.length} checks failed` : `${r.notChecked} checks could not be made`}`,
    `Host: ${r.env.host} ${r.env.hostVersion}`.trimEnd(),
    `Platform: ${r.env.platform}`,
    `Add-in version: ${r.env.addinVersion}`,
    `Run at: ${r.env.startedAt}`,
    `Scratch tabs: "${r.scratchPrefix}…" (removed at the end)`,
    `Passed ${r.passed}, failed ${r.failed}, not checked ${r.notChecked}`,
    '',
  ];
  const lines = r.checks.map((c) => `${MARK[c.state]}  ${c.area} – ${c.name}${c.detail ? `: ${c.detail}` : ''}`);
  return [...head, ...lines].join('\n');
}
