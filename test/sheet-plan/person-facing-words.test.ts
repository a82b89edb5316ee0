/**
 * Words meant for developers never reach a person (issue #12): every cell of every tab a person sees, for all seven
 * built-in frameworks, as created and after summarising a filled-in review, is free of "seed", internal keys such as
 * "item:" or "risk:…|5", "issue #", and scale labels that only repeat their number ("2 = 2", "Count of 2 (2)").
 */
import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { runCreate, runSummarise } from '../../core/operations/index.js';
import { ENTRY_ROWS, TABLE_ROWS } from '../../core/sheet-plan/layout.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { fillDemo } from '../../file-host/demo/fill.js';
import { generatedReview } from '../../file-host/demo/generated.js';

const TODAY = '2026-05-01';

/** Rows that hold the hidden machine keys (a layout matter, never shown): entry key row, table key rows. */
function hiddenKeyRow(tab: string, row: number): boolean {
  if (tab === 'Responses') return row === ENTRY_ROWS.key;
  if (tab === 'Summary' || tab === 'Instructions') return false;
  return row === TABLE_ROWS.key;
}

function offending(wb: MemoryWorkbook): string[] {
  const out: string[] = [];
  for (const [k, cell] of wb.allCells()) {
    const [tab, addr] = k.split('!') as [string, string];
    if (tab === 'PR_Meta') continue;
    const row = Number(/\d+$/.exec(addr)![0]);
    if (hiddenKeyRow(tab, row)) continue;
    // the Improvement Plan's hidden fingerprint column holds hashes
    const v = String(cell.value ?? '');
    if (/seed/i.test(v)) out.push(`${k}: "seed" in ${v.slice(0, 120)}`);
    if (/\bitem:|\btracker:|\brisk:[^ ]|issue #/i.test(v)) out.push(`${k}: internal key in ${v.slice(0, 120)}`);
    const same = /(^|[^\d.])(\d+(?:\.\d+)?) = \2(?![\d.])/.exec(v);
    if (same) out.push(`${k}: a scale label equal to its number in ${v.slice(0, 120)}`);
    if (/Count of (\d+) \(\1\)/.test(v)) out.push(`${k}: a count header repeating its number: ${v}`);
  }
  return out;
}

describe.each(builtinFrameworks().map((f) => [f.id, f] as const))('person-facing words: %s', (_id, f) => {
  it('no "seed", no internal key and no "2 = 2" on any tab, created and summarised', async () => {
    const wb = new MemoryWorkbook();
    const demo = generatedReview(f, { cycle: '2026/27', today: TODAY });
    await runCreate(wb, {
      framework: f.id,
      partnerships: demo.partnerships,
      respondents: demo.respondents.map((r) => r.respondent),
      cycle: '2026/27',
      today: TODAY,
    });
    expect(offending(wb)).toEqual([]);
    await fillDemo(wb, f, demo);
    const { summary } = await runSummarise(wb, { today: TODAY });
    expect(offending(wb)).toEqual([]);
    // the plan's parts: named as the 2004 review paper names them, and only the part that applies
    const parts = new Set(summary.plan.map((r) => wb.getCell('Improvement Plan', 5 + summary.plan.indexOf(r), 2)));
    expect([...parts].every((p) => p === (f.kind === 'tracker' ? 'Delivery' : 'Partnership'))).toBe(true);
    expect(String(wb.getCell('Improvement Plan', 1, 1))).toBe(
      `Improvement Plan for ${f.kind === 'tracker' ? 'Delivery' : 'Partnership'} (2026/27)`,
    );
    // a "Total" column only where the paper defines one (the 2004 review paper's Total Score per criterion)
    const summaryCells = [...wb.allCells()].filter(([k]) => k.startsWith('Summary!')).map(([, c]) => c.value);
    expect(summaryCells.includes('Total'), f.id).toBe(f.id === 'nru-partnership');
  });
});
