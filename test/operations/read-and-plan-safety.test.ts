/**
 * What operations read (not the generated Summary), and how a plan tab holding people's rows is never written over
 * by a fresh plan.
 */
import { describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import { FrameworkSchema } from '../../core/framework/schema.js';
import { moreTabsToRead, READ_TABS } from '../../core/operations/read-tabs.js';
import { runCreate, runSummarise } from '../../core/operations/run.js';
import { planImprovement, planSummary } from '../../core/operations/summarise.js';
import { ReviewRequestError } from '../../core/operations/types.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { newReview, snap, TODAY } from './helpers.js';

describe('READ_TABS', () => {
  it("holds the tabs the reader uses and the Summary (to prove it is the add-in's), not the Instructions", () => {
    expect(READ_TABS).toEqual([
      'Responses',
      'Workshop Notes',
      'Progress Tracker',
      'Theme Review',
      'Risk Register',
      'Review Settings',
      'Previous Review',
      'Summary',
      'Comments',
      'Improvement Plan',
      'PR_Meta',
    ]);
  });

  it("reads the Summary, proves it is the add-in's, and rebuilds it in place", () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann'] });
    const s = snap(wb);
    expect(Object.keys(s.tabs)).toContain('Summary');
    const { plan } = planSummary(s, { today: TODAY });
    expect(plan.tabs.map((t) => [t.name, t.mode, t.position])).toEqual([
      ['Summary', 'replace', undefined],
      ['Comments', 'replace', undefined],
      ['Improvement Plan', 'update', undefined],
      ['PR_Meta', 'replace', undefined],
    ]);
  });
});

describe('moreTabsToRead', () => {
  it('names a custom register tab PR_Meta records and the first read did not hold', async () => {
    const base = getFramework('risk-exercise');
    const custom = FrameworkSchema.parse({ ...base, id: 'our-risks', register: { ...base.register!, tab: 'Our Risks' } });
    const wb = new MemoryWorkbook();
    await runCreate(wb, { framework: custom, partnerships: ['KCP'], respondents: [], cycle: '2026/27', today: TODAY });
    expect(moreTabsToRead(wb.readNow({ tabs: [...READ_TABS] }))).toEqual(['Our Risks']);
    // never the Summary or the Instructions, though PR_Meta records them too
    const tree = newReview({ framework: 'partnership-tree' });
    expect(moreTabsToRead(snap(tree))).toEqual([]);
  });

  it('asks for nothing in a workbook without PR_Meta', () => {
    expect(moreTabsToRead({ tabNames: ['Data'], tabs: {} })).toEqual([]);
  });
});

describe('a plan tab with rows people typed is never written over', () => {
  it('a fresh plan is only ever created: the host refuses it when the tab is there after all', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann'] });
    wb.setCell('Responses', 6, 4, 1);
    wb.deleteTab('Improvement Plan');
    const { plan } = planImprovement(snap(wb), { today: TODAY });
    expect(plan.tabs[0]).toMatchObject({ name: 'Improvement Plan', mode: 'create' });
    // someone adds a tab of that name and types in it before the plan is written
    wb.addTab('Improvement Plan');
    wb.setCell('Improvement Plan', 5, 5, 'Typed meanwhile');
    expect(() => wb.applyNow(plan)).toThrow(/already exists/);
    expect(wb.getCell('Improvement Plan', 5, 5)).toBe('Typed meanwhile');
  });

  it('refuses, naming the tab, when the plan tab is in the workbook but was not read', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann'] });
    wb.setCell('Responses', 6, 4, 1);
    const s = snap(wb);
    delete s.tabs['Improvement Plan'];
    expect(() => planSummary(s, { today: TODAY })).toThrow(ReviewRequestError);
    expect(() => planSummary(s, { today: TODAY })).toThrow(
      'The tab “Improvement Plan” could not be read, so the improvement plan was not written (it would have gone over the rows on it). Close other copies of the workbook and try again.',
    );
  });

  it('keeps the typed rows when PR_Meta names a plan tab that is missing (runSummarise on the memory host)', async () => {
    const wb = new MemoryWorkbook();
    await runCreate(wb, { framework: 'partnership-tree', partnerships: ['KCP'], respondents: ['Ann'], cycle: '2026/27', today: TODAY });
    wb.setCell('Responses', 6, 4, 1);
    await runSummarise(wb, { today: TODAY });
    wb.setCell('Improvement Plan', 5, 5, 'My own action, typed');
    wb.setCell('Improvement Plan', 7, 5, 'Another row I added');
    const metaRow =
      wb
        .tab('PR_Meta')
        .values()
        .findIndex((r) => r[0] === 'tab:plan') + 1;
    wb.setCell('PR_Meta', metaRow, 2, 'Action Plan');
    await runSummarise(wb, { today: TODAY });
    expect(wb.getCell('Improvement Plan', 5, 5)).toBe('My own action, typed');
    expect(wb.getCell('Improvement Plan', 7, 5)).toBe('Another row I added');
    // the header rows are the ones the tab had: nothing was written over rows 1–4 either
    expect(wb.getCell('Improvement Plan', 4, 1)).toBe('ref');
    expect(wb.tabNames().filter((n) => n.toLowerCase().includes('plan'))).toEqual(['Improvement Plan']);
  });
});
