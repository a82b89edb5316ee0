/**
 * The LSP improvement plan's host side in the workbook Excel has open (the pane route of issue #16, without its
 * file picker): `lspPlanFlow` through the Office.js adapter on the strict fake makes the two part tabs and the hidden
 * PR_Meta in a blank workbook, and a rebuild keeps what a person typed there. The reviews' rows are worked out from
 * review workbooks on the in-memory host, as a pane would from the files a person picked.
 * Expected rows are worked out by hand from the register rows typed here (two red risk themes).
 */
import { describe, expect, it } from 'vitest';
import { driveAsync } from '../../core/operations/flow.js';
import { LSP_TAB, lspPlanFlow, lspSources } from '../../core/operations/lsp-plan.js';
import { planImprovement } from '../../core/operations/summarise.js';
import { ExcelHost } from '../../excel-addin/adapter/index.js';
import { keyCol, newReview, snap, TODAY } from '../operations/helpers.js';
import { FakeOffice, FakeWorkbookState } from './fake-office.js';

function riskSources() {
  const wb = newReview({ framework: 'risk-exercise', reviewId: 'risk-x' });
  const at = (k: string) => keyCol(wb, 'Risk Register', k).col;
  for (const [row, theme, scenario] of [
    [5, 'Governance', 'Partners stop attending the board'],
    [6, 'Skills', 'No one can run the data'],
  ] as const) {
    wb.setCell('Risk Register', row, at('theme'), theme);
    wb.setCell('Risk Register', row, at('scenario'), scenario);
    wb.setCell('Risk Register', row, at('rating'), 'Red');
  }
  wb.applyNow(planImprovement(snap(wb), { today: TODAY }).plan);
  return lspSources([{ label: 'risk.xlsx', snapshot: snap(wb) }], TODAY);
}

describe('the LSP plan in the workbook Excel has open', () => {
  it('is made in a blank workbook and keeps a person’s edit when rebuilt', async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
    const host = new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9') });
    const sources = riskSources();
    const opts = { today: TODAY, planLabel: 'this workbook' };
    const first = await driveAsync(lspPlanFlow(sources, opts), host);
    expect(first.result.created).toBe(true);
    expect(fake.state.sheets.map((s) => s.name)).toEqual([LSP_TAB.Delivery, LSP_TAB.Partnership, 'Sheet1', 'PR_Meta']);
    expect(fake.state.sheet('PR_Meta').visibility).toBe('Hidden');
    const part2 = fake.state.sheet(LSP_TAB.Partnership);
    // columns by the hidden key row (row 4): Ref, Source workbook, Partnership first
    const col = (key: string) => part2.grid()[3]!.indexOf(key) + 1;
    expect([col('ref'), col('sourceWorkbook'), col('partnership')]).toEqual([1, 2, 3]);
    expect([part2.value(5, 1), part2.value(5, 2), part2.value(5, 3)]).toEqual(['Risk – Governance', 'risk.xlsx', 'KCP']);
    expect([part2.value(6, 1), part2.value(6, col('sourceStatus'))]).toEqual(['Risk – Skills', 'As in the plan of risk.xlsx']);

    // a person sets the Governance row's status and types a key contact
    part2.set(5, col('status'), { value: 'In progress' });
    part2.set(5, col('keyContact'), { value: 'Helen Kay' });
    const again = await driveAsync(lspPlanFlow(sources, opts), host);
    expect(again.result.created).toBe(false);
    expect([part2.value(5, col('keyContact')), part2.value(5, col('status')), part2.value(5, col('sourceStatus'))]).toEqual([
      'Helen Kay',
      'In progress',
      'Edited here, kept as typed',
    ]);
    expect(part2.value(6, col('sourceStatus'))).toBe('As in the plan of risk.xlsx');
    expect(part2.value(7, 1)).toBeNull();
  });
});
