import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveChange } from '../../../shared/schema/live';
import { connection } from '../connection';

/**
 * The case page's save bar stays in view while the officer scrolls through the interview; the
 * notices at the top of the page do not. What an officer typing far down must not miss is
 * repeated here, short: the office server is away (what they type waits on this screen), or
 * another desk just changed this case (before they type over it). Not live regions: the full
 * notices at the top already announce them once.
 */
export function CaseBarNotes({ elsewhere, onShowTheirs }: { elsewhere: LiveChange | null; onShowTheirs: () => void }) {
  const { t } = useTranslation();
  const reachable = useSyncExternalStore(connection.subscribe, connection.getState).reachable;
  return (
    <>
      {!reachable && <span className="bar-note bar-bad">{t('connection.barNote')}</span>}
      {elsewhere && (
        <span className="bar-note bar-warn">
          {t('live.barNote', { name: elsewhere.displayName })}{' '}
          <button type="button" onClick={onShowTheirs}>
            {t('live.showTheirs')}
          </button>
        </span>
      )}
    </>
  );
}
