import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf, fiscalYearRange } from '../../../../shared/reports/query';
import type { ReportQuery } from '../../../../shared/reports/query';
import type { Report } from '../../../../shared/reports/report';
import { can } from '../../../../shared/roles';
import type { SessionUser } from '../../../../shared/schema/auth';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { useOfficeTimeZone, useOfficeToday } from '../../office-time';
import { CountButton, DrillContext } from './drill';
import type { Drill } from './drill';
import { DrillDialog } from './DrillDialog';
import { useReportFormat } from './format';
import { ReportControls } from './ReportControls';
import { ReportExports } from './ReportExports';
import { AssistanceSection } from './sections/AssistanceSection';
import { ExitsSection } from './sections/ExitsSection';
import { FunnelSection } from './sections/FunnelSection';
import { IntegritySection } from './sections/IntegritySection';
import { PlacesSection } from './sections/PlacesSection';
import { TargetsSection } from './sections/TargetsSection';
import { TimesSection } from './sections/TimesSection';
import { TravelDocumentsSection } from './sections/TravelDocumentsSection';

/** The last report asked for in this session: opening a case from it and coming back shows it again. */
let lastQuery: ReportQuery | null = null;

/**
 * Reports (docs/reports.md defines every number): choose a fiscal year or dates and the basis;
 * the report says what it covers, the policy versions of its decisions and when it was made; then
 * each section as tables with a chart of the same figures. Every number of cases opens the list
 * of those cases. Exports: CSV, signed PDF, and the supervisor's case-level file.
 */
export function ReportsScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const today = useOfficeToday();
  const currentYear = fiscalYearOf(today);
  const [query, setQueryState] = useState<ReportQuery>(() => lastQuery ?? { ...fiscalYearRange(currentYear), basis: 'application' });
  const [drill, setDrill] = useState<Drill | null>(null);
  const setQuery = (q: ReportQuery) => {
    lastQuery = q;
    setQueryState(q);
  };
  const report = useQuery({ queryKey: ['report', query], queryFn: () => call('report.get', query), staleTime: 0 });
  const openDrill = useCallback((d: Drill) => setDrill(d), []);
  const data = report.data;
  return (
    <DrillContext.Provider value={openDrill}>
      <div className="reports">
        <h1>{t('reports.title')}</h1>
        <p className="hint">{t('reports.intro')}</p>
        <ReportControls query={query} lastYear={currentYear} onShow={setQuery} />
        {report.isPending && <p role="status">{t('reports.loading')}</p>}
        {report.error && <ErrorBanner error={errorOf(report.error)} />}
        {data && (
          <>
            <ReportAbout report={data} />
            <ReportExports query={data.query} canExportCases={can(user.role, 'report.export_cases')} />
            <FunnelSection funnel={data.funnel} />
            <TimesSection times={data.times} aimDays={data.aimDays} />
            <TargetsSection targets={data.targets} canSet={can(user.role, 'settings.manage')} defaultYear={fiscalYearOf(data.query.from)} />
            <PlacesSection rows={data.byCountry} by="country" />
            <PlacesSection rows={data.byNationality} by="nationality" />
            <AssistanceSection assistance={data.assistance} />
            <TravelDocumentsSection docs={data.travelDocuments} />
            <ExitsSection exits={data.exits} />
            <IntegritySection integrity={data.integrity} aimDays={data.aimDays} />
            <DrillDialog drill={drill} query={data.query} onClose={() => setDrill(null)} />
          </>
        )}
      </div>
    </DrillContext.Provider>
  );
}

/** What this report covers: the period, the basis and what it means, the cases counted, the policy versions, when it was made. */
function ReportAbout({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const timeZone = useOfficeTimeZone();
  const titleId = useId();
  const q = report.query;
  const fy = fiscalYearOf(q.from);
  const whole = fiscalYearRange(fy);
  const period = whole.from === q.from && whole.to === q.to ? t('reports.about.fiscalYear', { year: f.fiscalYear(fy), from: f.date(q.from), to: f.date(q.to) }) : t('reports.about.range', { from: f.date(q.from), to: f.date(q.to) });
  const used = report.policyVersions.used;
  return (
    <section aria-labelledby={titleId} className="report-about">
      <h2 id={titleId}>{t('reports.about.title', { period })}</h2>
      <p role="status" className="visually-hidden">
        {t('reports.about.ready', { period })}
      </p>
      <dl className="facts">
        <dt>{t('reports.about.basis')}</dt>
        <dd>
          <strong>{t(`reports.basis.${q.basis}`)}</strong>{t('common.colon')} {t(`reports.basis.${q.basis}Sentence`)}
        </dd>
        <dt>{t('reports.about.cases')}</dt>
        <dd>
          <CountButton count={report.cases} what={t('reports.about.casesWhat')} />
        </dd>
        <dt>{t('reports.about.policy')}</dt>
        <dd>
          {used.length > 0 ? t('reports.about.policyUsed', { versions: used.join(', '), current: report.policyVersions.current }) : t('reports.about.policyNone', { current: report.policyVersions.current })}
        </dd>
        <dt>{t('reports.about.made')}</dt>
        <dd>{t('reports.about.madeAt', { at: f.instant(report.generatedAt, timeZone), today: f.date(report.today) })}</dd>
      </dl>
    </section>
  );
}
