/**
 * Fuzz cases for issue #11: Forms exports with repeated names, anonymous rows and missing ids imported into a
 * review, cells corrected by a person between imports, and tab collisions (a person's tab renamed over the Summary,
 * PR_Meta re-pointed at Responses). Each case returns what went wrong, if anything: a crash (anything but a refusal
 * with a message), a cell a person typed that an import or a refused write changed, or respondents merged.
 */
import fc from 'fast-check';
import { planImport } from '../../../core/import/plan-import.js';
import { READ_TABS } from '../../../core/operations/read-tabs.js';
import { planCreate } from '../../../core/operations/create.js';
import { planSummary } from '../../../core/operations/summarise.js';
import { ReviewRequestError } from '../../../core/operations/types.js';
import { readReview } from '../../../core/reader/read-review.js';
import type { CellValue } from '../../../core/review/types.js';
import { MemoryWorkbook } from '../../../memory-host/index.js';

export interface IdentityCase {
  names: string[];
  ids: boolean;
  scores: number[];
  edits: { row: number; value: number }[];
  collision: 'none' | 'renamed-notes' | 'pointer';
}

export const identityCase = (): fc.Arbitrary<IdentityCase> =>
  fc.record({
    names: fc.array(fc.constantFrom('John Smith', 'john smith ', 'anonymous', '', 'Ann', 'Bob'), { minLength: 1, maxLength: 12 }),
    ids: fc.boolean(),
    scores: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 12, maxLength: 12 }),
    edits: fc.array(fc.record({ row: fc.integer({ min: 0, max: 11 }), value: fc.integer({ min: 1, max: 3 }) }), { maxLength: 4 }),
    collision: fc.constantFrom('none', 'renamed-notes', 'pointer'),
  });

export interface IdentityOutcome {
  crash: string | null;
  lost: string[];
  merged: string | null;
}

export function runIdentityCase(c: IdentityCase): IdentityOutcome {
  const out: IdentityOutcome = { crash: null, lost: [], merged: null };
  try {
    const wb = new MemoryWorkbook();
    wb.applyNow(
      planCreate(
        {
          framework: 'partnership-tree',
          partnerships: ['KCP'],
          respondents: [],
          respondentCount: 0,
          cycle: '2026/27',
          today: '2026-05-01',
        },
        [],
      ),
    );
    const header: CellValue[] = c.ids ? ['ID', 'Name', 'ASPIRE'] : ['Timestamp', 'Name', 'ASPIRE'];
    const table: CellValue[][] = [header, ...c.names.map((n, i) => [c.ids ? i + 1 : `2026/03/01 10:00:0${i % 3}`, n, c.scores[i]!])];
    const snap = () => wb.readNow({ tabs: [...READ_TABS] });
    wb.applyNow(planImport(snap(), table, '2026-05-01').plan);
    const count = readReview(snap()).review.responses.length;
    if (count !== c.names.length) out.merged = `${c.names.length} export rows became ${count} respondents`;
    // a person corrects scores (column D is ASPIRE's score), then the same export is imported again
    const typed = new Map<number, number>();
    for (const e of c.edits) {
      if (e.row >= c.names.length) continue;
      wb.setCell('Responses', 6 + e.row, 4, e.value);
      typed.set(6 + e.row, e.value);
    }
    wb.applyNow(planImport(snap(), table, '2026-05-01').plan);
    for (const [row, v] of typed)
      if (wb.getCell('Responses', row, 4) !== v)
        out.lost.push(`Responses!D${row}: typed ${v}, now ${String(wb.getCell('Responses', row, 4))}`);
    if (readReview(snap()).review.responses.length !== count) out.merged = 're-import changed the number of respondents';
    // tab collisions: the write is refused with a message and nothing changes
    if (c.collision !== 'none') {
      if (c.collision === 'renamed-notes') {
        wb.deleteTab('Summary');
        wb.renameTab('Workshop Notes', 'Summary');
      } else {
        const meta = wb.tab('PR_Meta').values();
        wb.setCell('PR_Meta', meta.findIndex((r) => r[0] === 'tab:summary') + 1, 2, 'Responses');
      }
      const before = JSON.stringify([...wb.allCells()]);
      try {
        wb.applyNow(planSummary(snap(), { today: '2026-05-01' }).plan);
        out.lost.push(`summarise wrote over a tab after ${c.collision}`);
      } catch (e) {
        if (!(e instanceof ReviewRequestError)) throw e;
      }
      if (JSON.stringify([...wb.allCells()]) !== before) out.lost.push(`a refused summarise changed cells after ${c.collision}`);
    }
  } catch (e) {
    out.crash = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  return out;
}
