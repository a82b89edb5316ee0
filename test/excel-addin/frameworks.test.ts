/**
 * Issue 15 acceptance, Excel side (the Sheets side is test/sheets-addon/strict-rules.test.ts): create → people type →
 * check → summarise → plan through ExcelHost on the strict Office.js fake, for every built-in framework — and then a
 * second summarise, which rebuilds the Summary and PR_Meta beside the old ones and swaps them in.
 */
import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { runCheck, runCreate, runPlan, runSummarise } from '../../core/operations/index.js';
import { ExcelHost } from '../../excel-addin/adapter/index.js';
import { FakeOffice, FakeWorkbookState } from './fake-office.js';
import { parseTyped } from './fake-state.js';

const TODAY = '2026-05-01';

/** People pick the first choice of every drop-down list, in its first `rows` rows, on every tab (as typed into Excel). */
function typeFirstChoices(fake: FakeOffice, rows: number): number {
  let typed = 0;
  for (const sheet of fake.state.sheets) {
    const top = new Map<number, { row: number; value: string }>();
    for (const v of sheet.validations) {
      const source = v.rule?.list?.source;
      if (typeof source !== 'string' || source.startsWith('=')) continue;
      const first = source.split(',')[0]!.trim();
      for (let c = v.bounds.c1; c <= v.bounds.c2; c++) {
        const seen = top.get(c);
        if (!seen || v.bounds.r1 < seen.row) top.set(c, { row: v.bounds.r1, value: first });
      }
    }
    for (const [col, t] of top) {
      for (let r = 0; r < rows; r++) {
        sheet.set(t.row + r, col, parseTyped(t.value));
        typed++;
      }
    }
  }
  return typed;
}

describe('create → check → summarise → plan on the strict Office.js fake, every framework', () => {
  for (const fw of builtinFrameworks()) {
    it(fw.id, async () => {
      const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
      const host = new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9') });
      const created = await runCreate(host, {
        framework: fw.id,
        partnerships: ['Rochford LSP'],
        respondents: ['Ann <ann@example.org>', 'Bob'],
        respondentCount: 2,
        cycle: '2026/27',
        protect: true,
        today: TODAY,
      });
      // a register framework (delivery tracker, risk exercise) has a register tab instead of Responses
      expect(created.tabsWritten).toContain(fw.sections.length > 0 ? 'Responses' : 'Instructions');
      expect(typeFirstChoices(fake, 2)).toBeGreaterThan(0);

      const checked = await runCheck(host, TODAY);
      expect(
        checked.problems.filter((p) => p.severity === 'error'),
        fw.id,
      ).toEqual([]);
      const summarised = await runSummarise(host, { today: TODAY });
      expect(summarised.tabsWritten).toContain('Summary');
      const planned = await runPlan(host, { today: TODAY });
      expect(planned.tabsWritten.length).toBeGreaterThan(0);

      // summarised again: the Summary and PR_Meta are rebuilt and swapped in, in the same places, nothing left over
      const tabs = (): string[] => fake.state.sheets.map((s) => `${s.name}:${s.visibility}:${s.protected ? 'protected' : 'open'}`);
      const order = tabs();
      const summary = JSON.stringify(fake.state.sheet('Summary').grid());
      await runSummarise(host, { today: TODAY });
      expect(tabs()).toEqual(order);
      expect(order.filter((n) => / \((new|old)\)/.test(n))).toEqual([]);
      expect(order.some((n) => n.startsWith('PR_Meta:Hidden:'))).toBe(true);
      expect(JSON.stringify(fake.state.sheet('Summary').grid())).toBe(summary);
    });
  }
});
