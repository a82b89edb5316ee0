/**
 * A sheet plan's chart drawn in the preview grid, where Excel would float it over the cells: an SVG column or bar
 * chart with its title, gridlines and category labels. Its colours are the workbook's (Excel's default series
 * blue on white), like the cells around it.
 */
import type { ChartModel } from './chart-model.js';

const SERIES = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000'];
const TEXT = '#404040';
const GRID = '#D9D9D9';

function label(n: number): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

export function ChartView(props: { model: ChartModel; width: number; height: number }) {
  const { model: m, width, height } = props;
  const pad = { top: 36, right: 16, bottom: m.kind === 'column' ? 56 : 16, left: m.kind === 'column' ? 40 : 140 };
  const plotW = Math.max(10, width - pad.left - pad.right);
  const plotH = Math.max(10, height - pad.top - pad.bottom);
  const span = m.max - m.min || 1;
  const n = Math.max(1, m.categories.length);
  const groups = m.series.length || 1;
  const band = (m.kind === 'column' ? plotW : plotH) / n;
  const barSize = (band * 0.7) / groups;
  const scale = (v: number) => ((Math.min(Math.max(v, m.min), m.max) - m.min) / span) * (m.kind === 'column' ? plotH : plotW);
  const short = (s: string) => (s.length > 18 ? `${s.slice(0, 17)}…` : s);
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={`Chart: ${m.title}`}
      style={{ background: '#FFFFFF', border: '1px solid #BFBFBF', display: 'block' }}
    >
      <text x={width / 2} y={22} textAnchor="middle" fontSize={14} fill={TEXT}>
        {m.title}
      </text>
      {m.ticks.map((t) => {
        const p = scale(t);
        return m.kind === 'column' ? (
          <g key={t}>
            <line x1={pad.left} x2={pad.left + plotW} y1={pad.top + plotH - p} y2={pad.top + plotH - p} stroke={GRID} />
            <text x={pad.left - 6} y={pad.top + plotH - p + 4} textAnchor="end" fontSize={11} fill={TEXT}>
              {label(t)}
            </text>
          </g>
        ) : (
          <g key={t}>
            <line y1={pad.top} y2={pad.top + plotH} x1={pad.left + p} x2={pad.left + p} stroke={GRID} />
            <text y={pad.top + plotH + 12} x={pad.left + p} textAnchor="middle" fontSize={11} fill={TEXT}>
              {label(t)}
            </text>
          </g>
        );
      })}
      {m.categories.map((c, i) =>
        m.series.map((s, k) => {
          const v = s.values[i];
          if (v === null || v === undefined) return null;
          const size = scale(v);
          const offset = band * i + band * 0.15 + barSize * k;
          const fill = SERIES[k % SERIES.length];
          return m.kind === 'column' ? (
            <rect key={`${i}:${k}`} x={pad.left + offset} y={pad.top + plotH - size} width={barSize} height={size} fill={fill}>
              <title>{`${c}: ${label(v)}`}</title>
            </rect>
          ) : (
            <rect key={`${i}:${k}`} y={pad.top + offset} x={pad.left} height={barSize} width={size} fill={fill}>
              <title>{`${c}: ${label(v)}`}</title>
            </rect>
          );
        }),
      )}
      {m.categories.map((c, i) =>
        m.kind === 'column' ? (
          <text key={c + i} x={pad.left + band * (i + 0.5)} y={pad.top + plotH + 16} textAnchor="middle" fontSize={11} fill={TEXT}>
            {short(c)}
          </text>
        ) : (
          <text key={c + i} x={pad.left - 6} y={pad.top + band * (i + 0.5) + 4} textAnchor="end" fontSize={11} fill={TEXT}>
            {short(c)}
          </text>
        ),
      )}
    </svg>
  );
}
