/**
 * The self-test over the in-memory workbook (what the browser preview runs): it passes, leaves a person's own
 * review exactly as it was, keeps its scratch formulas on its scratch tabs, refuses a name clash, and fails visibly
 * when the host loses something.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReadRequest } from '../../core/host/types.js';
import { driveAsync, driveSync } from '../../core/operations/flow.js';
import { runCreate } from '../../core/operations/run.js';
import { ADDIN_VERSION, reportText, scratchNames, ScratchView, selfTestFlow } from '../../core/selftest/index.js';
import type { SheetPlan } from '../../core/sheet-plan/types.js';
import { MemoryWorkbook } from '../../memory-host/index.js';

const ENV = {
  host: 'In-memory workbook',
  hostVersion: '',
  platform: 'Node',
  addinVersion: ADDIN_VERSION,
  startedAt: '2026-05-12T10:00:00Z',
};
const OPTS = { env: ENV, today: '2026-05-12', token: 'abc1' };

describe('self-test on the in-memory workbook', () => {
  it('passes every check, and leaves a person’s own review in the same workbook exactly as it was', async () => {
    const wb = new MemoryWorkbook(['Sheet1']);
    await runCreate(wb, {
      framework: 'partnership-tree',
      partnerships: ['KCP'],
      respondents: ['Ann', 'Bob'],
      cycle: '2026/27',
      today: '2026-05-12',
    });
    wb.setCell('Responses', 6, 4, 2);
    const before = wb.readNow({ tabs: 'all' });
    const names = wb.namedRanges.map((n) => n.name);
    const r = await driveAsync(selfTestFlow(OPTS), wb);
    expect(r.failed, reportText(r)).toBe(0);
    expect(r.notChecked).toBe(0); // the memory workbook keeps core's values for formulas
    expect(r.ok).toBe(true);
    expect(r.checks.length).toBe(21);
    expect(wb.readNow({ tabs: 'all' })).toEqual(before);
    expect(wb.namedRanges.map((n) => n.name)).toEqual(names);
  });

  it('runs synchronously with the same checks', async () => {
    const a = driveSync(selfTestFlow(OPTS), new MemoryWorkbook(['Sheet1']));
    const b = await driveAsync(selfTestFlow(OPTS), new MemoryWorkbook(['Sheet1']));
    expect(a).toEqual(b);
  });

  it('writes its formulas against its own scratch tabs and its names with its own prefix', async () => {
    const wb = new MemoryWorkbook(['Sheet1']);
    const seen: SheetPlan[] = [];
    const spy = Object.assign(Object.create(wb) as MemoryWorkbook, {
      apply: async (p: SheetPlan) => (seen.push(p), wb.apply(p)),
      read: async (q: ReadRequest) => wb.read(q),
    });
    await driveAsync(selfTestFlow(OPTS), spy);
    const summary = seen.flatMap((p) => p.tabs).find((t) => t.name === 'PRST-abc1 Summary')!;
    const formulas = summary.blocks.flatMap((b) => b.cells.flat()).flatMap((c) => ('f' in c ? [c.f] : []));
    expect(formulas.length).toBeGreaterThan(20);
    expect(formulas.filter((f) => f.includes('Responses!') && !f.includes("'PRST-abc1 Responses'!"))).toEqual([]);
    expect(seen.flatMap((p) => p.namedRanges.map((n) => n.name)).every((n) => n.startsWith('PRST_abc1_PR_Score_'))).toBe(true);
    expect(seen.flatMap((p) => p.tabs.map((t) => t.name)).every((n) => n.startsWith('PRST-abc1 '))).toBe(true);
  });

  it('moves only sheet references, not text that looks like one', () => {
    const v = new ScratchView(scratchNames('x9'));
    const known = new Set(['responses', 'improvement plan']);
    expect(v.formula(`=COUNTIF(Responses!$D$6:$D$20,"Responses!A1")+'Improvement Plan'!B2+Other!A1`, known)).toBe(
      `=COUNTIF('PRST-x9 Responses'!$D$6:$D$20,"Responses!A1")+'PRST-x9 Improvement Plan'!B2+Other!A1`,
    );
  });

  it('refuses to start when a tab already has its prefix, and changes nothing', async () => {
    const wb = new MemoryWorkbook(['Sheet1', 'PRST-abc1 Responses']);
    const r = await driveAsync(selfTestFlow(OPTS), wb);
    expect(r.checks.map((c) => `${c.state} ${c.name}`)).toEqual(['fail Scratch tab names are free']);
    expect(wb.tabNames()).toEqual(['Sheet1', 'PRST-abc1 Responses']);
  });

  it('fails visibly when the host drops data validation, and still removes its tabs', async () => {
    const wb = new MemoryWorkbook(['Sheet1']);
    const dropping = {
      read: (q: ReadRequest) => wb.read(q),
      apply: (p: SheetPlan) => wb.apply({ ...p, tabs: p.tabs.map((t) => ({ ...t, validations: [] })) }),
      inspect: wb.inspect.bind(wb),
      remove: wb.remove.bind(wb),
    };
    const r = await driveAsync(selfTestFlow(OPTS), dropping);
    expect(r.checks.filter((c) => c.state === 'fail').map((c) => c.name)).toEqual(['Data validation']);
    expect(reportText(r)).toMatch(/\nFAIL {2}Read back – Data validation: Responses!D6: a list rule expected, found none\./);
    expect(wb.tabNames()).toEqual(['Sheet1']);
  });

  it('reports the add-in version package.json gives', () => {
    expect(ADDIN_VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });
});
