import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/schema/auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SignInForm } from './SignInForm';

/**
 * Shown over the (inert) app while the workstation is locked. The same person signs back in
 * and finds their screen as they left it; another person can sign in instead (their own
 * session), and the first person's saved draft stays theirs.
 */
export function LockScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector('input')?.focus(), []);
  return (
    <div className="lock-overlay">
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby="lock-title" className="dialog">
        <div className="dialog-corner">
          <LanguageSwitch />
        </div>
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p>{t('lock.intro', { name: user.displayName })}</p>
        <SignInForm defaultUsername={user.username} submitLabel={t('lock.submit')} />
      </div>
    </div>
  );
}
