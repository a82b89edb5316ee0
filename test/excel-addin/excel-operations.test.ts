/**
 * The core operations through the Office.js adapter on the recording fake: create → people type → summarise →
 * plan, with `context.sync()` counted per operation (issue 4: at most 3 whatever the number of respondents).
 */
import { describe, expect, it } from 'vitest';
import { runCheck, runCreate, runPlan, runSummarise } from '../../core/operations/index.js';
import { ExcelHost } from '../../excel-addin/adapter/index.js';
import { FakeOffice, FakeWorkbookState, type FakeSheetState } from './fake-office.js';

const TODAY = '2026-05-01';

/** Key row → column, from the hidden machine-key row the create plan wrote. */
function keyColumns(s: FakeSheetState): Map<string, { row: number; col: number }> {
  const out = new Map<string, { row: number; col: number }>();
  for (let r = 1; r <= 10; r++) {
    for (let c = 1; c <= 400; c++) {
      const v = s.value(r, c);
      if (typeof v === 'string' && /\|(score|comment)$/.test(v)) out.set(v, { row: r, col: c });
    }
  }
  return out;
}

/** People type a score (cycling 1…3, the hallmarks scale) and, for the first item, a comment — straight into the workbook. */
function typeScores(fake: FakeOffice, respondents: number, firstDataRow: number): number {
  const s = fake.state.sheet('Responses');
  const cols = [...keyColumns(s).entries()];
  let typed = 0;
  for (let r = 0; r < respondents; r++) {
    cols.forEach(([key, at], i) => {
      if (key.endsWith('|score')) {
        s.set(firstDataRow + r, at.col, { value: ((r + i) % 3) + 1 });
        typed++;
      } else if (i === 1) {
        s.set(firstDataRow + r, at.col, { value: r === 0 ? '=HYPERLINK("http://evil.example","x")' : `Comment ${r + 1}` });
      }
    });
  }
  return typed;
}

function firstDataRow(s: FakeSheetState, respondents: number): number {
  for (let r = 1; r < 50; r++) if (s.value(r, 1) === 'Respondent 1' || (respondents === 0 && s.value(r, 1) === null)) return r;
  throw new Error('no respondent rows');
}

describe.each([10, 1000])('operations through ExcelHost at %i respondents', (n) => {
  it('create, check, summarise and plan take the syncs worked out by hand, and keep what people typed', async () => {
    const fake = new FakeOffice(FakeWorkbookState.with({ Sheet1: [] }));
    const host = new ExcelHost(fake.run, { isSetSupported: FakeOffice.requirements('1.9') });

    // create
    const created = await runCreate(host, {
      framework: 'hallmarks',
      partnerships: ['Rochford LSP'],
      respondents: [],
      respondentCount: n,
      cycle: '2026/27',
      protect: true,
      today: TODAY,
    });
    expect(fake.syncs).toBe(3); // read the tab names, check, write
    expect(created.tabsWritten).toContain('Responses');
    const responses = fake.state.sheet('Responses');
    const first = firstDataRow(responses, n);
    expect(responses.value(first + n - 1, 1)).toBe(`Respondent ${n}`);
    expect(fake.largestSyncBytes).toBeLessThan(4_000_000);

    // people type
    const typed = typeScores(fake, n, first);
    expect(typed).toBe(67 * n);
    const before = JSON.stringify(responses.grid());

    // check: read only — the tab list, the used ranges' sizes, then the values in parts of at most 100,000 cells
    // (hallmarks at 1,000: the used range of Responses is 1,005 rows × 137 columns = 137,685 cells, read as 729 rows
    // (99,873 cells) then 276 rows with the other, small tabs — two parts; at 10 respondents one part; worked by hand)
    const readSyncs = n === 10 ? 3 : 4;
    fake.resetCounters();
    const checked = await runCheck(host, TODAY);
    expect(fake.syncs).toBe(readSyncs);
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);

    // summarise
    fake.resetCounters();
    const summarised = await runSummarise(host, { today: TODAY });
    // the read, then the tab list, what the existing tabs hold with the preconditions, and the write
    expect(fake.syncs).toBe(readSyncs + 3);
    expect(fake.largestSyncBytes).toBeLessThan(4_000_000);
    expect(summarised.summary.respondents).toBe(n);
    expect(summarised.tabsWritten).toEqual(expect.arrayContaining(['Summary', 'Improvement Plan']));
    const summaryTab = fake.state.sheet('Summary');
    expect(summaryTab.value(1, 1)).toBe('Hallmarks of effective partnerships self-assessment: summary (2026/27)');
    // every respondent typed scores: all n answered (row 5 of the Summary, worked out from the typing above)
    expect([summaryTab.value(5, 1), summaryTab.value(5, 3)]).toEqual(['Respondents who gave at least one answer', n]);
    const planTab = fake.state.sheet('Improvement Plan');
    expect(planTab.value(3, 1)).toBe('Ref');

    const summary = fake.state.sheet('Summary');
    const formulas = [...summary.cells.values()].map((c) => c.formula).filter((f): f is string => f !== undefined);
    for (const f of formulas) expect(f).not.toContain('_xlfn.');

    // a person types a key contact into the first plan row, then drafts the plan again
    // the plan's headings are row 3: Ref, Part, Theme/criterion, Source items, Action for improvement, Date to be completed, Key contact
    const contact = { row: 3, col: 7 };
    expect(planTab.value(contact.row, contact.col)).toBe('Key contact');
    // the first drafted row: its reference (column A) names an area a person can quote, e.g. "Hallmark 2 – Rochford LSP"
    let firstPlanRow = contact.row + 1;
    while (!String(planTab.value(firstPlanRow, 1) ?? '').startsWith('Hallmark ')) firstPlanRow++;
    expect(firstPlanRow).toBeLessThan(contact.row + 5);
    planTab.set(firstPlanRow, contact.col, { value: '+44 20 7946 0000 (Jo Bloggs)' });
    fake.resetCounters();
    const planned = await runPlan(host, { today: TODAY });
    expect(fake.syncs).toBe(readSyncs + 3);
    expect(planned.rows.length).toBeGreaterThan(0);
    expect(planTab.value(firstPlanRow, contact.col)).toBe('+44 20 7946 0000 (Jo Bloggs)');

    // nothing a person typed on Responses changed, and the =HYPERLINK comment is still text
    expect(JSON.stringify(responses.grid())).toBe(before);
    const [, commentAt] = [...keyColumns(responses).entries()][1]!;
    expect(responses.value(first, commentAt.col)).toBe('=HYPERLINK("http://evil.example","x")');
    expect(responses.formula(first, commentAt.col)).toBeUndefined();
  });
});
