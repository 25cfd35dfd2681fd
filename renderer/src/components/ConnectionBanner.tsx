import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { connection } from '../connection';
import type { ConnectionState } from '../connection';
import { localeOf, useLang } from '../lang';

/**
 * While the office server cannot be reached: says so once to screen readers (the alert is
 * mounted when the server is lost, not at each try), says that what was typed is kept on this
 * screen, when the next try is, and offers to try at once. In the page's flow, never over the form.
 */
export function ConnectionBanner() {
  const state = useSyncExternalStore(connection.subscribe, connection.getState);
  return state.reachable ? null : <Unreachable state={state} />;
}

function Unreachable({ state }: { state: Extract<ConnectionState, { reachable: false }> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const hadFocus = useRef(false);
  // The server is back while the officer was on "Try again now": the focus goes to the screen,
  // not to the page's body.
  useEffect(
    () => () => {
      if (hadFocus.current && (document.activeElement === null || document.activeElement === document.body)) document.getElementById('main')?.focus();
    },
    [],
  );
  const time = state.nextTryAt === null ? null : new Intl.DateTimeFormat(localeOf(lang), { timeStyle: 'medium' }).format(new Date(state.nextTryAt));
  return (
    <section
      className="banner banner-error connection-banner"
      aria-labelledby="connection-title"
      onFocus={() => (hadFocus.current = true)}
      onBlur={() => (hadFocus.current = false)}
    >
      <div role="alert">
        <p id="connection-title" className="connection-title">
          {t('connection.banner.title')}
        </p>
        <p>{t('connection.banner.body')}</p>
      </div>
      <p className="connection-retry">
        <span>{time === null ? t('connection.banner.trying') : t('connection.banner.nextTry', { time })}</span>{' '}
        {/* Never disabled: the focus stays on it while a try is under way (a second press waits for that try). */}
        <button type="button" onClick={() => connection.tryNow()}>
          {t('connection.banner.tryNow')}
        </button>
      </p>
    </section>
  );
}
