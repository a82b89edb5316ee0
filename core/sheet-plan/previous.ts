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
import { previousThemeFigure, registerKind } from '../scoring/register-compare.js';
import { NO_THEME } from '../scoring/register.js';
import { nameKey } from '../scoring/names.js';

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

export type PreviousRowKind = 'item' | 'section' | 'theme' | 'overall';
export interface PreviousRow {
  id: string;
  name: string;
  kind: PreviousRowKind;
}

/**
 * The rows of the Previous Review tab: items, sections and Overall for a questionnaire; for a tracker or risk
 * register (issue #16) its themes — the framework's, then any other theme `previous` gives — and Overall.
 */
export function previousRows(framework: Framework, previous?: PreviousFigures | null): PreviousRow[] {
  if (scoredItems(framework).length === 0 && registerKind(framework)) return registerPreviousRows(framework, previous);
  const out: PreviousRow[] = [];
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

function registerPreviousRows(framework: Framework, previous?: PreviousFigures | null): PreviousRow[] {
  const label = framework.register?.groupLabel ?? 'Theme';
  const themes = [...(framework.register?.groups ?? [])];
  const keys = new Set(themes.map(nameKey));
  for (const t of Object.keys(previous?.themeMeans ?? {})) {
    if (t === NO_THEME || keys.has(nameKey(t)) || nameKey(t) === PREVIOUS_OVERALL_ID) continue;
    keys.add(nameKey(t));
    themes.push(t);
  }
  return [
    ...themes.map((t) => ({ id: t, name: `${label}: ${t}`, kind: 'theme' as const })),
    { id: PREVIOUS_OVERALL_ID, name: 'Overall (every row of the register)', kind: 'overall' },
  ];
}

/** The mean a row of the tab takes from a previous review (or one partnership of it). */
export function previousFigure(figures: PreviousFigures, row: { id: string; kind: PreviousRowKind }): number | null {
  if (row.kind === 'theme') return previousThemeFigure(figures, row.id);
  const v = row.kind === 'item' ? figures.itemMeans[row.id] : row.kind === 'section' ? figures.sectionMeans[row.id] : figures.overall;
  return v === undefined || v === null || !Number.isFinite(v) ? null : v;
}

/** What the tab's title and mean column call the figure: the means of a questionnaire, or a register's. */
function wording(framework: Framework): { title: string; first: string; header: string; prompt: string } {
  const kind = scoredItems(framework).length === 0 ? registerKind(framework) : null;
  const group = (framework.register?.groupLabel ?? 'theme').toLowerCase();
  if (kind === 'tracker')
    return {
      title: `Previous review: the mean achievement score per ${group} from the last cycle (5 achieved … 1 not achieved), for comparison on the Summary`,
      first: 'Theme',
      header: 'Previous mean achievement',
      prompt: 'The mean achievement score from the last review.',
    };
  if (kind === 'risk')
    return {
      title: `Previous review: the mean risk level per ${group} from the last cycle (Green 1, Amber 2, Red 3), for comparison on the Summary`,
      first: framework.register?.groupLabel ?? 'Theme',
      header: 'Previous mean risk level',
      prompt: 'The mean risk level from the last review (Green 1, Amber 2, Red 3).',
    };
  return {
    title: 'Previous review: the means from the last cycle, for comparison on the Summary',
    first: 'Item',
    header: 'Previous mean',
    prompt: 'The mean from the last review.',
  };
}

export function buildPreviousTab(framework: Framework, opts: { previous?: PreviousReview | null; protect: boolean }): TabPlan {
  const tab = newTab(TAB.previous, 'previous', 'create');
  tab.tabColour = '#A5A5A5';
  const R = PREVIOUS_ROWS;
  const prev = opts.previous ?? null;
  const rows = previousRows(framework, prev);
  const words = wording(framework);
  tab.blocks.push(
    block(1, 1, [
      [val(words.title)],
      [val('Previous cycle'), blank, val(NOTE)],
      [val('Id'), val(words.first), val(words.header)],
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
      prompt: words.prompt,
      error: 'Type a number (the mean), or leave it blank.',
    },
  });
  tab.hiddenRows = [R.key];
  const noteLines = Math.ceil(NOTE.length / (MEAN_WIDTH - 2));
  tab.rowHeights = [
    { row: R.cycle, height: noteLines * 15, fit: true },
    { row: R.key, height: 3 },
  ];
  // a register's ids are its themes' names
  setWidth(tab, 1, rows.some((r) => r.kind === 'theme') ? 26 : 12);
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
