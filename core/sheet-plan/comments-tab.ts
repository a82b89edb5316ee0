/**
 * The Comments tab (mode 'replace', issue #13): the comments given with the scores, grouped by item and by the score
 * they came with (seed 000 "Specific comments"). They used to close the Summary and took most of its printed pages;
 * on a tab of their own the Summary prints compactly and the comments print on their own, in full. The tab is
 * rebuilt with the Summary each time people summarise and is proven the add-in's own the same way: its first rows
 * (the title and the "Built by Partnership Review" line) are its marker, fingerprinted in PR_Meta (`mark:comments`).
 */
import type { Framework } from '../framework/schema.js';
import { STYLE, ukDate, val } from './cells.js';
import { TAB, tabOrder } from './layout.js';
import { settlePrint } from './print.js';
import { commentEntries } from './summary-lists.js';
import type { SummaryInput } from './summary.js';
import { newTab, setWidth } from './tab.js';
import type { TabPlan } from './types.js';
import { TabWriter } from './writer.js';

/** Rows of the tab: title, the "Built by" line, the header (repeated on every printed page), the comments. */
export const COMMENTS_ROWS = { title: 1, note: 2, header: 3, first: 4 } as const;
const LABEL_WIDTH = 24;
const TEXT_WIDTH = 100;

/** A framework has a Comments tab when any of its items takes a comment with its score. */
export function hasCommentsTab(framework: Framework): boolean {
  return tabOrder(framework).some((t) => t.key === 'comments');
}

export function buildCommentsTab(input: Pick<SummaryInput, 'framework' | 'cycle' | 'today' | 'report'>): TabPlan {
  const tab = newTab(TAB.comments, 'comments', 'replace');
  tab.tabColour = '#ED7D31';
  const w = new TabWriter(tab);
  w.rows([
    [val(`${input.framework.title}: comments given with the scores (${input.cycle})`)],
    [
      val(
        `Built by Partnership Review on ${ukDate(input.today)}. This tab is rebuilt each time you summarise, so do not type here: the comments are typed on the ${TAB.entry} tab.`,
      ),
    ],
    [val('Item, and the score given'), val('Comments (each one as typed)')],
  ]);
  w.format(COMMENTS_ROWS.title, 1, 1, 2, { ...STYLE.title, wrap: true, vAlign: 'top' });
  tab.merges.push({ row: COMMENTS_ROWS.title, col: 1, rows: 1, cols: 2 });
  // the note wraps within the two columns (spilling past them it printed on a page of its own)
  w.format(COMMENTS_ROWS.note, 1, 1, 2, { ...STYLE.note, wrap: true, vAlign: 'top' });
  tab.merges.push({ row: COMMENTS_ROWS.note, col: 1, rows: 1, cols: 2 });
  tab.rowHeights = [{ row: COMMENTS_ROWS.note, height: 33, fit: true }];
  w.format(COMMENTS_ROWS.header, 1, 1, 2, STYLE.header);
  w.textCols = 1;
  w.textChars = TEXT_WIDTH;
  w.labelChars = LABEL_WIDTH - 2;
  const entries = commentEntries(input);
  if (entries.length === 0) w.rows([[val(null), val('No comments were given with the scores yet.')]]);
  else w.textRows(entries);
  setWidth(tab, 1, LABEL_WIDTH);
  setWidth(tab, 2, TEXT_WIDTH);
  tab.freeze = { rows: COMMENTS_ROWS.header, cols: 0 };
  // a fixed scale (the widest that fits the page, never under 7 pt): fitted to the width, LibreOffice laid the pages
  // out at one scale and printed them at another, leaving a blank page at the end when the last page was full
  tab.print = { orientation: 'landscape', fitToWidth: false, titleRows: { from: COMMENTS_ROWS.title, to: COMMENTS_ROWS.header } };
  tab.print.area = { row: 1, col: 1, rows: w.row - 1, cols: 2 };
  settlePrint(tab);
  return tab;
}
