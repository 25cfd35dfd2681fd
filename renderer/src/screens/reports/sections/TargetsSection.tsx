import { useTranslation } from 'react-i18next';
import type { TargetRow } from '../../../../../shared/reports/report';
import { CountButton } from '../drill';
import { useReportFormat } from '../format';
import { ReportChart } from '../ReportChart';
import { ReportSection, TableAndChart } from './Section';
import { TargetForm } from './TargetForm';

/** Targets vs actual: removals (persons departed) per fiscal year against the target recorded for it. */
export function TargetsSection({ targets, canSet, defaultYear }: { targets: TargetRow[]; canSet: boolean; defaultYear: number }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const caption = t('reports.targets.caption');
  return (
    <ReportSection title={t('reports.targets.title')} intro={t('reports.targets.intro')}>
      <TableAndChart
        table={
          <table className="report-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.targets.fiscalYear')}</th>
                <th scope="col">{t('reports.targets.target')}</th>
                <th scope="col">{t('reports.targets.actual')}</th>
                <th scope="col">{t('reports.targets.share')}</th>
                <th scope="col">{t('reports.targets.departedCases')}</th>
                <th scope="col">{t('reports.targets.source')}</th>
              </tr>
            </thead>
            <tbody>
              {targets.length === 0 ? (
                <tr>
                  <td colSpan={6}>{t('reports.none')}</td>
                </tr>
              ) : (
                targets.map((r) => (
                  <tr key={r.fiscalYear}>
                    <th scope="row">
                      {f.fiscalYear(r.fiscalYear)}
                      {r.historical && (
                        <>
                          {' '}
                          <span className="tag-historical">{t('reports.targets.historical')}</span>
                        </>
                      )}
                    </th>
                    <td className="num">{r.target === null ? t('reports.targets.noTarget') : f.int(r.target)}</td>
                    <td className="num">{f.int(r.departedPersons)}</td>
                    <td className="num">{f.share(r.share)}</td>
                    <td className="num">
                      <CountButton count={r.departedCases} what={t('reports.targets.whatDeparted', { year: f.fiscalYear(r.fiscalYear) })} />
                    </td>
                    <td>{r.source ?? '—'}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        }
        chart={
          <ReportChart
            kind="column"
            table={caption}
            categories={targets.map((r) => f.fiscalYear(r.fiscalYear))}
            series={[
              { label: t('reports.targets.target'), values: targets.map((r) => r.target ?? 0) },
              { label: t('reports.targets.actual'), values: targets.map((r) => r.departedPersons) },
            ]}
            format={f.int}
          />
        }
      />
      {canSet && <TargetForm defaultYear={defaultYear} />}
    </ReportSection>
  );
}
