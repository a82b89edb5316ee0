/**
 * Issue #12 acceptance, on the in-memory workbook: a Hallmarks review of two partnerships × eight respondents with
 * scores drawn at random (most items amber) drafts at most 12 rows (6 hallmarks × 2 partnerships), each citing its
 * source items; every area for improvement is in a row's sources or under "Also weak, not yet planned"; check right
 * after summarise reports no error.
 */
import { describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import { runCheck, runCreate, runSummarise } from '../../core/operations/index.js';
import { ENTRY_ROWS } from '../../core/sheet-plan/layout.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { SeededRandom } from '../../file-host/demo/seeded-random.js';

const TODAY = '2026-05-01';
const PARTNERSHIPS = ['Community Safety Partnership', "Children's Trust"];

async function randomHallmarks(seed: number): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const respondents = Array.from({ length: 16 }, (_, i) => `Respondent ${String.fromCharCode(65 + i)}`);
  await runCreate(wb, { framework: 'hallmarks', partnerships: PARTNERSHIPS, respondents, cycle: '2026/27', today: TODAY });
  const keys = wb.tab('Responses').values()[ENTRY_ROWS.key - 1]!;
  const rnd = new SeededRandom(seed);
  respondents.forEach((_, r) => {
    const row = ENTRY_ROWS.firstData + r;
    wb.setCell('Responses', row, keys.indexOf('partnership') + 1, PARTNERSHIPS[r < 8 ? 0 : 1]!);
    keys.forEach((k, c) => {
      if (typeof k === 'string' && k.endsWith('|score')) wb.setCell('Responses', row, c + 1, 1 + rnd.int(3));
    });
  });
  return wb;
}

describe('a Hallmarks review of two partnerships × eight respondents, random scores', () => {
  it.each([1, 2, 3])('seed %i: at most 12 rows, each citing its items; nothing weak disappears; check finds no error', async (seed) => {
    const wb = await randomHallmarks(seed);
    const { summary } = await runSummarise(wb, { today: TODAY });
    const f = getFramework('hallmarks');
    const itemIds = new Set(f.sections.flatMap((s) => s.items.map((i) => i.id)));
    expect(summary.plan.length).toBeGreaterThan(0);
    expect(summary.plan.length).toBeLessThanOrEqual(12);
    for (const row of summary.plan) {
      expect(row.ref).toMatch(/^Hallmark [1-6] – (Community Safety Partnership|Children's Trust)$/);
      const cited = row.sourceItems.split(', ');
      expect(cited.length).toBeGreaterThan(0);
      for (const id of cited) expect(itemIds.has(id), id).toBe(true);
      // each cited item belongs to the row's hallmark
      const hallmark = row.ref.slice('Hallmark '.length, 'Hallmark '.length + 1);
      for (const id of cited) expect(id.split('.')[0]).toBe(hallmark);
      expect(row.action).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
    }
    // every area for improvement: the whole review's and each partnership's
    const cited = new Set(summary.plan.flatMap((r) => r.sourceItems.split(', ').map((id) => `${id}|${r.ref.split(' – ')[1]}`)));
    const also = summary.planning.alsoWeak;
    for (const id of summary.areasForImprovement) {
      const inRow = [...cited].some((c) => c.startsWith(`${id}|`));
      expect(inRow || also.some((w) => w.id === id), id).toBe(true);
    }
    for (const p of PARTNERSHIPS) {
      for (const id of summary.partnerships![p]!.areasForImprovement) {
        expect(cited.has(`${id}|${p}`) || also.some((w) => w.id === id && w.partnership === p), `${id} ${p}`).toBe(true);
      }
    }
    // the Summary lists what is left out, by id and partnership
    const summaryText = [...wb.allCells()].filter(([k]) => k.startsWith('Summary!')).map(([, c]) => String(c.value ?? ''));
    if (also.length > 0) expect(summaryText.some((v) => v.startsWith('Also weak, not yet planned'))).toBe(true);

    const check = await runCheck(wb, TODAY);
    expect(check.errorLines).toEqual([]);
    // reminders: the drafted rows still need a key contact, as one line (more than five rows) or one per row
    expect(check.reminders.filter((p) => p.code === 'plan.to-complete').length).toBeLessThanOrEqual(5);
  });
});
