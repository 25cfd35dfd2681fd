import { useTranslation } from 'react-i18next';
import type { TimesSection as Times } from '../../../../../shared/reports/report';
import { CountButton } from '../drill';
import { useReportFormat } from '../format';
import { ReportChart } from '../ReportChart';
import { ReportSection, TableAndChart } from './Section';

/** Times between steps (days), the share of departures within the programme's aim, and the months. */
export function TimesSection({ times, aimDays }: { times: Times; aimDays: number }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const monthsCaption = t('reports.times.monthsCaption');
  const interval = (i: string) => t(`reports.interval.${i}`);
  return (
    <ReportSection title={t('reports.times.title')} intro={t('reports.times.intro')}>
      <TableAndChart
        table={
          <table className="report-table">
            <caption>{t('reports.times.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.times.interval')}</th>
                <th scope="col">{t('reports.col.cases')}</th>
                <th scope="col">{t('reports.times.median')}</th>
                <th scope="col">{t('reports.times.p90')}</th>
                <th scope="col">{t('reports.times.min')}</th>
                <th scope="col">{t('reports.times.max')}</th>
                <th scope="col">{t('reports.times.mean')}</th>
              </tr>
            </thead>
            <tbody>
              {times.intervals.map((r) => (
                <tr key={r.interval}>
                  <th scope="row">{interval(r.interval)}</th>
                  <td className="num">
                    <CountButton count={r.cases} what={t('reports.times.whatInterval', { interval: interval(r.interval) })} />
                  </td>
                  <td className="num">{f.days(r.median)}</td>
                  <td className="num">{f.days(r.p90)}</td>
                  <td className="num">{f.days(r.min)}</td>
                  <td className="num">{f.days(r.max)}</td>
                  <td className="num">{f.days(r.mean)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
        chart={
          <ReportChart
            kind="bar"
            table={t('reports.times.caption')}
            categories={times.intervals.map((r) => interval(r.interval))}
            series={[
              { label: t('reports.times.median'), values: times.intervals.map((r) => r.median ?? 0) },
              { label: t('reports.times.p90'), values: times.intervals.map((r) => r.p90 ?? 0) },
            ]}
            format={(n) => f.days(n)}
          />
        }
      />
      <p className="report-aim">
        {t('reports.times.withinAimBefore', { days: aimDays })} <CountButton count={times.withinAim} what={t('reports.times.whatWithinAim', { days: aimDays })} />{' '}
        {t('reports.times.withinAimOf')} <CountButton count={times.departed} what={t('reports.times.whatDeparted')} />{' '}
        {t('reports.times.withinAimShare', { share: f.share(times.shareWithinAim) })}
      </p>
      <TableAndChart
        table={
          <table className="report-table">
            <caption>{monthsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.times.month')}</th>
                <th scope="col">{t('reports.times.intakes')}</th>
                <th scope="col">{t('reports.times.departed')}</th>
                <th scope="col">{t('reports.times.withinAimCol', { days: aimDays })}</th>
                <th scope="col">{t('reports.times.medianDeparture')}</th>
              </tr>
            </thead>
            <tbody>
              {times.byMonth.length === 0 ? (
                <tr>
                  <td colSpan={5}>{t('reports.none')}</td>
                </tr>
              ) : (
                times.byMonth.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{f.month(m.month)}</th>
                    <td className="num">
                      <CountButton count={m.intakes} what={t('reports.times.whatIntakes', { month: f.month(m.month) })} />
                    </td>
                    <td className="num">
                      <CountButton count={m.departed} what={t('reports.times.whatDepartedIn', { month: f.month(m.month) })} />
                    </td>
                    <td className="num">
                      <CountButton count={m.departedWithinAim} what={t('reports.times.whatWithinAimIn', { month: f.month(m.month), days: aimDays })} />
                    </td>
                    <td className="num">{f.days(m.medianIntakeToDeparture)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        }
        chart={
          <ReportChart
            kind="column"
            table={monthsCaption}
            categories={times.byMonth.map((m) => f.monthShort(m.month))}
            series={[
              { label: t('reports.times.intakes'), values: times.byMonth.map((m) => m.intakes.n) },
              { label: t('reports.times.departed'), values: times.byMonth.map((m) => m.departed.n) },
              { label: t('reports.times.withinAimCol', { days: aimDays }), values: times.byMonth.map((m) => m.departedWithinAim.n) },
            ]}
            format={f.int}
          />
        }
      />
    </ReportSection>
  );
}
