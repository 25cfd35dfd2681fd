import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ledTo } from '../../../shared/case/guard';
import { can } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schema/auth';
import type { CaseDetail, DraftRecord, TodayCase } from '../../../shared/schema/case-api';
import { counterOpenNow } from '../../../shared/time/office-hours';
import { officeClock } from '../../../shared/time/office-time';
import { ErrorBanner } from '../components/ErrorBanner';
import { call, errorOf } from '../ipc';
import { useOfficeTimeZone } from '../office-time';
import { localeOf, useLang } from '../lang';
import { useNavigate } from '../navigation';
import { CaseTable } from './today/CaseTable';
import { TodayAppointments } from './today/TodayAppointments';
import { QuickIntake } from './today/QuickIntake';
import { SearchBox } from './today/SearchBox';
import { TaskList } from './today/TaskList';
import { DiscardDraftButton } from './today/DiscardDraftButton';
import { CertificateExpiryWarning } from '../documents/certificate/CertificateExpiryWarning';
import { BackupOverdueNotice } from './data-safety/BackupOverdueNotice';

/** Walk-in hours at the office (shared/time/office-hours.ts), on the office's clock whatever this machine's zone. */
function counterOpen(now: Date, timeZone: string): boolean {
  return counterOpenNow(officeClock(() => now, timeZone));
}

/**
 * The home page: what needs me today (tasks on cases after referral, for those who record the
 * stages), find a person, start an intake, and today's work — walk-ins waiting, reporting
 * appointments, the supervisor's review queue, my open cases and my unfinished intakes. A case
 * appears once, in the first list it belongs to.
 */
export function TodayScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const lang = useLang();
  const timeZone = useOfficeTimeZone();
  const qc = useQueryClient();
  const go = useNavigate();
  const today = useQuery({ queryKey: ['today'], queryFn: () => call('today.summary', {}), staleTime: 0 });
  const canAct = can(user.role, 'stage.record');
  const tasks = useQuery({ queryKey: ['today-tasks'], queryFn: () => call('today.tasks', {}), staleTime: 0, enabled: canAct });
  const [intakeKey, setIntakeKey] = useState(0);
  const [resume, setResume] = useState<DraftRecord | null>(null);
  const [created, setCreated] = useState<CaseDetail | null>(null);
  // The form the officer was in is replaced by a blank one: the confirmation takes the focus (read
  // out, then Tab reaches "Open case" and the blank form), never the page body.
  const createdRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);
  const [resumeError, setResumeError] = useState<unknown>(null);
  const when = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' });

  const onCreated = (c: CaseDetail) => {
    setCreated(c);
    setResume(null);
    setIntakeKey((k) => k + 1);
    void qc.invalidateQueries({ queryKey: ['today'] });
    void qc.invalidateQueries({ queryKey: ['case-search'] });
  };
  const resumeDraft = async (draftId: string) => {
    try {
      setResume(await call('draft.get', { draftId }));
      setCreated(null);
      setIntakeKey((k) => k + 1);
    } catch (e) {
      setResumeError(e);
    }
  };

  const s = today.data;
  const seen = new Set<string>();
  const once = (list: TodayCase[] | undefined) =>
    (list ?? []).filter((c) => {
      if (seen.has(c.id)) return false;
      seen.add(c.id);
      return true;
    });
  const walkIns = once(s?.walkIns);
  const appointments = s?.appointments ?? [];
  // A case with an appointment today is listed there, not again below.
  for (const a of appointments) seen.add(a.caseId);
  const review = once(s?.review);
  const mine = once(s?.mine);

  return (
    <>
      <h1>{t('today.title')}</h1>
      {can(user.role, 'certificate.manage') && <CertificateExpiryWarning />}
      {can(user.role, 'backup.manage') && <BackupOverdueNotice />}
      {canAct && tasks.data && <TaskList list={tasks.data} />}
      {canAct && tasks.error && <ErrorBanner error={errorOf(tasks.error)} />}
      <p className="hint">
        {t('today.officeHours')} {counterOpen(new Date(), timeZone) ? t('today.counterOpen') : t('today.counterClosed')}
      </p>
      <SearchBox />
      {created && (
        <div role="status" className="banner banner-ok" tabIndex={-1} ref={createdRef}>
          {t(ledTo('screen', created.status) ? 'cases.createdScreened' : 'cases.created', { number: created.caseNumber })}{' '}
          <button type="button" onClick={() => go({ name: 'case', caseId: created.id })}>
            {t('cases.openNamed', { number: created.caseNumber })}
          </button>
        </div>
      )}
      {can(user.role, 'case.create') && <QuickIntake key={intakeKey} userId={user.userId} resume={resume} onCreated={onCreated} />}
      {today.error && <ErrorBanner error={errorOf(today.error)} />}
      {resumeError !== null && <ErrorBanner error={errorOf(resumeError)} />}
      {s && (
        <>
          <CaseTable title={t('today.walkIns')} empty={t('today.noWalkIns')} cases={walkIns} />
          {can(user.role, 'appointment.manage') && <TodayAppointments appointments={appointments} />}
          <CaseTable title={t('today.review')} empty={t('today.noReview')} cases={review} intro={can(user.role, 'case.review') ? t('today.reviewIntro') : undefined} />
          <CaseTable title={t('today.mine')} empty={t('today.noMine')} cases={mine} />
          {can(user.role, 'case.edit') && (
            <section aria-labelledby="drafts-title" className="today-list">
              <h2 id="drafts-title">
                {t('today.drafts')} <span className="count">({s.myNewDrafts.length})</span>
              </h2>
              {s.myNewDrafts.length === 0 ? (
                <p className="hint">{t('today.noDrafts')}</p>
              ) : (
                <ul className="drafts">
                  {s.myNewDrafts.map((d) => (
                    <li key={d.draftId}>
                      <span dir="auto">{d.label || t('today.draftNoName')}</span> · {when.format(new Date(d.updatedAt))}{' '}
                      <button type="button" onClick={() => void resumeDraft(d.draftId)} aria-label={t('today.resumeNamed', { name: d.label || t('today.draftNoName') })}>
                        {t('today.resume')}
                      </button>{' '}
                      <DiscardDraftButton draftId={d.draftId} name={d.label || t('today.draftNoName')} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}
