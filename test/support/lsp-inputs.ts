/**
 * Three reviews on disk for the LSP improvement plan tests, made as people make them: `new`, `import` (Hallmarks
 * answers from a Forms-style CSV) and rows typed on the register tabs (the delivery tracker's Progress Tracker and
 * Theme Review, the risk exercise's Risk Register), then `summarise` where a test asks.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getFramework } from '../../core/framework/catalogue.js';
import type { CellValue } from '../../core/review/types.js';
import { fillDemo } from '../../file-host/demo/fill.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { cli } from '../file-host/cli-helpers.js';

export const LSP_PARTNERSHIP = 'Kensington and Chelsea Partnership';

async function must(...args: string[]): Promise<void> {
  const r = await cli(...args);
  if (r.code !== 0) throw new Error(`partnership-review ${args.join(' ')}: exit ${r.code}: ${r.stderr}`);
}

/** Type register rows (and theme review rows) into a review made by `new`, as a person would. */
export async function typeRegister(
  path: string,
  frameworkId: string,
  register: Array<Record<string, CellValue>>,
  groupSummary: Record<string, Record<string, CellValue>> = {},
): Promise<void> {
  const host = await XlsxHost.open(path, { write: true });
  await fillDemo(host, getFramework(frameworkId), {
    frameworkId,
    cycle: '2026/27',
    partnerships: [LSP_PARTNERSHIP],
    respondents: [],
    notes: {},
    register,
    groupSummary,
    planContacts: { keyContact: '', leadAgency: '' },
    about: '',
  });
  await host.save(path);
}

export const TRACKER_ROWS: Array<Record<string, CellValue>> = [
  { theme: 'Crime', issue: 'Burglary in the north of the borough', achievement: 1 },
  { theme: 'Crime', issue: 'Youth diversion places', achievement: 2 },
  { theme: 'Health', issue: 'Smoking cessation', achievement: 5 },
  { theme: 'Education', issue: 'Attainment at 16', achievement: 2 },
];

export const RISK_ROWS: Array<Record<string, CellValue>> = [
  { theme: 'Governance', scenario: 'Partners stop attending the board', rating: 'Red' },
  { theme: 'Political', scenario: 'A change of administration', rating: 'Amber' },
];

/** tracker.xlsx (summarised), hallmarks.xlsx (answers imported, not summarised), risk.xlsx (summarised). */
export async function makeLspInputs(dir: string, today: string): Promise<{ tracker: string; hallmarks: string; risk: string }> {
  const tracker = join(dir, 'tracker.xlsx');
  const hallmarks = join(dir, 'hallmarks.xlsx');
  const risk = join(dir, 'risk.xlsx');
  const common = ['--partnership', LSP_PARTNERSHIP, '--cycle', '2026/27', '--today', today, '--quiet'];
  await must('new', tracker, '--framework', 'delivery-tracker', ...common);
  await typeRegister(tracker, 'delivery-tracker', TRACKER_ROWS, {
    Crime: { action: 'Develop a streetscape proposal with the police and the housing team' },
  });
  await must('summarise', tracker, '--today', today, '--quiet');

  await must('new', hallmarks, '--framework', 'hallmarks', '--respondents', '0', ...common);
  // two respondents score question 1.1 at the bottom of the scale and leave the rest: only Hallmark 1 is weak
  const csv = join(dir, 'hallmarks.csv');
  await writeFile(
    csv,
    `Name,Partnership,1.1 score,1.1 comment\r\nAlex Example,${LSP_PARTNERSHIP},1,No shared vision yet\r\nSam Sample,${LSP_PARTNERSHIP},1,\r\n`,
  );
  await must('import', hallmarks, csv, '--today', today, '--quiet');

  await must('new', risk, '--framework', 'risk-exercise', ...common);
  await typeRegister(risk, 'risk-exercise', RISK_ROWS);
  await must('summarise', risk, '--today', today, '--quiet');
  return { tracker, hallmarks, risk };
}
