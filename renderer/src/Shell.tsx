import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../shared/roles';
import type { AuthStatus, SessionUser } from '../../shared/schema/auth';
import { LockedContext } from './components/Dialog';
import { LanguageSwitch } from './components/LanguageSwitch';
import { PageFooter } from './components/PageFooter';
import { ProtectedBanner } from './components/ProtectedBanner';
import { flushAll } from './flush';
import { lockWorkstation } from './lock-workstation';
import { useLiveChanges } from './live/useLiveChanges';
import { call } from './ipc';
import { NavContext } from './navigation';
import { applySignedOut } from './signed-out';
import type { NavigateHow, Route } from './navigation';
import { initialRoute, recordRoute, routeOfEntry } from './route-url';
import { defaultCaseListState } from './screens/cases/list-state';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { TodayScreen } from './screens/TodayScreen';
import { useOfficeServer } from './screens/office/useOfficeServer';

// The interview and the supervisor screens load on first use: the sign-in and Today screens
// stay small and fast to start.
const CaseScreen = lazy(() => import('./screens/case/CaseScreen').then((m) => ({ default: m.CaseScreen })));
const UsersScreen = lazy(() => import('./screens/UsersScreen').then((m) => ({ default: m.UsersScreen })));
const AuditScreen = lazy(() => import('./screens/AuditScreen').then((m) => ({ default: m.AuditScreen })));
const PrintQueueScreen = lazy(() => import('./documents/PrintQueueScreen').then((m) => ({ default: m.PrintQueueScreen })));
const CertificateScreen = lazy(() => import('./documents/CertificateScreen').then((m) => ({ default: m.CertificateScreen })));
const IomImportScreen = lazy(() => import('./screens/IomImportScreen').then((m) => ({ default: m.IomImportScreen })));
const CheckDocumentScreen = lazy(() => import('./screens/CheckDocumentScreen').then((m) => ({ default: m.CheckDocumentScreen })));
const ReportsScreen = lazy(() => import('./screens/reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));
const CasesScreen = lazy(() => import('./screens/cases/CasesScreen').then((m) => ({ default: m.CasesScreen })));
const DataSafetyScreen = lazy(() => import('./screens/data-safety/DataSafetyScreen').then((m) => ({ default: m.DataSafetyScreen })));
const WorkstationsScreen = lazy(() => import('./screens/office/WorkstationsScreen').then((m) => ({ default: m.WorkstationsScreen })));
const AppointmentsScreen = lazy(() => import('./screens/appointments/AppointmentsScreen').then((m) => ({ default: m.AppointmentsScreen })));

/** The signed-in app: header with navigation and the person's menu, and the current screen. */
export function Shell({ user, inert }: { user: SessionUser; inert: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  // The Workstations screen exists on the office server only (not on a single workstation).
  const officeServer = useOfficeServer();
  const [route, setRoute] = useState<Route>(() => initialRoute({ name: 'today' }, user.userId));
  // A change within a screen (a filter of the Cases list) leaves the focus where it is.
  const keepFocus = useRef(false);
  const mainRef = useRef<HTMLElement>(null);
  // Other desks' changes (issue 15 point 4): asked for while the person is here and unlocked.
  useLiveChanges(!inert);
  const setStatus = (s: AuthStatus) => qc.setQueryData(['auth'], s);
  const lock = useMutation({
    mutationFn: () => lockWorkstation(qc),
    onSuccess: setStatus,
  });
  const signOut = useMutation({
    mutationFn: async () => {
      await flushAll();
      return call('auth.signOut', {});
    },
    // Nothing of the last person's data stays in memory after sign-out (nor their search in the address).
    onSuccess: (s) => applySignedOut(qc, s),
  });
  const go = useCallback((r: Route, how?: NavigateHow) => {
    keepFocus.current = how?.keepFocus === true;
    recordRoute(r, how?.replace === true);
    setRoute(r);
    if (r.name === 'today') void qc.invalidateQueries({ queryKey: ['today'] });
  }, [qc]);
  // A new screen, and the first one after signing in: its heading takes the focus (once the
  // screen has loaded), so a screen reader announces where the officer is and Tab starts there;
  // unless the screen itself has already put the focus on a field.
  useEffect(() => {
    const main = mainRef.current;
    if (keepFocus.current) {
      keepFocus.current = false;
      return undefined;
    }
    return main ? focusScreenHeading(main) : undefined;
  }, [route]);
  // The back and forward buttons: the screen (and the list's filters) of that history entry.
  useEffect(() => {
    const onPop = (e: PopStateEvent) => setRoute(routeOfEntry(e.state, { name: 'today' }));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const nav: { route: Route; label: string; show: boolean }[] = [
    { route: { name: 'today' }, label: t('nav.today'), show: true },
    { route: { name: 'cases', list: defaultCaseListState }, label: t('caseList.nav'), show: can(user.role, 'case.read') },
    { route: { name: 'appointments' }, label: t('appointments.nav'), show: can(user.role, 'appointment.manage') },
    { route: { name: 'printQueue' }, label: t('nav.printQueue'), show: can(user.role, 'document.print') },
    { route: { name: 'iomImport' }, label: t('iomImport.nav'), show: can(user.role, 'stage.record') },
    { route: { name: 'reports' }, label: t('reports.nav'), show: can(user.role, 'report.read') },
    { route: { name: 'checkDocument' }, label: t('checkDocument.nav'), show: can(user.role, 'document.check') },
    { route: { name: 'users' }, label: t('nav.users'), show: can(user.role, 'user.manage') },
    { route: { name: 'certificate' }, label: t('nav.certificate'), show: can(user.role, 'certificate.manage') },
    { route: { name: 'audit' }, label: t('nav.audit'), show: can(user.role, 'audit.read') },
    { route: { name: 'dataSafety' }, label: t('dataSafety.nav'), show: can(user.role, 'backup.manage') },
    { route: { name: 'workstations' }, label: t('workstations.nav'), show: officeServer && can(user.role, 'workstation.manage') },
  ];

  return (
    <LockedContext.Provider value={inert}>
      <NavContext.Provider value={go}>
        {/* Locked: the screen stays as it was left (drafts, scroll) but nothing of it is shown or read out. */}
        <div className={inert ? 'shell shell-locked' : 'shell'} inert={inert}>
          <a href="#main" className="skip-link">
            {t('common.skipToContent')}
          </a>
          {/* The GC Design System's header pattern: the agency's signature and the language toggle, then the application's bar. */}
          <header className="gc-header">
            <div className="gc-signature-row">
              <span className="gc-signature">{t('app.agency')}</span>
              <LanguageSwitch />
            </div>
            <div className="topbar">
              <span className="brand">{t('app.name')}</span>
              <nav aria-label={t('nav.label')}>
                <ul>
                  {nav
                    .filter((n) => n.show)
                    .map((n) => (
                      <li key={n.route.name}>
                        <button type="button" className="nav-button" aria-current={route.name === n.route.name ? 'page' : undefined} onClick={() => go(n.route)}>
                          {n.label}
                        </button>
                      </li>
                    ))}
                </ul>
              </nav>
              <div className="who">
                <span>
                  {user.displayName} · {t(`role.${user.role}`)}
                </span>
                <button type="button" className="link-button" onClick={() => go({ name: 'password' })}>
                  {t('password.title')}
                </button>
                <button type="button" className="link-button" onClick={() => lock.mutate()}>
                  {t('lock.action')}
                </button>
                <button type="button" className="link-button" onClick={() => signOut.mutate()}>
                  {t('auth.signOut')}
                </button>
              </div>
            </div>
          </header>
          <ProtectedBanner />
          <main id="main" tabIndex={-1} ref={mainRef}>
            <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
              {route.name === 'today' && <TodayScreen user={user} />}
              {route.name === 'case' && <CaseScreen key={route.caseId} caseId={route.caseId} user={user} />}
              {route.name === 'cases' && can(user.role, 'case.read') && <CasesScreen state={route.list} user={user} />}
              {route.name === 'users' && can(user.role, 'user.manage') && <UsersScreen user={user} />}
              {route.name === 'audit' && can(user.role, 'audit.read') && <AuditScreen />}
              {route.name === 'printQueue' && can(user.role, 'document.print') && <PrintQueueScreen />}
              {route.name === 'certificate' && can(user.role, 'certificate.manage') && <CertificateScreen />}
              {route.name === 'iomImport' && can(user.role, 'stage.record') && <IomImportScreen />}
              {route.name === 'reports' && can(user.role, 'report.read') && <ReportsScreen user={user} />}
              {route.name === 'checkDocument' && can(user.role, 'document.check') && <CheckDocumentScreen />}
              {route.name === 'dataSafety' && can(user.role, 'backup.manage') && <DataSafetyScreen />}
              {route.name === 'workstations' && officeServer && can(user.role, 'workstation.manage') && <WorkstationsScreen />}
              {route.name === 'appointments' && can(user.role, 'appointment.manage') && <AppointmentsScreen date={route.date} />}
              {route.name === 'password' && <ChangePasswordScreen forced={false} onDone={() => go({ name: 'today' })} />}
            </Suspense>
          </main>
          <PageFooter />
        </div>
      </NavContext.Provider>
    </LockedContext.Provider>
  );
}

/** Focus the screen's h1 when it appears (screens load lazily); gives up after about two seconds. Returns a cancel. */
function focusScreenHeading(main: HTMLElement): () => void {
  let frames = 0;
  let id = 0;
  // What had the focus when the screen changed (the button that opened it) does not count: while
  // the new screen loads, the old one stays in the page, hidden.
  const before = document.activeElement;
  const tick = () => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== before && active !== main && main.contains(active) && active.checkVisibility()) return;
    const h1 = [...main.querySelectorAll<HTMLElement>('h1')].find((h) => h.checkVisibility());
    if (h1) {
      if (!h1.hasAttribute('tabindex')) h1.tabIndex = -1;
      h1.focus();
      return;
    }
    if (++frames < 120) id = requestAnimationFrame(tick);
    else main.focus();
  };
  id = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(id);
}
