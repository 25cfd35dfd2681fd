import { scaleBand, scaleLinear } from 'd3-scale';

/**
 * The Reports screen's charts: plain SVG drawn by React, scales from d3-scale. Loaded on first
 * use (ReportChart.tsx imports this module lazily), so neither the app's start nor the report's
 * tables wait for it.
 *
 * A chart shows exactly the figures of the table beside it and is one image to assistive
 * technology (role="img", named after that table): the table is the accessible equivalent.
 * Text is drawn in the ink colour; bars use colours of at least 3:1 against the paper, each
 * series also named in the legend and every horizontal bar labelled with its value.
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
const GRID = '#8a8a8a';
const FONT = 13;
/** The width of an average character at FONT, to place text without measuring it. */
const CHAR = 7;
const WIDTH = 480;
const LINE = 15;

/** Where each legend entry goes: in rows that fit the width. */
function legendLayout(series: ChartSeries[]): { at: { x: number; y: number }[]; height: number } {
  if (series.length < 2) return { at: [], height: 0 };
  let x = 0;
  let y = 0;
  const at = series.map((s) => {
    const w = 22 + s.label.length * CHAR + 14;
    if (x > 0 && x + w > WIDTH) {
      x = 0;
      y += 20;
    }
    const pos = { x, y };
    x += w;
    return pos;
  });
  return { at, height: y + 28 };
}

function Legend({ series }: { series: ChartSeries[] }) {
  if (series.length < 2) return null;
  const { at } = legendLayout(series);
  return (
    <g>
      {series.map((s, i) => (
        <g key={s.label} transform={`translate(${at[i]?.x ?? 0}, ${at[i]?.y ?? 0})`}>
          <rect width={14} height={14} fill={COLOURS[i % COLOURS.length]} />
          <text x={20} y={11.5} fontSize={FONT} fill={INK}>
            {s.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** A label in at most two lines of `max` characters (cut at spaces; the rest ends with "…"). */
function wrap(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const words = text.split(' ');
  let first = '';
  let i = 0;
  while (i < words.length && (first ? `${first} ${words[i]}` : (words[i] ?? '')).length <= max) first = first ? `${first} ${words[i++]}` : (words[i++] ?? '');
  if (!first) return [`${text.slice(0, max - 1)}…`];
  const rest = words.slice(i).join(' ');
  return [first, rest.length <= max ? rest : `${rest.slice(0, max - 1)}…`];
}

/** Horizontal bars: one band per category (a funnel step, a country), one bar per series. */
export function BarChart({ label, categories, series, format }: ChartProps) {
  const maxChars = 20;
  const lines = categories.map((c) => wrap(c, maxChars));
  const longest = Math.max(3, ...lines.flat().map((l) => l.length));
  const left = Math.min(maxChars, longest) * CHAR + 10;
  const bar = 17;
  const band = Math.max(series.length * bar + 10, lines.some((l) => l.length > 1) ? 2 * LINE + 8 : 0);
  const legend = legendLayout(series).height;
  const height = legend + categories.length * band + 26;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const valueRoom = Math.max(...series.flatMap((s) => s.values.map((v) => format(v).length))) * (CHAR - 0.5) + 8;
  const x = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([0, WIDTH - left - valueRoom]);
  const y = scaleBand<number>()
    .domain(categories.map((_, i) => i))
    .range([legend, legend + categories.length * band]);
  return (
    <svg className="chart" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <Legend series={series} />
      <g transform={`translate(${left}, 0)`}>
        {x.ticks(4).filter(Number.isInteger).map((tk) => (
          <g key={tk} transform={`translate(${x(tk)}, 0)`}>
            <line y1={legend} y2={height - 20} stroke={GRID} strokeDasharray={tk === 0 ? undefined : '2 3'} />
            <text y={height - 5} fontSize={FONT - 1} fill={INK} textAnchor="middle">
              {format(tk)}
            </text>
          </g>
        ))}
      </g>
      {categories.map((c, ci) => {
        const ls = lines[ci] ?? [c];
        const top = band / 2 - ((ls.length - 1) * LINE) / 2;
        return (
          <g key={`${c}-${ci}`} transform={`translate(0, ${y(ci) ?? 0})`}>
            <text x={left - 6} y={top} fontSize={FONT} fill={INK} textAnchor="end">
              {ls.map((l, li) => (
                <tspan key={li} x={left - 6} dy={li === 0 ? '0.35em' : LINE}>
                  {l}
                </tspan>
              ))}
            </text>
            {series.map((s, si) => {
              const v = s.values[ci] ?? 0;
              const w = x(v);
              const y0 = (band - series.length * bar) / 2 + si * bar;
              return (
                <g key={s.label} transform={`translate(${left}, ${y0})`}>
                  <rect width={Math.max(w, v > 0 ? 1 : 0)} height={bar - 3} fill={COLOURS[si % COLOURS.length]} />
                  <text x={w + 4} y={(bar - 3) / 2} dy="0.35em" fontSize={FONT - 1} fill={INK}>
                    {format(v)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** Vertical columns over time (months, fiscal years): one group per category, one column per series. */
export function ColumnChart({ label, categories, series, format }: ChartProps) {
  const legend = legendLayout(series).height;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const yScale = scaleLinear().domain([0, max]).nice(4);
  // Counts, days and dollars: whole numbers on the axis.
  const ticks = yScale.ticks(4).filter(Number.isInteger);
  const left = Math.max(3, ...ticks.map((tk) => format(tk).length)) * (CHAR - 0.5) + 8;
  const plotHeight = 180;
  const rotate = categories.length > 5;
  const labelChars = Math.max(3, ...categories.map((c) => c.length));
  const bottom = rotate ? labelChars * CHAR * 0.72 + 16 : 24;
  const base = legend + 10 + plotHeight;
  const height = base + bottom;
  yScale.range([base, legend + 10]);
  const x = scaleBand<number>()
    .domain(categories.map((_, i) => i))
    .range([left, WIDTH - 4])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const inner = scaleBand<number>()
    .domain(series.map((_, i) => i))
    .range([0, x.bandwidth()])
    .paddingInner(0.08);
  return (
    <svg className="chart" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <Legend series={series} />
      {ticks.map((tk) => (
        <g key={tk} transform={`translate(0, ${yScale(tk)})`}>
          <line x1={left} x2={WIDTH - 4} stroke={GRID} strokeDasharray={tk === 0 ? undefined : '2 3'} />
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
            transform={rotate ? `translate(${x.bandwidth() / 2}, ${base + 10}) rotate(-45)` : `translate(${x.bandwidth() / 2}, ${base + 17})`}
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
