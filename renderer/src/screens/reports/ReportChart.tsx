import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartProps } from './charts/Charts';

// The charts (and d3-scale) load on first use, after the tables: a chunk of their own.
const BarChart = lazy(() => import('./charts/Charts').then((m) => ({ default: m.BarChart })));
const ColumnChart = lazy(() => import('./charts/Charts').then((m) => ({ default: m.ColumnChart })));

/**
 * A chart beside its table, drawing the same figures. To assistive technology it is one image
 * named after the table ("Chart of the table …: the table gives the figures").
 */
export function ReportChart(props: Omit<ChartProps, 'label'> & { kind: 'bar' | 'column'; table: string }) {
  const { t } = useTranslation();
  const { kind, table, ...rest } = props;
  const label = t('reports.chart.label', { table });
  const Chart = kind === 'bar' ? BarChart : ColumnChart;
  if (rest.categories.length === 0) return null;
  return (
    <figure className="report-chart">
      <Suspense fallback={<p className="hint">{t('reports.chart.loading')}</p>}>
        <Chart label={label} {...rest} />
      </Suspense>
    </figure>
  );
}
