/**
 * Previous Review: the means of the last review, pasted or filled from last cycle's workbook, so the Summary can
 * show the change. Rows: 1 title, 2 previous cycle, 3 headers, 4 hidden keys, 5… items, then sections.
 */
import type { Framework } from '../framework/schema.js';
import type { PreviousReview } from '../review/types.js';
import { STYLE, blank, val } from './cells.js';
import { TAB, scoredItems } from './layout.js';
import { block, newTab, setWidth } from './tab.js';
import type { PlanCell, TabPlan } from './types.js';
import { settlePrint } from './print.js';

export const PREVIOUS_ROWS = { title: 1, cycle: 2, header: 3, key: 4, firstData: 5 } as const;
export const PREVIOUS_KEYS = ['id', 'name', 'mean'] as const;

const NOTE = "Type or paste each mean; leave blank when it was not scored. The command line can fill this from last cycle's workbook.";
/** Column C (the means) is wide enough for the note to wrap in a few lines instead of spilling across the page. */
const MEAN_WIDTH = 24;

export function previousRows(framework: Framework): { id: string; name: string; kind: 'item' | 'section' }[] {
  const out: { id: string; name: string; kind: 'item' | 'section' }[] = [];
  for (const { item } of scoredItems(framework)) out.push({ id: item.id, name: item.text, kind: 'item' });
  const scoredSections = new Set(scoredItems(framework).map((x) => x.section.id));
  for (const s of framework.sections) {
    // a section that is its own single item (partnership-tree) takes the item's mean
    if (!scoredSections.has(s.id) || (s.items.length === 1 && s.items[0]!.id === s.id)) continue;
    out.push({ id: s.id, name: `Section: ${s.title}`, kind: 'section' });
  }
  return out;
}

export function buildPreviousTab(framework: Framework, opts: { previous?: PreviousReview | null; protect: boolean }): TabPlan {
  const tab = newTab(TAB.previous, 'previous', 'create');
  tab.tabColour = '#A5A5A5';
  const R = PREVIOUS_ROWS;
  const rows = previousRows(framework);
  const prev = opts.previous ?? null;
  tab.blocks.push(
    block(1, 1, [
      [val('Previous review: the means from the last cycle, for comparison on the Summary')],
      [val('Previous cycle'), blank, val(NOTE)],
      [val('Id'), val('Item'), val('Previous mean')],
      PREVIOUS_KEYS.map((k) => val(k)),
    ]),
  );
  tab.blocks.push(block(R.cycle, 2, [[val(prev?.cycle ?? null)]], 'input'));
  tab.blocks.push(block(R.firstData, 1, rows.map((r) => [val(r.id), val(r.name)])));
  const means: PlanCell[][] = rows.map((r) => [val(prev ? ((r.kind === 'item' ? prev.itemMeans[r.id] : prev.sectionMeans[r.id]) ?? null) : null)]);
  tab.blocks.push(block(R.firstData, 3, means, 'input'));
  tab.formats.push(
    { range: { row: R.title, col: 1, rows: 1, cols: 1 }, format: STYLE.title },
    { range: { row: R.cycle, col: 1, rows: 1, cols: 1 }, format: { bold: true, vAlign: 'top' } },
    { range: { row: R.cycle, col: 2, rows: 1, cols: 1 }, format: { ...STYLE.input, numberFormat: '@' } },
    // wrapped: a note spilling to the right widens the printed page (LibreOffice then shrinks it to fit)
    { range: { row: R.cycle, col: 3, rows: 1, cols: 1 }, format: { ...STYLE.note, wrap: true, vAlign: 'top' } },
    { range: { row: R.header, col: 1, rows: 1, cols: 3 }, format: STYLE.header },
    { range: { row: R.key, col: 1, rows: 1, cols: 3 }, format: STYLE.key },
    { range: { row: R.firstData, col: 1, rows: rows.length, cols: 2 }, format: { ...STYLE.generated, wrap: true } },
    { range: { row: R.firstData, col: 1, rows: rows.length, cols: 1 }, format: { numberFormat: '@' } },
    { range: { row: R.firstData, col: 3, rows: rows.length, cols: 1 }, format: { ...STYLE.input, numberFormat: '0.00' } },
  );
  tab.validations.push({ range: { row: R.firstData, col: 3, rows: rows.length, cols: 1 }, rule: { kind: 'number', min: -1e9, max: 1e9, integer: false, prompt: 'The mean from the last review.', error: 'Type a number (the mean), or leave it blank.' } });
  tab.hiddenRows = [R.key];
  const noteLines = Math.ceil(NOTE.length / (MEAN_WIDTH - 2));
  tab.rowHeights = [{ row: R.cycle, height: noteLines * 15, fit: true }, { row: R.key, height: 3 }];
  setWidth(tab, 1, 12);
  setWidth(tab, 2, 70);
  setWidth(tab, 3, MEAN_WIDTH);
  tab.freeze = { rows: R.key, cols: 0 };
  if (opts.protect) tab.protection = { protect: true, editable: [{ row: R.cycle, col: 2, rows: 1, cols: 1 }, { row: R.firstData, col: 3, rows: rows.length, cols: 1 }], description: 'Type the previous cycle and means.' };
  tab.print = { orientation: 'portrait', fitToWidth: true, titleRows: { from: R.header, to: R.header } };
  settlePrint(tab);
  return tab;
}
