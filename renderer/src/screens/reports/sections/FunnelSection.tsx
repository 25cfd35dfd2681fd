import { useTranslation } from 'react-i18next';
import type { FunnelRow } from '../../../../../shared/reports/report';
import { exitKinds } from '../../../../../shared/reports/report-case';
import { CountButton } from '../drill';
import { useReportFormat } from '../format';
import { ReportChart } from '../ReportChart';
import { ReportSection, TableAndChart } from './Section';

const zero = { n: 0, cell: '' };

/** Funnel: cases and persons at each step, those stopped there by exit, those still in progress; outcomes on `decided`; ineligible reasons. */
export function FunnelSection({ funnel }: { funnel: FunnelRow[] }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const caption = t('reports.funnel.caption');
  const step = (r: FunnelRow) => t(`reports.step.${r.step}`);
  const decided = funnel.find((r) => r.step === 'decided');
  const codes = funnel.flatMap((r) => r.ineligibleCodes.map((c) => ({ step: r, ...c })));
  return (
    <ReportSection title={t('reports.funnel.title')} intro={t('reports.funnel.intro')}>
      <TableAndChart
        table={
          <table className="report-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.funnel.step')}</th>
                <th scope="col">{t('reports.col.cases')}</th>
                <th scope="col">{t('reports.col.persons')}</th>
                <th scope="col">{t('reports.funnel.inProgress')}</th>
                {exitKinds.map((k) => (
                  <th scope="col" key={k}>
                    {t('reports.funnel.stoppedBy', { exit: t(`reports.exit.${k}`) })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {funnel.map((r) => (
                <tr key={r.step}>
                  <th scope="row">{step(r)}</th>
                  <td className="num">
                    <CountButton count={r.count} what={t('reports.funnel.whatCases', { step: step(r) })} />
                  </td>
                  <td className="num">{f.int(r.persons)}</td>
                  <td className="num">
                    <CountButton count={r.inProgress} what={t('reports.funnel.whatInProgress', { step: step(r) })} />
                  </td>
                  {exitKinds.map((k) => (
                    <td className="num" key={k}>
                      <CountButton count={r.stopped.find((s) => s.kind === k)?.count ?? zero} what={t('reports.funnel.whatStopped', { step: step(r), exit: t(`reports.exit.${k}`) })} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        }
        chart={<ReportChart kind="bar" table={caption} categories={funnel.map(step)} series={[{ label: t('reports.col.cases'), values: funnel.map((r) => r.count.n) }]} format={f.int} />}
      />
      {decided?.outcomes && (
        <TableAndChart
          table={
            <table className="report-table narrow-table">
              <caption>{t('reports.funnel.outcomesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.funnel.outcome')}</th>
                  <th scope="col">{t('reports.col.cases')}</th>
                </tr>
              </thead>
              <tbody>
                {decided.outcomes.map((o) => (
                  <tr key={o.outcome}>
                    <th scope="row">{t(`outcome.${o.outcome}`)}</th>
                    <td className="num">
                      <CountButton count={o.count} what={t('reports.funnel.whatOutcome', { outcome: t(`outcome.${o.outcome}`) })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
      <TableAndChart
        table={
          <table className="report-table narrow-table">
            <caption>{t('reports.funnel.codesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.funnel.step')}</th>
                <th scope="col">{t('reports.funnel.reason')}</th>
                <th scope="col">{t('reports.col.cases')}</th>
              </tr>
            </thead>
            <tbody>
              {codes.length === 0 ? (
                <tr>
                  <td colSpan={3}>{t('reports.none')}</td>
                </tr>
              ) : (
                codes.map((c) => (
                  <tr key={`${c.step.step}-${c.code}`}>
                    <td>{step(c.step)}</td>
                    <th scope="row">
                      {t('reports.funnel.codeLabel', { code: c.code, text: t(`reports.code.${c.code}`) })}
                    </th>
                    <td className="num">
                      <CountButton count={c.count} what={t('reports.funnel.whatCode', { code: c.code, step: step(c.step) })} />
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        }
      />
    </ReportSection>
  );
}
