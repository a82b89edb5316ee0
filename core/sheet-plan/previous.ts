/**
 * Previous Review: the means of the last review, pasted or filled from last cycle's workbook, so the Summary can
 * show the change. Rows: 1 title, 2 previous cycle, 3 headers, 4 hidden keys, 5… items, then sections.
 */
import type { Framework } from '../framework/schema.js';
import type { PreviousFigures, PreviousReview } from '../review/types.js';
import { STYLE, blank, val } from './cells.js';
import { TAB, scoredItems } from './layout.js';
import { block, newTab, setWidth } from './tab.js';
import type { PlanCell, TabPlan } from './types.js';
import { settlePrint } from './print.js';

export const PREVIOUS_ROWS = { title: 1, cycle: 2, header: 3, key: 4, firstData: 5 } as const;
export const PREVIOUS_KEYS = ['id', 'name', 'mean'] as const;
/** The id of the overall row (after the sections). */
export const PREVIOUS_OVERALL_ID = 'overall';
/** Key of a partnership's own means column: `mean@<partnership>` (issue #11). */
export const PARTNERSHIP_MEAN_KEY = 'mean@';

export const PREVIOUS_NOTE =
  "Paste last cycle's means in column C, in the order of column A (or fill this tab with summarise --previous). The Summary compares with them until you clear them.";
const NOTE = PREVIOUS_NOTE;
/** Column C (the means) is wide enough for the note to wrap in a few lines instead of spilling across the page. */
const MEAN_WIDTH = 24;

export function previousRows(framework: Framework): { id: string; name: string; kind: 'item' | 'section' | 'overall' }[] {
  const out: { id: string; name: string; kind: 'item' | 'section' | 'overall' }[] = [];
  for (const { item } of scoredItems(framework)) out.push({ id: item.id, name: item.text, kind: 'item' });
  const scoredSections = new Set(scoredItems(framework).map((x) => x.section.id));
  for (const s of framework.sections) {
    // a section that is its own single item (partnership-tree) takes the item's mean
    if (!scoredSections.has(s.id) || (s.items.length === 1 && s.items[0]!.id === s.id)) continue;
    out.push({ id: s.id, name: `Section: ${s.title}`, kind: 'section' });
  }
  const taken = new Set(framework.sections.flatMap((s) => [s.id, ...s.items.map((i) => i.id)]));
  if (out.length > 0 && !taken.has(PREVIOUS_OVERALL_ID)) out.push({ id: PREVIOUS_OVERALL_ID, name: 'Overall', kind: 'overall' });
  return out;
}

/** The mean a row of the tab takes from a previous review (or one partnership of it). */
export function previousFigure(figures: PreviousFigures, row: { id: string; kind: 'item' | 'section' | 'overall' }): number | null {
  const v = row.kind === 'item' ? figures.itemMeans[row.id] : row.kind === 'section' ? figures.sectionMeans[row.id] : figures.overall;
  return v === undefined || v === null || !Number.isFinite(v) ? null : v;
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
  tab.blocks.push(
    block(
      R.firstData,
      1,
      rows.map((r) => [val(r.id), val(r.name)]),
    ),
  );
  const means: PlanCell[][] = rows.map((r) => [val(prev ? previousFigure(prev, r) : null)]);
  tab.blocks.push(block(R.firstData, 3, means, 'input'));
  // where the previous review kept figures per partnership: a column of means for each, beside the whole review's
  const partnerships = Object.entries(prev?.partnerships ?? {});
  partnerships.forEach(([name, figures], i) => {
    const col = 4 + i;
    tab.blocks.push(block(R.header, col, [[val(`Previous mean: ${name}`)], [val(`${PARTNERSHIP_MEAN_KEY}${name}`)]]));
    tab.blocks.push(
      block(
        R.firstData,
        col,
        rows.map((r) => [val(previousFigure(figures, r))]),
        'input',
      ),
    );
    tab.formats.push(
      { range: { row: R.header, col, rows: 1, cols: 1 }, format: { ...STYLE.header, wrap: true } },
      { range: { row: R.key, col, rows: 1, cols: 1 }, format: STYLE.key },
      { range: { row: R.firstData, col, rows: rows.length, cols: 1 }, format: { ...STYLE.input, numberFormat: '0.00' } },
    );
    setWidth(tab, col, 18);
  });
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
  tab.validations.push({
    range: { row: R.firstData, col: 3, rows: rows.length, cols: 1 + partnerships.length },
    rule: {
      kind: 'number',
      min: -1e9,
      max: 1e9,
      integer: false,
      prompt: 'The mean from the last review.',
      error: 'Type a number (the mean), or leave it blank.',
    },
  });
  tab.hiddenRows = [R.key];
  const noteLines = Math.ceil(NOTE.length / (MEAN_WIDTH - 2));
  tab.rowHeights = [
    { row: R.cycle, height: noteLines * 15, fit: true },
    { row: R.key, height: 3 },
  ];
  setWidth(tab, 1, 12);
  setWidth(tab, 2, 70);
  setWidth(tab, 3, MEAN_WIDTH);
  tab.freeze = { rows: R.key, cols: 0 };
  if (opts.protect)
    tab.protection = {
      protect: true,
      editable: [
        { row: R.cycle, col: 2, rows: 1, cols: 1 },
        { row: R.firstData, col: 3, rows: rows.length, cols: 1 + partnerships.length },
      ],
      description: 'Type the previous cycle and means.',
    };
  tab.print = { orientation: 'portrait', fitToWidth: true, titleRows: { from: R.header, to: R.header } };
  settlePrint(tab);
  return tab;
}
