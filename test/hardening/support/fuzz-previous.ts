/**
 * Fuzz cases for issue #11's previous review: last cycle's review (random scores, any of four frameworks with scales
 * 1–3, 1–4, 1–5 and 0–4) given to this cycle's summarise, which fills the Previous Review tab; then one of:
 * - carried: a plain summarise compares with the tab, giving the same previous means as the workbook did;
 * - cleared: a person clears the means and the cycle, and the comparison is gone;
 * - typed: a person had typed a mean on the tab before the fill: the fill is refused (unless it is the same mean)
 *   and no cell changes;
 * - other framework / same review: refused with a message, no cell changes.
 * Each case returns what went wrong: a crash (anything but a refusal with a message), a cell lost (a typed cell
 * changed, or a refused write that changed cells), or a wrong comparison.
 */
import fc from 'fast-check';
import { getFramework } from '../../../core/framework/catalogue.js';
import { planCreate } from '../../../core/operations/create.js';
import { previousFromSnapshot } from '../../../core/operations/previous.js';
import { READ_TABS } from '../../../core/operations/read-tabs.js';
import { planSummary } from '../../../core/operations/summarise.js';
import { ReviewRequestError } from '../../../core/operations/types.js';
import { readReview } from '../../../core/reader/read-review.js';
import { scaleForItem, scoredItems } from '../../../core/scoring/scale.js';
import { MemoryWorkbook } from '../../../memory-host/index.js';

const FRAMEWORKS = ['partnership-tree', 'framework-review', 'nru-partnership', 'hallmarks'] as const;
const TODAY = '2026-05-01';

export interface PreviousCase {
  frameworkId: (typeof FRAMEWORKS)[number];
  /** respondents last cycle and now */
  last: number;
  now: number;
  /** raw picks, turned into scale points */
  picks: number[];
  action: 'carried' | 'cleared' | 'typed' | 'other-framework' | 'same-review';
  typedRow: number;
  typedMean: number;
}

export const previousCase = (): fc.Arbitrary<PreviousCase> =>
  fc.record({
    frameworkId: fc.constantFrom(...FRAMEWORKS),
    last: fc.integer({ min: 1, max: 8 }),
    now: fc.integer({ min: 1, max: 8 }),
    picks: fc.array(fc.nat({ max: 99 }), { minLength: 64, maxLength: 64 }),
    action: fc.constantFrom('carried', 'cleared', 'typed', 'other-framework', 'same-review'),
    typedRow: fc.nat({ max: 30 }),
    typedMean: fc.constantFrom(0, 1, 1.5, 2, 2.25, 3, 4),
  });

export interface PreviousOutcome {
  crash: string | null;
  lost: string[];
  wrong: string[];
}

function review(
  frameworkId: string,
  respondents: number,
  picks: number[],
  offset: number,
  reviewId: string,
  cycle: string,
): MemoryWorkbook {
  const f = getFramework(frameworkId);
  const wb = new MemoryWorkbook();
  const names = Array.from({ length: respondents }, (_, i) => `Person ${i + 1}`);
  wb.applyNow(planCreate({ framework: frameworkId, partnerships: ['KCP'], respondents: names, cycle, today: TODAY, reviewId }, []));
  const { layout } = readReview(wb.readNow({ tabs: [...READ_TABS] }));
  const entry = layout.entry!;
  let k = offset;
  for (let r = 0; r < respondents; r++) {
    for (const { item } of scoredItems(f)) {
      const col = entry.cols[`${item.id}|score`];
      if (col === undefined) continue;
      const points = scaleForItem(f, item).points;
      const pick = picks[k++ % picks.length]!;
      // about one answer in six left blank
      if (pick % 6 === 5) continue;
      wb.setCell(entry.name, entry.firstDataRow + r, col, points[pick % points.length]!.value);
    }
  }
  return wb;
}

const cellsOf = (wb: MemoryWorkbook) => JSON.stringify([...wb.allCells()]);

export function runPreviousCase(c: PreviousCase): PreviousOutcome {
  const out: PreviousOutcome = { crash: null, lost: [], wrong: [] };
  try {
    const lastWb = review(c.frameworkId, c.last, c.picks, 0, 'review-last', '2025/26');
    const previous = previousFromSnapshot(lastWb.readNow({ tabs: [...READ_TABS] }));
    const now = review(c.frameworkId, c.now, c.picks, 17, 'review-now', '2026/27');
    const snap = () => now.readNow({ tabs: [...READ_TABS] });
    const refusedUnchanged = (what: string, given: typeof previous) => {
      const before = cellsOf(now);
      try {
        now.applyNow(planSummary(snap(), { today: TODAY, previous: given, fillPrevious: true, previousLabel: 'last.xlsx' }).plan);
        out.wrong.push(`${what} was not refused`);
      } catch (e) {
        if (!(e instanceof ReviewRequestError)) throw e;
      }
      if (cellsOf(now) !== before) out.lost.push(`a refused summarise (${what}) changed cells`);
    };
    if (c.action === 'other-framework') {
      const otherId = FRAMEWORKS[(FRAMEWORKS.indexOf(c.frameworkId) + 1) % FRAMEWORKS.length]!;
      refusedUnchanged(
        'another framework',
        previousFromSnapshot(review(otherId, 1, c.picks, 3, 'review-other', '2025/26').readNow({ tabs: [...READ_TABS] })),
      );
      return out;
    }
    if (c.action === 'same-review') {
      refusedUnchanged(
        'the same review',
        previousFromSnapshot(review(c.frameworkId, c.now, c.picks, 5, 'review-now', '2026/27').readNow({ tabs: [...READ_TABS] })),
      );
      return out;
    }
    const prevTab = readReview(snap()).layout.previous!;
    if (c.action === 'typed') {
      const row = prevTab.firstDataRow + (c.typedRow % Math.max(1, prevTab.lastRow - prevTab.firstDataRow + 1));
      now.setCell('Previous Review', row, 3, c.typedMean);
      const id = String(now.getCell('Previous Review', row, 1));
      const gives = id === 'overall' ? previous.overall : (previous.itemMeans[id] ?? previous.sectionMeans[id] ?? null);
      const same = gives !== null && gives !== undefined && Math.abs(gives - c.typedMean) < 1e-9;
      if (!same) {
        refusedUnchanged('a fill over a typed mean', previous);
        if (now.getCell('Previous Review', row, 3) !== c.typedMean)
          out.lost.push(`Previous Review!C${row}: typed ${c.typedMean}, now ${String(now.getCell('Previous Review', row, 3))}`);
        return out;
      }
    }
    now.applyNow(planSummary(snap(), { today: TODAY, previous, fillPrevious: true, previousLabel: 'last.xlsx' }).plan);
    const given = planSummary(snap(), { today: TODAY, previous }).summary.comparison;
    if (c.action === 'cleared') {
      for (let r = prevTab.firstDataRow; r <= prevTab.lastRow + 1; r++) now.setCell('Previous Review', r, 3, null);
      now.setCell('Previous Review', 2, 2, null);
      const after = planSummary(snap(), { today: TODAY }).summary;
      if (after.comparison) out.wrong.push('the comparison stayed after the means were cleared');
      return out;
    }
    // carried: the next plain summarise compares with the tab, giving what the workbook gave
    const carried = planSummary(snap(), { today: TODAY }).summary.comparison;
    const anyMean = Object.values(previous.itemMeans).some((m) => m !== null);
    if (!carried) {
      if (anyMean) out.wrong.push('no comparison on the run after the tab was filled');
      return out;
    }
    for (const [i, r] of carried.items.entries()) {
      const g = given!.items[i]!;
      const close = (a: number | null, b: number | null) => (a === null ? b === null : b !== null && Math.abs(a - b) < 1e-9);
      if (!close(r.previous, g.previous) || r.change !== g.change)
        out.wrong.push(`${r.id}: from the tab ${String(r.previous)} (${r.change}), from the workbook ${String(g.previous)} (${g.change})`);
    }
    const o = carried.overall;
    if (given && (o.change !== given.overall.change || (o.previous === null) !== (given.overall.previous === null)))
      out.wrong.push(`overall: from the tab ${o.change}, from the workbook ${given.overall.change}`);
  } catch (e) {
    out.crash = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  return out;
}
