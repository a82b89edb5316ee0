import { describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import { FrameworkSchema } from '../../core/framework/schema.js';
import type { Host, ReadRequest } from '../../core/host/types.js';
import { READ_TABS } from '../../core/operations/read-tabs.js';
import { runCheck, runCreate, runImport, runPlan, runSummarise } from '../../core/operations/run.js';
import { LayoutChangedError, NotAReviewError, type ProgressEvent } from '../../core/operations/types.js';
import type { SheetPlan } from '../../core/sheet-plan/types.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { TODAY } from './helpers.js';

/** A memory workbook that records what it was asked, and may let "someone else" edit between read and apply. */
class Spy implements Host {
  reads: ReadRequest[] = [];
  applies: SheetPlan[] = [];
  beforeApply: (() => void) | null = null;
  constructor(readonly wb: MemoryWorkbook) {}
  async read(r: ReadRequest) {
    this.reads.push(r);
    return this.wb.read(r);
  }
  async apply(p: SheetPlan) {
    this.applies.push(p);
    this.beforeApply?.();
    return this.wb.apply(p);
  }
}

describe('run*: one read, at most one apply', () => {
  it('create, check, summarise, plan and import each read once and write once, with progress', async () => {
    const host = new Spy(new MemoryWorkbook(['Sheet1']));
    const events: ProgressEvent[] = [];
    const created = await runCreate(
      host,
      { framework: 'partnership-tree', partnerships: ['KCP'], respondents: ['Ann', 'Bob'], cycle: '2026/27', today: TODAY },
      (e) => events.push(e),
    );
    expect(created.tabsWritten).toContain('Responses');
    expect(host.reads).toEqual([{ tabs: [] }]);
    expect(host.applies).toHaveLength(1);
    expect(events.map((e) => e.stage)).toEqual(['reading', 'computing', 'writing', 'done']);
    expect(events.at(-1)!.message).toMatch(/^Review created: Instructions, Responses/);

    host.wb.setCell('Responses', 6, 4, 1);
    host.wb.setCell('Responses', 7, 4, 1);
    const check = await runCheck(host, TODAY);
    expect(check.errorLines).toEqual([]);
    expect(check.reminderLines).toEqual(['Responses!A6: Ann: 5 of 6 items unanswered.', 'Responses!A7: Bob: 5 of 6 items unanswered.']);
    expect(host.reads.at(-1)).toEqual({ tabs: [...READ_TABS], heads: { Summary: 3, Comments: 3 } });
    expect(host.applies).toHaveLength(1);

    const s = await runSummarise(host, { today: TODAY });
    expect(s.tabsWritten).toEqual(['Summary', 'Comments', 'Improvement Plan', 'PR_Meta']);
    expect(s.summary.items[0]!.mean).toBe(1);
    expect(host.reads).toHaveLength(3);
    expect(host.applies).toHaveLength(2);

    const p = await runPlan(host, { today: TODAY });
    expect(p.tabsWritten).toEqual(['Improvement Plan', 'PR_Meta']);
    expect(p.rows.map((r) => r.ref)).toEqual(s.summary.plan.map((r) => r.ref));

    const i = await runImport(
      host,
      [
        ['Name', 'THINK'],
        ['Cat', 3],
      ],
      TODAY,
    );
    expect(i.report.added).toEqual(['Cat']);
    expect(host.reads).toHaveLength(5);
    expect(host.applies).toHaveLength(4);
    expect(host.wb.getCell('Responses', 8, 6)).toBe(3);
  });

  it('refuses to write when the workbook changed underneath, and writes nothing', async () => {
    const host = new Spy(new MemoryWorkbook());
    await runCreate(host, { framework: 'partnership-tree', partnerships: ['KCP'], respondents: ['Ann'], cycle: '2026/27', today: TODAY });
    host.wb.setCell('Responses', 6, 4, 2);
    const before = host.wb.clone().allCells();
    // someone inserts a column into Responses while the add-in is computing
    host.beforeApply = () => host.wb.insertColumn('Responses', 4);
    await expect(runSummarise(host, { today: TODAY })).rejects.toThrow(LayoutChangedError);
    host.beforeApply = null;
    host.wb.tab('Responses').shift('col', 5, -1);
    expect(host.wb.allCells()).toEqual(before);
    // another summarise in between (revision moved on) is refused too
    host.beforeApply = () => host.wb.setCell('PR_Meta', 4, 2, 99);
    await expect(runSummarise(host, { today: TODAY })).rejects.toThrow(
      /changed while the add-in was working \(PR_Meta!B4 now holds “99”\)/,
    );
  });

  it('check on a workbook from another tool says why', async () => {
    const host = new Spy(new MemoryWorkbook(['Data']));
    await expect(runCheck(host, TODAY)).rejects.toThrow(NotAReviewError);
  });

  it('a custom framework’s own register tab is read by one more read', async () => {
    const base = getFramework('risk-exercise');
    const custom = FrameworkSchema.parse({ ...base, id: 'our-risks', register: { ...base.register!, tab: 'Our Risks' } });
    const host = new Spy(new MemoryWorkbook());
    await runCreate(host, { framework: custom, partnerships: ['KCP'], respondents: [], cycle: '2026/27', today: TODAY });
    host.wb.setCell('Our Risks', 5, 2, 'Partners disengage');
    host.wb.setCell('Our Risks', 5, 5, 'Red');
    const s = await runSummarise(host, { today: TODAY });
    expect(host.reads.slice(1)).toEqual([{ tabs: [...READ_TABS], heads: { Summary: 3, Comments: 3 } }, { tabs: ['Our Risks'] }]);
    expect(s.summary.risks![0]).toEqual({ theme: 'Roles and responsibilities', red: 1, amber: 0, green: 0, unrated: 0 });
    expect(s.summary.plan.map((r) => r.ref)).toEqual(['Risk – Roles and responsibilities']);
  });
});
