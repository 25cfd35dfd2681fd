import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from './components/ErrorBanner';
import { LanguageSwitch } from './components/LanguageSwitch';
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

/** Which screen the workstation shows follows the back end's session state, never the other way round. */
export function App() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const status = useQuery({ queryKey: ['auth'], queryFn: () => call('auth.status', {}) });
  const lock = useMutation({
    // What the officer typed last is saved as their draft before the screen locks.
    mutationFn: async () => {
      await flushAll();
      return call('auth.lock', {});
    },
    onSuccess: (s) => qc.setQueryData(['auth'], s),
  });
  const s = status.data;
  // First run: right after the supervisor's account is made, the signing certificate step.
  const [certificateStep, setCertificateStep] = useState(false);
  useIdleLock(s?.idleLockMinutes ?? 10, Boolean(s?.user && !s.locked), () => lock.mutate());
  useEffect(() => onLocked(() => void qc.invalidateQueries({ queryKey: ['auth'] })), [qc]);
  // A reload, a closed window or a crash of the page within a second of typing: the pending
  // draft is sent now, not after the autosave's pause (the request outlives the page).
  useEffect(() => {
    const flush = () => void flushAll();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  if (status.error) return <ErrorBanner error={errorOf(status.error)} />;
  if (!s) return <p role="status">{t('common.loading')}</p>;
  const corner = (
    <div className="corner">
      <LanguageSwitch />
    </div>
  );
  if (s.setupNeeded) return (<>{corner}<SetupScreen onCreated={() => setCertificateStep(true)} /><PageFooter /></>);
  if (certificateStep && s.user && !s.locked) return (<>{corner}<SetupCertificateStep onDone={() => setCertificateStep(false)} /><PageFooter /></>);
  if (!s.user) return (<>{corner}<SignInScreen /><PageFooter /></>);
  if (s.user.mustChangePassword && !s.locked) {
    return (<>{corner}<main id="main"><ChangePasswordScreen forced /></main><PageFooter /></>);
  }
  return (
    <>
      <Shell key={s.user.userId} user={s.user} inert={s.locked} />
      {s.locked && <LockScreen user={s.user} />}
    </>
  );
}
