import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../shared/roles';
import type { AuthStatus, SessionUser } from '../../shared/schema/auth';
import { LanguageSwitch } from './components/LanguageSwitch';
import { call } from './ipc';
import { CasesScreen } from './screens/CasesScreen';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { AuditScreen } from './screens/AuditScreen';
import { UsersScreen } from './screens/UsersScreen';

type Screen = 'cases' | 'users' | 'audit' | 'password';

/** The signed-in app: header with navigation and the person's menu, and the current screen. */
export function Shell({ user, inert }: { user: SessionUser; inert: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [screen, setScreen] = useState<Screen>('cases');
  const setStatus = (s: AuthStatus) => qc.setQueryData(['auth'], s);
  const lock = useMutation({ mutationFn: () => call('auth.lock', {}), onSuccess: setStatus });
  const signOut = useMutation({
    mutationFn: () => call('auth.signOut', {}),
    onSuccess: (s) => {
      setStatus(s);
      // Nothing of the last person's data stays in memory after sign-out.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    },
  });
  const nav: { id: Screen; label: string; show: boolean }[] = [
    { id: 'cases', label: t('nav.cases'), show: true },
    { id: 'users', label: t('nav.users'), show: can(user.role, 'user.manage') },
    { id: 'audit', label: t('nav.audit'), show: can(user.role, 'audit.read') },
  ];

  return (
    <div className="shell" inert={inert}>
      <a href="#main" className="skip-link">
        {t('common.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {nav
              .filter((n) => n.show)
              .map((n) => (
                <li key={n.id}>
                  <button type="button" className="nav-button" aria-current={screen === n.id ? 'page' : undefined} onClick={() => setScreen(n.id)}>
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
          <LanguageSwitch />
          <button type="button" className="link-button" onClick={() => setScreen('password')}>
            {t('password.title')}
          </button>
          <button type="button" className="link-button" onClick={() => lock.mutate()}>
            {t('lock.action')}
          </button>
          <button type="button" className="link-button" onClick={() => signOut.mutate()}>
            {t('auth.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {screen === 'cases' && <CasesScreen user={user} />}
        {screen === 'users' && can(user.role, 'user.manage') && <UsersScreen user={user} />}
        {screen === 'audit' && can(user.role, 'audit.read') && <AuditScreen />}
        {screen === 'password' && <ChangePasswordScreen forced={false} onDone={() => setScreen('cases')} />}
      </main>
    </div>
  );
}
