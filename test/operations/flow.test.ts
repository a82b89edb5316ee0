/**
 * One operation flow, two drivers: the Apps Script server runs core's flows synchronously (driveSync), every other
 * host through run.ts (driveAsync). Same steps, same outcomes, word for word.
 */
import { describe, expect, it } from 'vitest';
import type { ReadRequest } from '../../core/host/types.js';
import { checkFlow, createFlow, driveAsync, driveSync, planFlow, read, summariseFlow, type Flow } from '../../core/operations/flow.js';
import type { SheetPlan } from '../../core/sheet-plan/types.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { TODAY } from './helpers.js';

const REQ = { framework: 'partnership-tree', partnerships: ['KCP'], respondents: ['Ann', 'Bob'], cycle: '2026/27', today: TODAY };

function typeScores(wb: MemoryWorkbook): void {
  wb.setCell('Responses', 6, 4, 1);
  wb.setCell('Responses', 7, 4, 3);
}

describe('driveSync and driveAsync', () => {
  it('give the same outcomes and the same workbook for create → check → summarise → plan', async () => {
    const a = new MemoryWorkbook(['Sheet1']);
    const s = new MemoryWorkbook(['Sheet1']);
    const told: Record<'sync' | 'async', string[]> = { sync: [], async: [] };
    told.async.push((await driveAsync(createFlow(REQ), a)).outcome.message);
    told.sync.push(driveSync(createFlow(REQ), s).outcome.message);
    typeScores(a);
    typeScores(s);
    for (const flow of [() => checkFlow(TODAY), () => summariseFlow({ today: TODAY }), () => planFlow({ today: TODAY })] as (() => Flow<{
      outcome: { message: string };
    }>)[]) {
      told.async.push((await driveAsync(flow(), a)).outcome.message);
      told.sync.push(driveSync(flow(), s).outcome.message);
    }
    expect(told.sync).toEqual(told.async);
    expect(told.sync[0]).toBe(
      'Review created for KCP (2026/27): 2 respondents. Type the entries on the Responses tab, then choose Check entries.',
    );
    // two respondents with one item scored each: no error, and each has 5 of 6 items still to answer
    expect(told.sync[1]).toBe('No errors: every entry can be scored. 2 reminders below.');
    // (1 + 3) / 2 = 2 on the one scored item typed; the rest are blank
    expect(told.sync[2]).toMatch(/^Summary built: 2 respondents, overall 2 \(/);
    expect(s.readNow({ tabs: 'all' })).toEqual(a.readNow({ tabs: 'all' }));
  });

  it('write nothing for a plan without tabs, on both drivers (the Sheets twin used to write it)', async () => {
    const applied: SheetPlan[] = [];
    const wb = new MemoryWorkbook(['Sheet1']);
    const spy = {
      readNow: (r: ReadRequest) => wb.readNow(r),
      applyNow: (p: SheetPlan) => (applied.push(p), wb.applyNow(p)),
      read: async (r: ReadRequest) => wb.readNow(r),
      apply: async (p: SheetPlan) => (applied.push(p), wb.applyNow(p)),
    };
    // a create whose plan is refined to nothing stands for any operation that has nothing to write
    const empty = { refine: (p: SheetPlan): SheetPlan => ({ ...p, tabs: [] }) };
    const sync = driveSync(createFlow(REQ, empty), spy);
    const async_ = await driveAsync(createFlow(REQ, empty), spy);
    expect(applied).toEqual([]);
    expect(sync.applied).toBeNull();
    expect(sync.tabsWritten).toEqual([]);
    expect(async_.outcome).toEqual(sync.outcome);
  });

  it('hand a host error back to the flow, so it can clean up, then out to the caller', () => {
    const cleaned: string[] = [];
    function* flow(): Flow<string> {
      try {
        yield* read({ tabs: ['X'] });
        return 'not reached';
      } finally {
        cleaned.push('cleaned');
      }
    }
    const host = {
      readNow: () => {
        throw new Error('host refused');
      },
      applyNow: () => ({ calls: 0 }),
    };
    expect(() => driveSync(flow(), host)).toThrow('host refused');
    expect(cleaned).toEqual(['cleaned']);
  });
});
