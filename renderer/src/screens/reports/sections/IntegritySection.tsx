import { useTranslation } from 'react-i18next';
import type { IntegrityRow, IntegritySection as Integrity } from '../../../../../shared/reports/report';
import { FACT_LABELS } from '../../../../../shared/rules';
import { OpenCaseButton } from '../../today/CaseCells';
import { CountButton } from '../drill';
import { useReportFormat } from '../format';
import { ReportSection, TableAndChart } from './Section';

type Issue = IntegrityRow['issues'][number];

/** One issue in words, with what exactly (the missing facts, the steps, the scan, the other case, the policy version, the task). */
function useIssueText(aimDays: number): (i: Issue) => string {
  const { t } = useTranslation();
  const f = useReportFormat();
  // A step is a date of the case (application, intake, decision, consent, referral) or a stage's action.
  const stepName = (s: string) => (['application', 'intake', 'decision', 'consent', 'referral'].includes(s) ? t(`reports.integrity.step.${s}`) : t(`stages.action.${s}`, { defaultValue: s }));
  return (i) => {
    const d = i.detail;
    const parts: string[] = [];
    if (d.facts?.length) parts.push(d.facts.map((p) => (FACT_LABELS as Record<string, { en: string; fr: string } | undefined>)[p]?.[f.lang] ?? p).join(f.lang === 'fr' ? ' ; ' : '; '));
    if (d.steps?.length) parts.push(t('reports.integrity.stepsOrder', { steps: d.steps.map(stepName).join(' / ') }));
    const scans = d.attachments?.length ? d.attachments : d.attachment ? [d.attachment] : [];
    if (scans.length) parts.push(scans.map((k) => t(`attachments.kind.${k}`)).join(', '));
    if (d.otherCase) parts.push(t('reports.integrity.otherCase', { number: d.otherCase }));
    if (d.policyVersion) parts.push(t('reports.integrity.policyVersion', { version: d.policyVersion }));
    if (d.task) parts.push(d.task === 'departure_aim' ? t('reports.integrity.departureAim', { days: aimDays }) : t(`tasks.kindName.${d.task}`, { defaultValue: d.task }));
    const name = t(`reports.integrity.issue.${i.issue}`);
    return parts.length ? `${name}: ${parts.join(f.lang === 'fr' ? ' ; ' : '; ')}` : name;
  };
}

/** Data-integrity review list: counts per issue (complete) and the cases with each issue, each opening the case. */
export function IntegritySection({ integrity, aimDays }: { integrity: Integrity; aimDays: number }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const text = useIssueText(aimDays);
  return (
    <ReportSection title={t('reports.integrity.title')} intro={t('reports.integrity.intro')}>
      <TableAndChart
        table={
          <table className="report-table narrow-table">
            <caption>{t('reports.integrity.countsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.integrity.issueColumn')}</th>
                <th scope="col">{t('reports.col.cases')}</th>
              </tr>
            </thead>
            <tbody>
              {integrity.counts.map((c) => (
                <tr key={c.issue}>
                  <th scope="row">{t(`reports.integrity.issue.${c.issue}`)}</th>
                  <td className="num">
                    <CountButton count={c.count} what={t('reports.integrity.whatIssue', { issue: t(`reports.integrity.issue.${c.issue}`) })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <div className="table-scroll">
        <table className="report-table integrity-list">
          <caption>{t('reports.integrity.listCaption', { count: integrity.rows.length, n: f.int(integrity.rows.length) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.number')}</th>
              <th scope="col">{t('cases.status')}</th>
              <th scope="col">{t('reports.integrity.issues')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('cases.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {integrity.rows.length === 0 ? (
              <tr>
                <td colSpan={4}>{t('reports.integrity.noneFound')}</td>
              </tr>
            ) : (
              integrity.rows.map((r) => (
                <tr key={r.caseId}>
                  <th scope="row" className="case-number">
                    {r.caseNumber}
                  </th>
                  <td>{t(`status.${r.status}`)}</td>
                  <td>
                    <ul className="plain-list">
                      {r.issues.map((i, n) => (
                        <li key={`${i.issue}-${n}`}>{text(i)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <OpenCaseButton caseId={r.caseId} caseNumber={r.caseNumber} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {integrity.truncated && <p className="hint">{t('reports.integrity.truncated', { shown: f.int(integrity.rows.length) })}</p>}
    </ReportSection>
  );
}
