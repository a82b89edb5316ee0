/**
 * Workshop Notes (partnership-tree, seed 000): the strengths and areas for improvement the group agreed, per
 * characteristic (section). Rows: 1 title, 2 note, 3 headers, 4 hidden keys, 5… one row per section.
 */
import type { Framework } from '../framework/schema.js';
import { STYLE, blank, val } from './cells.js';
import { TAB, TABLE_ROWS } from './layout.js';
import { block, newTab, setWidth } from './tab.js';
import type { PlanCell, TabPlan } from './types.js';
import { settlePrint } from './print.js';

export const NOTES_HEADERS = { strengths: 'Strengths', areasForImprovement: 'Areas for improvement' } as const;

export interface NotesColumn {
  key: 'section' | 'title' | 'strengths' | 'areasForImprovement';
  col: number;
  header: string;
}

export function notesColumns(framework: Framework): NotesColumn[] {
  const cols: NotesColumn[] = [
    { key: 'section', col: 1, header: 'Id' },
    { key: 'title', col: 2, header: 'Characteristic' },
  ];
  for (const k of framework.sectionFreeText) cols.push({ key: k, col: cols.length + 1, header: NOTES_HEADERS[k] });
  return cols;
}

export function buildWorkshopNotesTab(framework: Framework, opts: { cycle: string; protect: boolean }): TabPlan {
  const tab = newTab(TAB.notes, 'entry', 'create');
  tab.tabColour = '#70AD47';
  const cols = notesColumns(framework);
  const w = cols.length;
  const R = TABLE_ROWS;
  tab.blocks.push(
    block(1, 1, [
      [val(`${framework.title}: strengths and areas for improvement (${opts.cycle})`)],
      [val('Record what the group agreed for each one. Use a new line for each point.')],
      cols.map((c) => val(c.header)),
      cols.map((c) => val(c.key)),
    ]),
  );
  const ids: PlanCell[][] = framework.sections.map((s) => [val(s.id), val(s.title)]);
  tab.blocks.push(block(R.firstData, 1, ids));
  const n = framework.sections.length;
  if (w > 2)
    tab.blocks.push(
      block(
        R.firstData,
        3,
        framework.sections.map(() => Array.from({ length: w - 2 }, () => blank)),
        'input',
      ),
    );
  tab.formats.push(
    { range: { row: R.title, col: 1, rows: 1, cols: 1 }, format: STYLE.title },
    { range: { row: R.note, col: 1, rows: 1, cols: 1 }, format: STYLE.note },
    { range: { row: R.header, col: 1, rows: 1, cols: w }, format: STYLE.header },
    { range: { row: R.key, col: 1, rows: 1, cols: w }, format: STYLE.key },
    { range: { row: R.firstData, col: 1, rows: n, cols: 2 }, format: { ...STYLE.generated, bold: true } },
    { range: { row: R.firstData, col: 1, rows: n, cols: w }, format: { wrap: true, vAlign: 'top', border: 'thin' } },
  );
  if (w > 2) tab.formats.push({ range: { row: R.firstData, col: 3, rows: n, cols: w - 2 }, format: { numberFormat: '@' } });
  tab.hiddenRows = [R.key];
  tab.rowHeights = [{ row: R.key, height: 3 }, ...framework.sections.map((_, i) => ({ row: R.firstData + i, height: 90 }))];
  setWidth(tab, 1, 14);
  setWidth(tab, 2, 22);
  for (let c = 3; c <= w; c++) setWidth(tab, c, 60);
  tab.freeze = { rows: R.key, cols: 2 };
  if (opts.protect)
    tab.protection = {
      protect: true,
      editable: w > 2 ? [{ row: R.firstData, col: 3, rows: n, cols: w - 2 }] : [],
      description: 'Type in the Strengths and Areas for improvement columns.',
    };
  tab.print = { orientation: 'landscape', fitToWidth: true, titleRows: { from: R.header, to: R.header } };
  settlePrint(tab);
  return tab;
}
