/**
 * The browser preview's workbook, drawn beside the pane: a formula bar (cell address and value), the cells of the
 * tab shown with A1 headers, and the tab strip. Cells are editable like a spreadsheet: select a cell and type (or
 * press Enter, F2 or double-click to edit what is there); Enter or Tab commits, Escape cancels, Delete clears.
 * Arrow keys move between cells; Tab, when not editing, leaves the grid (one cell is in the tab order), so the
 * grid never traps the keyboard.
 * The cell chosen from the problems list is selected and scrolled into view.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CellRef, CellValue } from '../../core/review/types.js';
import { a1, columnLetter } from '../../core/util/a1.js';
import { cellCss, formatValue } from './cell-style.js';
import { ChartLayer } from './ChartLayer.js';
import { columnWidths, gridSize, MAX_DRAWN_ROWS, mergeMap } from './grid-layout.js';
import type { PreviewHost } from './preview-host.js';
import { displayValue, editText, typedValue } from './typed-value.js';
import { usePreviewSnapshot, usePreviewState } from './usePreview.js';

const useStyles = makeStyles({
  book: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  bar: {
    display: 'flex',
    alignItems: 'stretch',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    minHeight: '28px',
  },
  nameBox: {
    width: '88px',
    flexShrink: 0,
    display: 'flex',
    alignItems: 'center',
    paddingLeft: tokens.spacingHorizontalS,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontFamily: tokens.fontFamilyMonospace,
  },
  formula: {
    flexGrow: 1,
    display: 'flex',
    alignItems: 'center',
    paddingLeft: tokens.spacingHorizontalS,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
  },
  scroller: {
    flexGrow: 1,
    overflow: 'auto',
    position: 'relative',
    // keep cells brought into view clear of the sticky row and column headers
    scrollPaddingLeft: '44px',
    scrollPaddingTop: '24px',
  },
  sheet: { position: 'relative', width: 'max-content' },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
  },
  corner: {
    position: 'sticky',
    top: 0,
    left: 0,
    zIndex: 3,
    width: '44px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    height: '22px',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'center',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'center',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  headActive: {
    backgroundColor: tokens.colorNeutralBackground3Selected,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    height: '22px',
    paddingTop: 0,
    paddingBottom: 0,
    paddingLeft: '4px',
    paddingRight: '4px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    cursor: 'cell',
    outlineStyle: 'none',
  },
  spill: { overflow: 'visible', textOverflow: 'clip' },
  wrap: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    textOverflow: 'clip',
    verticalAlign: 'top',
    paddingTop: '2px',
    paddingBottom: '2px',
  },
  notice: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorBrandBackground2,
  },
  editor: {
    width: '100%',
    height: '20px',
    boxSizing: 'border-box',
    border: 'none',
    outlineStyle: 'none',
    padding: 0,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  tabs: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: '2px',
    rowGap: '2px',
    paddingLeft: tokens.spacingHorizontalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: '32px',
    alignItems: 'flex-start',
  },
  tab: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    border: 'none',
    borderBottom: `${tokens.strokeWidthThick} solid transparent`,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover, color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  tabActive: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  clipped: {
    paddingLeft: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

/** Width of the row numbers column, in pixels. */
const ROW_HEAD_WIDTH = 44;

interface Editing {
  at: CellRef;
  text: string;
}

function same(a: CellRef | null, sheet: string, row: number, col: number): boolean {
  return a !== null && a.sheet === sheet && a.row === row && a.col === col;
}

export function WorkbookGrid(props: { host: PreviewHost }) {
  const { host } = props;
  const styles = useStyles();
  const state = usePreviewState(host);
  const snapshot = usePreviewSnapshot(host, state.dataVersion);
  const [editing, setEditing] = useState<Editing | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const visibleTabs = useMemo(() => snapshot.tabNames.filter((n) => !snapshot.tabs[n]?.hidden), [snapshot]);
  const tab = state.activeTab && visibleTabs.includes(state.activeTab) ? state.activeTab : (visibleTabs[0] ?? null);
  const values = useMemo<CellValue[][]>(() => (tab && snapshot.tabs[tab]?.values) || [], [tab, snapshot]);
  const size = gridSize(values);
  // dataVersion is the cache key: the layout is read again only when cells changed
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const layout = useMemo(() => (tab ? host.layoutOf(tab) : null), [host, tab, state.dataVersion]);
  const widths = useMemo(() => columnWidths(values, size.cols, layout?.widths), [values, size.cols, layout]);
  const merged = useMemo(() => mergeMap(layout?.merges ?? [], layout?.hiddenRows, layout?.hiddenColumns), [layout]);
  const rowShown = (row: number) => !layout?.hiddenRows.has(row);
  const colShown = (col: number) => !layout?.hiddenColumns.has(col);
  const sel = state.selection && state.selection.sheet === tab ? state.selection : null;
  const valueAt = (row: number, col: number): CellValue => values[row - 1]?.[col - 1] ?? null;

  // a tab opens at its top-left cell, as in Excel
  useEffect(() => {
    scroller.current?.scrollTo({ left: 0, top: 0 });
  }, [tab]);

  // bring the selected cell into view (a problem chosen in the pane)
  const selRow = sel?.row;
  const selCol = sel?.col;
  useEffect(() => {
    if (selRow === undefined || selCol === undefined || !scroller.current) return;
    const el = scroller.current.querySelector<HTMLElement>(`[data-cell="${a1(selRow, selCol)}"]`);
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selRow, selCol, tab, snapshot]);

  // focus moves at once, so keys typed quickly land in the next cell (as in Excel), not on the page
  const focusCell = (row: number, col: number) => {
    scroller.current?.querySelector<HTMLElement>(`[data-cell="${a1(row, col)}"]`)?.focus();
  };

  const move = (row: number, col: number) => {
    if (!tab) return;
    const r = Math.min(Math.max(row, 1), size.rows);
    const c = Math.min(Math.max(col, 1), size.cols);
    host.highlight({ sheet: tab, row: r, col: c });
    focusCell(r, c);
  };

  // the edit in progress, for commit to claim exactly once (Enter, then the blur of the removed box)
  const pending = useRef<Editing | null>(null);
  const edit = (next: Editing | null) => {
    pending.current = next;
    setEditing(next);
  };

  /** Write what was typed; then move down (Enter), right (Tab) or nowhere (the box lost focus). */
  const commit = (then: 'down' | 'right' | 'none') => {
    const e = pending.current;
    if (!e) return;
    edit(null);
    if (e.text !== editText(valueAt(e.at.row, e.at.col)) && !host.type(e.at, typedValue(e.text))) {
      // refused (a protected cell): stay on it, with the notice showing
      if (then !== 'none') focusCell(e.at.row, e.at.col);
      return;
    }
    if (then === 'down') move(e.at.row + 1, e.at.col);
    else if (then === 'right') move(e.at.row, e.at.col + 1);
  };

  const onCellKey = (ev: KeyboardEvent<HTMLTableCellElement>, row: number, col: number) => {
    if (!tab) return;
    const at = { sheet: tab, row, col };
    const k = ev.key;
    const plain = k.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey;
    const typing = pending.current;
    if (typing) {
      // an edit has started but its box is not showing yet: keep every key typed meanwhile
      if (k === 'Enter') commit('down');
      else if (k === 'Tab') commit('right');
      else if (k === 'Escape') {
        edit(null);
      } else if (plain) {
        const next = { at: typing.at, text: typing.text + k };
        edit(next);
      } else return;
      ev.preventDefault();
      return;
    }
    const start = (text: string) => {
      const next = { at, text };
      edit(next);
    };
    if (k === 'ArrowDown') move(row + 1, col);
    else if (k === 'ArrowUp') move(row - 1, col);
    else if (k === 'ArrowLeft') move(row, col - 1);
    else if (k === 'ArrowRight') move(row, col + 1);
    else if (k === 'Enter' || k === 'F2') start(editText(valueAt(row, col)));
    else if (k === 'Delete' || k === 'Backspace') host.type(at, null);
    else if (plain) start(k);
    else return;
    ev.preventDefault();
  };

  if (!tab) {
    return (
      <div className={styles.book}>
        <Caption1 className={styles.empty}>The workbook is empty. Create a review in the pane to add its tabs.</Caption1>
      </div>
    );
  }
  const selValue = sel ? valueAt(sel.row, sel.col) : null;
  const selFormula = sel ? host.formulaAt(sel.sheet, sel.row, sel.col) : undefined;
  return (
    <div className={styles.book} data-testid="workbook">
      <div className={styles.bar}>
        <div className={styles.nameBox} aria-label="Selected cell" data-testid="name-box">
          {sel ? a1(sel.row, sel.col) : ''}
        </div>
        <div className={styles.formula} aria-label="Cell contents" data-testid="formula-bar">
          {sel ? (selFormula ?? displayValue(selValue)) : ''}
        </div>
      </div>
      {state.notice ? (
        <div className={styles.notice} role="alert">
          {state.notice}
        </div>
      ) : null}
      <div className={styles.scroller} ref={scroller}>
        <div className={styles.sheet}>
          <table
            ref={tableRef}
            className={styles.table}
            style={{ width: ROW_HEAD_WIDTH + widths.reduce((sum, w, i) => sum + (colShown(i + 1) ? w : 0), 0) }}
            role="grid"
            aria-label={`${tab} tab`}
            aria-rowcount={size.rows + 1}
            aria-colcount={size.cols + 1}
            data-tab={tab}
          >
            <colgroup>
              <col style={{ width: ROW_HEAD_WIDTH }} />
              {widths.map((w, i) => (colShown(i + 1) ? <col key={i} style={{ width: w }} /> : null))}
            </colgroup>
            <thead>
              <tr>
                <th className={styles.corner} aria-hidden="true" />
                {widths.map((_, i) =>
                  colShown(i + 1) ? (
                    <th key={i} scope="col" className={mergeClasses(styles.colHead, sel?.col === i + 1 && styles.headActive)}>
                      {columnLetter(i + 1)}
                    </th>
                  ) : null,
                )}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: size.rows }, (_, ri) => {
                const row = ri + 1;
                if (!rowShown(row)) return null;
                return (
                  <tr key={row}>
                    <th scope="row" className={mergeClasses(styles.rowHead, sel?.row === row && styles.headActive)}>
                      {row}
                    </th>
                    {widths.map((_, ci) => {
                      const col = ci + 1;
                      if (!colShown(col) || merged.covered.has(`${row}:${col}`)) return null;
                      const span = merged.anchors.get(`${row}:${col}`);
                      const v = valueAt(row, col);
                      const isSel = same(sel, tab, row, col);
                      const isEditing = editing !== null && same(editing.at, tab, row, col);
                      const ref = a1(row, col);
                      const format = host.formatAt(tab, row, col, v);
                      const shown = formatValue(v, format.numberFormat);
                      // as in Excel, text runs on over empty cells to its right
                      const spills = typeof v === 'string' && !format.wrap && !span && valueAt(row, col + 1) === null;
                      return (
                        <td
                          key={col}
                          role="gridcell"
                          colSpan={span?.colSpan}
                          rowSpan={span?.rowSpan}
                          data-cell={ref}
                          data-value={v === null ? '' : String(v)}
                          aria-selected={isSel}
                          aria-label={`${ref} ${shown}`}
                          tabIndex={isSel || (!sel && row === 1 && col === 1) ? 0 : -1}
                          title={v !== null && typeof v === 'string' && v.length > 20 ? v : undefined}
                          style={cellCss(format, v)}
                          className={mergeClasses(
                            styles.cell,
                            format.wrap && styles.wrap,
                            spills && styles.spill,
                            isSel && styles.selected,
                          )}
                          onMouseDown={() => host.highlight({ sheet: tab, row, col })}
                          onDoubleClick={() => edit({ at: { sheet: tab, row, col }, text: editText(v) })}
                          onKeyDown={(ev) => onCellKey(ev, row, col)}
                        >
                          {isEditing && editing ? (
                            <input
                              className={styles.editor}
                              autoFocus
                              aria-label={`Edit ${ref}`}
                              value={editing.text}
                              onChange={(ev) => edit({ at: editing.at, text: ev.target.value })}
                              onFocus={(ev) => {
                                const end = ev.target.value.length; // keep typing after what is already there
                                ev.target.setSelectionRange(end, end);
                              }}
                              onBlur={() => commit('none')}
                              onKeyDown={(ev) => {
                                if (ev.key === 'Enter') commit('down');
                                else if (ev.key === 'Tab') commit('right');
                                else if (ev.key === 'Escape') {
                                  edit(null);
                                  focusCell(row, col);
                                } else return;
                                ev.preventDefault();
                                ev.stopPropagation();
                              }}
                            />
                          ) : (
                            shown
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <ChartLayer charts={layout?.charts ?? []} values={values} table={tableRef} version={state.version} />
        </div>
      </div>
      {size.clipped ? (
        <Caption1 className={styles.clipped}>
          The preview shows the first {MAX_DRAWN_ROWS} rows of this tab; the workbook keeps every row.
        </Caption1>
      ) : null}
      <div className={styles.tabs} role="tablist" aria-label="Tabs">
        {visibleTabs.map((n) => (
          <button
            key={n}
            type="button"
            role="tab"
            aria-selected={n === tab}
            className={mergeClasses(styles.tab, n === tab && styles.tabActive)}
            onClick={() => {
              edit(null);
              host.showTab(n);
            }}
          >
            {n}
          </button>
        ))}
      </div>
    </div>
  );
}
