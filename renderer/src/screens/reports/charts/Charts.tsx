import { scaleBand, scaleLinear } from 'd3-scale';

/**
 * The Reports screen's charts: plain SVG drawn by React, scales from d3-scale. Loaded on first
 * use (ReportChart.tsx imports this module lazily), so neither the app's start nor the report's
 * tables wait for it.
 *
 * A chart shows exactly the figures of the table beside it and is one image to assistive
 * technology (role="img", named after that table): the table is the accessible equivalent.
 * Text is drawn in the ink colour; bars use colours of at least 3:1 against the paper, each
 * series also named in the legend and every bar labelled with its value.
 */
export interface ChartSeries {
  label: string;
  values: number[];
}

export interface ChartProps {
  /** The accessible name: which table this chart draws. */
  label: string;
  /** One per row of the table, in its order. */
  categories: string[];
  series: ChartSeries[];
  format: (n: number) => string;
}

const COLOURS = ['#0b4f8a', '#a34a00', '#1e5631', '#6b3fa0'];
const INK = '#1b1b1b';
const FONT = 12;
const CHAR = 6.6;

function Legend({ series, y }: { series: ChartSeries[]; y: number }) {
  if (series.length < 2) return null;
  let x = 0;
  return (
    <g transform={`translate(0, ${y})`}>
      {series.map((s, i) => {
        const at = x;
        x += 22 + s.label.length * CHAR + 16;
        return (
          <g key={s.label} transform={`translate(${at}, 0)`}>
            <rect width={14} height={14} fill={COLOURS[i % COLOURS.length]} />
            <text x={20} y={11} fontSize={FONT} fill={INK}>
              {s.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function ellipsize(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Horizontal bars: one band per category (a funnel step, a country), one bar per series. */
export function BarChart({ label, categories, series, format }: ChartProps) {
  const width = 520;
  const labelChars = Math.min(26, Math.max(4, ...categories.map((c) => c.length)));
  const left = labelChars * CHAR + 8;
  const bar = 16;
  const band = series.length * bar + 10;
  const legend = series.length > 1 ? 26 : 0;
  const height = legend + categories.length * band + 24;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = scaleLinear().domain([0, max]).nice().range([0, width - left - 56]);
  const y = scaleBand<number>().domain(categories.map((_, i) => i)).range([legend, legend + categories.length * band]);
  const ticks = x.ticks(4);
  return (
    <svg className="chart" role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <Legend series={series} y={0} />
      <g transform={`translate(${left}, 0)`}>
        {ticks.map((tk) => (
          <g key={tk} transform={`translate(${x(tk)}, 0)`}>
            <line y1={legend} y2={height - 20} stroke="#8a8a8a" strokeDasharray={tk === 0 ? undefined : '2 3'} />
            <text y={height - 6} fontSize={FONT - 1} fill={INK} textAnchor="middle">
              {format(tk)}
            </text>
          </g>
        ))}
      </g>
      {categories.map((c, ci) => (
        <g key={`${c}-${ci}`} transform={`translate(0, ${y(ci) ?? 0})`}>
          <text x={left - 6} y={band / 2} dy="0.35em" fontSize={FONT} fill={INK} textAnchor="end">
            {ellipsize(c, labelChars)}
          </text>
          {series.map((s, si) => {
            const v = s.values[ci] ?? 0;
            const w = x(v);
            return (
              <g key={s.label} transform={`translate(${left}, ${5 + si * bar})`}>
                <rect width={Math.max(w, v > 0 ? 1 : 0)} height={bar - 3} fill={COLOURS[si % COLOURS.length]} />
                <text x={w + 4} y={(bar - 3) / 2} dy="0.35em" fontSize={FONT - 1} fill={INK}>
                  {format(v)}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

/** Vertical columns over time (months, fiscal years): one group per category, one column per series. */
export function ColumnChart({ label, categories, series, format }: ChartProps) {
  const width = 520;
  const legend = series.length > 1 ? 26 : 0;
  const left = 44;
  const plotHeight = 180;
  const rotate = categories.length > 6;
  const labelChars = Math.max(4, ...categories.map((c) => c.length));
  const bottom = rotate ? Math.min(90, labelChars * CHAR * 0.72 + 14) : 24;
  const height = legend + 10 + plotHeight + bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const yScale = scaleLinear().domain([0, max]).nice().range([legend + 10 + plotHeight, legend + 10]);
  const x = scaleBand<number>().domain(categories.map((_, i) => i)).range([left, width - 4]).paddingInner(0.2).paddingOuter(0.1);
  const inner = scaleBand<number>().domain(series.map((_, i) => i)).range([0, x.bandwidth()]).paddingInner(0.08);
  const base = legend + 10 + plotHeight;
  return (
    <svg className="chart" role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <Legend series={series} y={0} />
      {yScale.ticks(4).map((tk) => (
        <g key={tk} transform={`translate(0, ${yScale(tk)})`}>
          <line x1={left} x2={width - 4} stroke="#8a8a8a" strokeDasharray={tk === 0 ? undefined : '2 3'} />
          <text x={left - 4} dy="0.35em" fontSize={FONT - 1} fill={INK} textAnchor="end">
            {format(tk)}
          </text>
        </g>
      ))}
      {categories.map((c, ci) => (
        <g key={`${c}-${ci}`} transform={`translate(${x(ci) ?? 0}, 0)`}>
          {series.map((s, si) => {
            const v = s.values[ci] ?? 0;
            const top = yScale(v);
            return <rect key={s.label} x={inner(si) ?? 0} y={top} width={inner.bandwidth()} height={Math.max(0, base - top)} fill={COLOURS[si % COLOURS.length]} />;
          })}
          <text
            transform={rotate ? `translate(${x.bandwidth() / 2}, ${base + 8}) rotate(-45)` : `translate(${x.bandwidth() / 2}, ${base + 16})`}
            fontSize={FONT - 1}
            fill={INK}
            textAnchor={rotate ? 'end' : 'middle'}
          >
            {c}
          </text>
        </g>
      ))}
    </svg>
  );
}
