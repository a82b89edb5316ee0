/**
 * Issue #16, the two-stage delivery review on the command line: a tracker .xlsx whose champions changed two
 * co-ordinators' scores. `score --json` and `score` count the confirmed scores and list the changes; `summarise`
 * writes the changes on the Summary and the champions' key actions into the plan word for word; `check` names a
 * confirmed score off the scale by its cell. Rows typed by hand; expected figures worked out in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { getFramework } from '../../core/framework/catalogue.js';
import { TAB } from '../../core/sheet-plan/layout.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { fillDemo } from '../../file-host/demo/fill.js';
import type { DemoReview } from '../../file-host/demo/types.js';
import { cli, dumpWorkbook } from './cli-helpers.js';
import { tempDir } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
const review = () => join(dir, 'tracker.xlsx');

function rows(extra: DemoReview['register'] = []): DemoReview {
  return {
    frameworkId: 'delivery-tracker',
    cycle: '2026/27',
    partnerships: [],
    respondents: [],
    notes: {},
    register: [
      // row 5: the champions raised the co-ordinator's 2 to 4
      { theme: 'Crime', issue: 'Fear of crime', achievement: 2, confirmed: 4 },
      // row 6: confirmed as given
      { theme: 'Crime', issue: 'Burglary', achievement: 3, confirmed: 3 },
      // row 7: lowered 4 to 1, with the champions' key actions and support
      {
        theme: 'Education',
        issue: 'Attainment at 16',
        achievement: 4,
        confirmed: 1,
        whyNotMet: 'The funding formula changed',
        keyActions: 'Agree a joint attainment plan with both schools by July',
        supportNeeded: 'Ward data from the education department',
      },
      ...extra,
    ],
    groupSummary: {},
    planContacts: { keyContact: '', leadAgency: '' },
    about: '',
  };
}

async function make(path: string, demo: DemoReview): Promise<void> {
  const r = await cli('new', path, '--framework', 'delivery-tracker', '--partnership', 'KCP', '--cycle', '2026/27');
  expect(r.code).toBe(0);
  const host = await XlsxHost.open(path);
  await fillDemo(host, getFramework('delivery-tracker'), demo);
  await host.save(path);
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-two-stage-'));
  await make(review(), rows());
});
afterAll(() => cleanup());

describe('two-stage delivery review on the command line', () => {
  it('score --json: the confirmed scores count, and each change is listed', async () => {
    const r = await cli('score', review(), '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    const crime = s.tracker.find((t: { theme: string }) => t.theme === 'Crime');
    // 4 (not 2) and 3 → 3.5
    expect(crime).toMatchObject({ rows: 2, scored: 2, meanAchievement: 3.5, confirmed: 2, changed: 1 });
    expect(s.tracker.find((t: { theme: string }) => t.theme === 'Education')).toMatchObject({ meanAchievement: 1, changed: 1 });
    expect(
      s.trackerRows
        .filter((x: { changed: boolean }) => x.changed)
        .map((x: { row: number; coordinator: number; confirmed: number; used: number }) => [x.row, x.coordinator, x.confirmed, x.used]),
    ).toEqual([
      [5, 2, 4, 4],
      [7, 4, 1, 1],
    ]);
    // Crime is not weak once the champions raised its 2; Education is: the champions' row, then the drafted one
    expect(s.plan.map((p: { ref: string }) => p.ref)).toEqual([
      'Education – key actions agreed with the champions, “Attainment at 16”',
      'Delivery – Education',
    ]);
    expect(s.plan[0]).toMatchObject({
      action: 'Agree a joint attainment plan with both schools by July',
      supportNeeded: 'Ward data from the education department',
      sourceItems: 'Progress Tracker row 7',
    });
  });

  it('score (text): says how many were confirmed and which the champions changed', async () => {
    const r = await cli('score', review());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Champions: 3 of 3 scored rows confirmed, 2 changed from the co-ordinator's score");
    expect(r.stdout).toContain('row 5 (Crime, Fear of crime): Co-ordinator 2 → champions 4');
    expect(r.stdout).toContain('row 7 (Education, Attainment at 16): Co-ordinator 4 → champions 1');
  });

  it('summarise: the Summary shows the changes and the plan carries the key actions word for word', async () => {
    const r = await cli('summarise', review());
    expect(r.code).toBe(0);
    const d = await dumpWorkbook(review());
    const summary = Object.values(d[TAB.summary]!).map((c) => c.value);
    expect(summary).toContain("Where the champions changed the co-ordinator's score (Progress Tracker)");
    expect(summary).toContain('Co-ordinator 2 → champions 4 (raised)');
    expect(summary).toContain('Co-ordinator 4 → champions 1 (lowered)');
    const plan = Object.values(d[TAB.plan]!).map((c) => c.value);
    expect(plan).toContain('Agree a joint attainment plan with both schools by July');
    expect(plan).toContain('Ward data from the education department');
  });

  it("check: a champions' score off the scale is an error naming its cell", async () => {
    const path = join(dir, 'bad.xlsx');
    await make(path, rows([{ theme: 'Health', issue: 'Smoking', achievement: 3, confirmed: 7 }]));
    const r = await cli('check', path);
    expect(r.code).toBe(1);
    // columns: A theme … K co-ordinator's score, L champions' score; row 8 is the fourth row typed
    const line = r.stdout.split('\n').find((l) => l.startsWith('Progress Tracker!L8'));
    expect(line).toBeDefined();
    expect(line).toContain("Champions' Confirmed Score");
  });
});
