/** The charts of a tab, floated over the grid at their anchor cells (measured once the cells are drawn). */
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { CellValue } from '../../core/review/types.js';
import type { ChartSpec } from '../../core/sheet-plan/types.js';
import { a1 } from '../../core/util/a1.js';
import { chartModel } from './chart-model.js';
import { ChartView } from './ChartView.js';

export function ChartLayer(props: {
  charts: readonly ChartSpec[];
  values: CellValue[][];
  table: RefObject<HTMLTableElement | null>;
  version: number;
}) {
  const [spots, setSpots] = useState<Record<string, { left: number; top: number }>>({});
  const { charts, table, version } = props;
  useLayoutEffect(() => {
    const next: Record<string, { left: number; top: number }> = {};
    for (const c of charts) {
      const td = table.current?.querySelector<HTMLElement>(`td[data-cell="${a1(c.anchor.row, c.anchor.col)}"]`);
      if (td) next[c.id] = { left: td.offsetLeft, top: td.offsetTop };
    }
    // measuring drawn cells after layout is what a layout effect is for; unchanged spots keep the old state (no re-render)
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSpots((old) => (JSON.stringify(old) === JSON.stringify(next) ? old : next));
  }, [charts, table, version, props.values]);
  return (
    <>
      {charts.map((c) => {
        const spot = spots[c.id];
        if (!spot) return null;
        return (
          <div key={c.id} style={{ position: 'absolute', left: spot.left + 8, top: spot.top + 4, zIndex: 0 }} data-chart={c.id}>
            <ChartView model={chartModel(c, props.values)} width={c.width} height={c.height} />
          </div>
        );
      })}
    </>
  );
}
