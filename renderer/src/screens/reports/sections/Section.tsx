import { useId } from 'react';
import type { ReactNode } from 'react';

/** One section of the report: a heading, what it counts, then its tables (each with a chart beside it where that helps). */
export function ReportSection(props: { title: string; intro?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="report-section">
      <h2 id={id}>{props.title}</h2>
      {props.intro && <p className="hint">{props.intro}</p>}
      {props.children}
    </section>
  );
}

/** A table and the chart of the same figures, side by side on a wide screen, one under the other otherwise. */
export function TableAndChart(props: { table: ReactNode; chart?: ReactNode }) {
  return (
    <div className={props.chart ? 'report-pair' : 'report-single'}>
      <div className="table-scroll">{props.table}</div>
      {props.chart}
    </div>
  );
}
