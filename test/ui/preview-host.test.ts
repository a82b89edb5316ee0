import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { makeLocalBridge } from '../../ui/bridge-local.js';
import { PreviewHost } from '../../ui/preview/preview-host.js';

const clock = () => new Date(2026, 4, 15);

async function created(protect: boolean) {
  const host = new PreviewHost(new MemoryWorkbook(['Sheet1']));
  const bridge = makeLocalBridge(host, 'Browser preview', clock);
  const o = await bridge.create({
    frameworkId: 'partnership-tree',
    partnerships: ['K and C'],
    respondents: ['Ann', 'Ben'],
    cycle: '2026/27',
    protect,
  });
  expect(o.ok).toBe(true);
  return { host, bridge };
}

describe('PreviewHost', () => {
  it('tells listeners about every change and shows the tab the plan activates', async () => {
    const host = new PreviewHost(new MemoryWorkbook(['Sheet1']));
    let calls = 0;
    const stop = host.subscribe(() => calls++);
    await makeLocalBridge(host, 'x', clock).create({
      frameworkId: 'partnership-tree',
      partnerships: ['K and C'],
      respondents: ['Ann'],
      cycle: '2026/27',
      protect: false,
    });
    expect(calls).toBe(1);
    expect(host.getState().activeTab).toBe(host.book.active);
    host.showTab('Summary');
    expect(host.getState()).toMatchObject({ activeTab: 'Summary', version: 2 });
    stop();
    host.showTab('Responses');
    expect(calls).toBe(2);
  });

  it('selecting a problem cell shows its tab and highlights it', async () => {
    const { host } = await created(false);
    host.showTab('Instructions');
    await host.select({ sheet: 'Responses', row: 7, col: 6 });
    expect(host.getState()).toMatchObject({ activeTab: 'Responses', selection: { sheet: 'Responses', row: 7, col: 6 } });
    expect(host.book.selected).toEqual({ sheet: 'Responses', row: 7, col: 6 });
  });

  it('typing writes the cell, as a person typing does', async () => {
    const { host } = await created(false);
    expect(host.type({ sheet: 'Responses', row: 6, col: 4 }, 3)).toBe(true);
    expect(host.book.getCell('Responses', 6, 4)).toBe(3);
    expect(host.type({ sheet: 'Responses', row: 6, col: 4 }, null)).toBe(true);
    expect(host.book.getCell('Responses', 6, 4)).toBeNull();
  });

  it('a protected tab refuses typing in its headers, says why, and keeps the cell', async () => {
    const { host } = await created(true);
    const before = host.book.getCell('Responses', 4, 4);
    expect(host.type({ sheet: 'Responses', row: 4, col: 4 }, 'oops')).toBe(false);
    expect(host.book.getCell('Responses', 4, 4)).toBe(before);
    expect(host.getState().notice).toMatch(/^Responses!D4 is a protected header cell\./);
    // entry rows stay editable
    expect(host.type({ sheet: 'Responses', row: 6, col: 4 }, 2)).toBe(true);
    expect(host.getState().notice).toBeNull();
  });

  it('reports the format a cell shows, conditional formats included', async () => {
    const { host, bridge } = await created(false);
    host.type({ sheet: 'Responses', row: 6, col: 4 }, 1);
    host.type({ sheet: 'Responses', row: 7, col: 4 }, 1);
    await bridge.summarise();
    const values = host.book.readNow({ tabs: ['Summary'] }).tabs['Summary']!.values;
    const r = values.findIndex((row) => row[0] === 'ASPIRE');
    const ragCol =
      values.findIndex((row) => row.includes('RAG')) >= 0
        ? values.find((row) => row.includes('RAG') && row.includes('Divided'))!.indexOf('RAG')
        : -1;
    expect(r).toBeGreaterThan(0);
    expect(values[r]![ragCol]).toBe('Red');
    const f = host.formatAt('Summary', r + 1, ragCol + 1, 'Red');
    expect(f.fill).toBe('#FFC7CE');
    expect(host.layoutOf('Summary').charts.length).toBeGreaterThan(0);
    expect(host.layoutOf('Responses').hiddenRows.has(5)).toBe(true);
  });
});
