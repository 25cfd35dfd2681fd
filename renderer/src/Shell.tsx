import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../shared/roles';
import type { AuthStatus, SessionUser } from '../../shared/schema/auth';
import { LanguageSwitch } from './components/LanguageSwitch';
import { call } from './ipc';
import { CasesScreen } from './screens/CasesScreen';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { UsersScreen } from './screens/UsersScreen';

type Screen = 'cases' | 'users' | 'password';

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
      qc.clear();
      setStatus(s);
    },
  });
  const nav: { id: Screen; label: string; show: boolean }[] = [
    { id: 'cases', label: t('nav.cases'), show: true },
    { id: 'users', label: t('nav.users'), show: can(user.role, 'user.manage') },
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
        {screen === 'password' && <ChangePasswordScreen forced={false} onDone={() => setScreen('cases')} />}
      </main>
    </div>
  );
}
