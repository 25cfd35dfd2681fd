import { useTranslation } from 'react-i18next';
import type { TravelDocumentsSection as TravelDocuments } from '../../../../../shared/reports/report';
import { CountButton } from '../drill';
import { useReportFormat } from '../format';
import { ReportChart } from '../ReportChart';
import { ReportSection, TableAndChart } from './Section';

/** Travel documents of the referred cases: the latest outcome, those that needed one, days to obtain it. */
export function TravelDocumentsSection({ docs }: { docs: TravelDocuments }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const caption = t('reports.travel.caption');
  const state = (s: string) => t(`reports.travel.state.${s}`);
  const d = docs.daysToObtain;
  return (
    <ReportSection title={t('reports.travel.title')} intro={t('reports.travel.intro')}>
      <TableAndChart
        table={
          <table className="report-table narrow-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.travel.latest')}</th>
                <th scope="col">{t('reports.col.cases')}</th>
              </tr>
            </thead>
            <tbody>
              {docs.byState.map((r) => (
                <tr key={r.state}>
                  <th scope="row">{state(r.state)}</th>
                  <td className="num">
                    <CountButton count={r.count} what={t('reports.travel.whatState', { state: state(r.state) })} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('reports.travel.referred')}</th>
                <td className="num">
                  <CountButton count={docs.referred} what={t('reports.travel.whatReferred')} />
                </td>
              </tr>
              <tr>
                <th scope="row">{t('reports.travel.needed')}</th>
                <td className="num">
                  <CountButton count={docs.needed} what={t('reports.travel.whatNeeded')} />
                </td>
              </tr>
            </tfoot>
          </table>
        }
        chart={<ReportChart kind="bar" table={caption} categories={docs.byState.map((r) => state(r.state))} series={[{ label: t('reports.col.cases'), values: docs.byState.map((r) => r.count.n) }]} format={f.int} />}
      />
      <TableAndChart
        table={
          <table className="report-table narrow-table">
            <caption>{t('reports.travel.daysCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.col.cases')}</th>
                <th scope="col">{t('reports.times.median')}</th>
                <th scope="col">{t('reports.times.p90')}</th>
                <th scope="col">{t('reports.times.min')}</th>
                <th scope="col">{t('reports.times.max')}</th>
                <th scope="col">{t('reports.times.mean')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td className="num">
                  <CountButton count={d.cases} what={t('reports.travel.whatDays')} />
                </td>
                <td className="num">{f.days(d.median)}</td>
                <td className="num">{f.days(d.p90)}</td>
                <td className="num">{f.days(d.min)}</td>
                <td className="num">{f.days(d.max)}</td>
                <td className="num">{f.days(d.mean)}</td>
              </tr>
            </tbody>
          </table>
        }
      />
    </ReportSection>
  );
}
