import { useTranslation } from 'react-i18next';
import type { ExitsSection as Exits } from '../../../../../shared/reports/report';
import { CountButton } from '../drill';
import { useReportFormat } from '../format';
import { ReportChart } from '../ReportChart';
import { ReportSection, TableAndChart } from './Section';

/** Withdrawals and other exits: by exit and the status the case left from, with how many gave a reason. */
export function ExitsSection({ exits }: { exits: Exits }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const caption = t('reports.exits.caption');
  const exit = (k: string) => t(`reports.exit.${k}`);
  return (
    <ReportSection title={t('reports.exits.title')} intro={t('reports.exits.intro')}>
      <TableAndChart
        table={
          <table className="report-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.exits.exit')}</th>
                <th scope="col">{t('reports.exits.from')}</th>
                <th scope="col">{t('reports.col.cases')}</th>
                <th scope="col">{t('reports.exits.reasonGiven')}</th>
              </tr>
            </thead>
            <tbody>
              {exits.rows.length === 0 ? (
                <tr>
                  <td colSpan={4}>{t('reports.none')}</td>
                </tr>
              ) : (
                exits.rows.map((r) => (
                  <tr key={`${r.kind}-${r.from}`}>
                    <th scope="row">{exit(r.kind)}</th>
                    <td>{t(`status.${r.from}`)}</td>
                    <td className="num">
                      <CountButton count={r.count} what={t('reports.exits.what', { exit: exit(r.kind), status: t(`status.${r.from}`) })} />
                    </td>
                    <td className="num">{f.int(r.reasonGiven)}</td>
                  </tr>
                ))
              )}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('reports.total')}
                </th>
                <td className="num">
                  <CountButton count={exits.total} what={t('reports.exits.whatTotal')} />
                </td>
                <td className="num">{f.int(exits.rows.reduce((s, r) => s + r.reasonGiven, 0))}</td>
              </tr>
            </tfoot>
          </table>
        }
        chart={exits.rows.length > 0 ? <ReportChart kind="bar" table={caption} categories={exits.rows.map((r) => `${exit(r.kind)} · ${t(`status.${r.from}`)}`)} series={[{ label: t('reports.col.cases'), values: exits.rows.map((r) => r.count.n) }]} format={f.int} /> : undefined}
      />
    </ReportSection>
  );
}
