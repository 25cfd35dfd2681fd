import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/schema/auth';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { flushAll } from '../flush';
import { SignInForm } from './SignInForm';

/**
 * Shown over the (inert) app while the workstation is locked, or after the person's session
 * ended on the office server (it restarted: `sessionLost`). The same person signs back in and
 * finds their screen as they left it, and what they typed meanwhile is saved at once; another
 * person can sign in instead (their own session, a fresh screen), and the first person's saved
 * draft stays theirs.
 */
export function LockScreen({ user, reason = 'locked' }: { user: SessionUser; reason?: 'locked' | 'sessionLost' }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector('input')?.focus(), []);
  const texts = reason === 'locked' ? { title: t('lock.title'), intro: t('lock.intro', { name: user.displayName }), submit: t('lock.submit') } : { title: t('connection.sessionLost.title'), intro: t('connection.sessionLost.intro', { name: user.displayName }), submit: t('connection.sessionLost.submit') };
  return (
    <div className="lock-overlay">
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby="lock-title" className="dialog">
        <div className="dialog-corner">
          <LanguageSwitch />
        </div>
        <ConnectionBanner />
        <h1 id="lock-title">{texts.title}</h1>
        <p>{texts.intro}</p>
        <SignInForm defaultUsername={user.username} submitLabel={texts.submit} onSignedIn={() => void flushAll()} />
      </div>
    </div>
  );
}
