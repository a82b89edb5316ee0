/**
 * The first read asks for only the head (first rows) of the Summary and the Comments tab. A host may honour that or
 * give whole tabs: every operation must come out the same either way, also when a person renamed an input tab to
 * "Summary" or "Comments" (PR_Meta then records it under that name, and it is read again whole).
 */
import { describe, expect, it } from 'vitest';
import type { Host, ReadRequest } from '../../core/host/types.js';
import { runCheck, runCreate, runSummarise } from '../../core/operations/run.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { TODAY } from './helpers.js';

/** A host that reads whole tabs whatever it is asked (as the Excel and Sheets hosts do). */
class Whole implements Host {
  constructor(readonly wb: MemoryWorkbook) {}
  read(r: ReadRequest) {
    return this.wb.read({ tabs: r.tabs });
  }
  apply(p: Parameters<MemoryWorkbook['apply']>[0]) {
    return this.wb.apply(p);
  }
}

async function review(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook(['Sheet1']);
  await runCreate(wb, {
    framework: 'partnership-tree',
    partnerships: ['KCP', 'Dover'],
    respondents: ['Ann', 'Bob'],
    cycle: '2026/27',
    today: TODAY,
  });
  wb.setCell('Responses', 6, 4, 3);
  wb.setCell('Responses', 6, 5, 'Good progress 😀');
  wb.setCell('Responses', 7, 4, 2);
  await runSummarise(wb, { today: TODAY });
  return wb;
}

async function outcomes(wb: MemoryWorkbook, host: (wb: MemoryWorkbook) => Host) {
  const a = wb.clone();
  const check = await runCheck(host(a), TODAY).then(
    (r) => ({ errors: r.errorLines, reminders: r.reminderLines }),
    (e: Error) => ({ refused: e.message }),
  );
  const b = wb.clone();
  const summarise = await runSummarise(host(b), { today: TODAY }).then(
    (r) => ({ written: r.tabsWritten, overall: r.summary.overall }),
    (e: Error) => ({ refused: e.message }),
  );
  return { check, summarise, after: [...b.allCells()] };
}

describe('reading only the head of the Summary and the Comments tab', () => {
  it('the memory host gives only the rows asked for', async () => {
    const wb = await review();
    const snap = wb.readNow({ tabs: ['Summary', 'Responses'], heads: { summary: 3 } });
    expect(snap.tabs['Summary']!.values).toHaveLength(3);
    expect(snap.tabs['Responses']!.values.length).toBeGreaterThan(5);
  });

  it('check and summarise come out the same as when whole tabs are read', async () => {
    const wb = await review();
    const headed = await outcomes(wb, (w) => w);
    expect(headed.summarise).toMatchObject({ written: expect.arrayContaining(['Summary']) });
    expect(headed).toEqual(await outcomes(wb, (w) => new Whole(w)));
  });

  /** Rename tabs and record the new names in PR_Meta, as the add-in does when it finds a renamed tab. */
  function rename(wb: MemoryWorkbook, moves: [key: string, from: string, to: string][]): void {
    const meta = wb.readNow({ tabs: ['PR_Meta'] }).tabs['PR_Meta']!.values;
    for (const [, from] of moves) wb.renameTab(from, `${from} (moving)`);
    for (const [key, from, to] of moves) {
      wb.renameTab(`${from} (moving)`, to);
      const row = meta.findIndex((r) => r[0] === `tab:${key}`);
      expect(row).toBeGreaterThanOrEqual(0);
      wb.setCell('PR_Meta', row + 1, 2, to);
    }
  }

  it('a Responses tab PR_Meta records as "Summary" is read whole', async () => {
    const wb = await review();
    rename(wb, [
      ['summary', 'Summary', 'Old summary'],
      ['entry', 'Responses', 'Summary'],
    ]);
    const headed = await outcomes(wb, (w) => w);
    // the answers were read from "Summary": the figures are there, nothing refused
    expect(headed.check).toMatchObject({ errors: [] });
    expect(headed.summarise).toMatchObject({ written: expect.arrayContaining(['Old summary']) });
    expect(headed).toEqual(await outcomes(wb, (w) => new Whole(w)));
  });

  it('a Responses tab PR_Meta records as "Comments" is read whole', async () => {
    const wb = await review();
    rename(wb, [
      ['comments', 'Comments', 'Old comments'],
      ['entry', 'Responses', 'Comments'],
    ]);
    const headed = await outcomes(wb, (w) => w);
    expect(headed.check).toMatchObject({ errors: [] });
    expect(headed).toEqual(await outcomes(wb, (w) => new Whole(w)));
  });
});
