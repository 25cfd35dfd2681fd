import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../shared/schema/auth';
import { ConnectionBanner } from './components/ConnectionBanner';
import { ErrorBanner } from './components/ErrorBanner';
import { LanguageSwitch } from './components/LanguageSwitch';
import { connection } from './connection';
import { flushAll } from './flush';
import { call, errorOf, onLocked } from './ipc';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { LockScreen } from './screens/LockScreen';
import { SetupScreen } from './screens/SetupScreen';
import { SignInScreen } from './screens/SignInScreen';
import { Shell } from './Shell';
import { PageFooter } from './components/PageFooter';
import { SetupCertificateStep } from './screens/SetupCertificateStep';
import { useIdleLock } from './useIdleLock';
import { lockWorkstation } from './lock-workstation';
import { nextSessionView, noSessionView } from './session-lost';
import { signOutsHere } from './signed-out';

/** Which screen the workstation shows follows the back end's session state, never the other way round. */
export function App() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const status = useQuery({ queryKey: ['auth'], queryFn: () => call('auth.status', {}) });
  const lock = useMutation({
    // What the officer typed last is saved as their draft before the screen locks.
    mutationFn: () => lockWorkstation(qc),
    onSuccess: (s) => qc.setQueryData(['auth'], s),
  });
  const s = status.data;
  // First run: right after the supervisor's account is made, the signing certificate step.
  const [certificateStep, setCertificateStep] = useState(false);
  useIdleLock(s?.idleLockMinutes ?? 10, Boolean(s?.user && !s.locked), () => lock.mutate());
  useEffect(() => onLocked(() => void qc.invalidateQueries({ queryKey: ['auth'] })), [qc]);
  // The office server answers again: is the session still there (it may have restarted), and
  // what was typed meanwhile is sent now rather than at the autosaver's next try.
  useEffect(
    () =>
      connection.onReconnected(() => {
        void (async () => {
          // Locked here while the server was away: its session is locked too before anything else.
          const known = qc.getQueryData<AuthStatus>(['auth']);
          if (known?.user && known.locked) await call('auth.lock', {}).catch(() => undefined);
          await qc.invalidateQueries({ queryKey: ['auth'] });
          await flushAll();
        })();
      }),
    [qc],
  );
  // A session that ended without this page ending it (the office server restarted): the
  // person's screen is kept, inert, under a sign-in overlay. Worked out while rendering, so the
  // screen is never unmounted for a frame.
  const [sessionView, setSessionView] = useState(noSessionView);
  const view = s ? nextSessionView(sessionView, s, signOutsHere()) : sessionView;
  if (view !== sessionView) setSessionView(view);
  // A reload, a closed window or a crash of the page within a second of typing: the pending
  // draft is sent now, not after the autosave's pause (the request outlives the page).
  useEffect(() => {
    const flush = () => void flushAll();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  // A failed refresh of a status already known (the server unreachable) keeps the screen as it is.
  if (!s) return status.error ? (<><ConnectionBanner /><ErrorBanner error={errorOf(status.error)} /></>) : <p role="status">{t('common.loading')}</p>;
  const corner = (
    <>
      <ConnectionBanner />
      <div className="corner">
        <LanguageSwitch />
      </div>
    </>
  );
  if (s.setupNeeded) return (<>{corner}<SetupScreen onCreated={() => setCertificateStep(true)} /><PageFooter /></>);
  if (certificateStep && s.user && !s.locked) return (<>{corner}<SetupCertificateStep onDone={() => setCertificateStep(false)} /><PageFooter /></>);
  const lost = s.user ? null : view.lost;
  if (!s.user && !lost) return (<>{corner}<SignInScreen /><PageFooter /></>);
  if (s.user?.mustChangePassword && !s.locked) {
    return (<>{corner}<main id="main"><ChangePasswordScreen forced /></main><PageFooter /></>);
  }
  // The same person signing in again keeps this Shell (same key); anyone else gets a new one.
  const user = s.user ?? lost;
  if (!user) return null;
  const overlay = lost ? <LockScreen user={lost} reason="sessionLost" /> : s.locked ? <LockScreen user={user} /> : null;
  return (
    <>
      {overlay === null && <ConnectionBanner />}
      <Shell key={user.userId} user={user} inert={overlay !== null} />
      {overlay}
    </>
  );
}
