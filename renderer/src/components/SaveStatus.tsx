import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { connection } from '../connection';
import type { DraftAutosaver } from '../hooks/draft-autosaver';
import { useSaveStatus } from '../hooks/useAutosave';
import { localeOf, useLang } from '../lang';

/** "Saved" / "Saving…" / "Not saved — retrying" / "Not saved — why": always visible, announced politely. */
export function SaveStatus({ saver }: { saver: DraftAutosaver }) {
  const status = useSaveStatus(saver);
  const { t } = useTranslation();
  const lang = useLang();
  const reachable = useSyncExternalStore(connection.subscribe, connection.getState).reachable;
  const time = status.savedAt ? new Intl.DateTimeFormat(localeOf(lang), { timeStyle: 'short' }).format(new Date(status.savedAt)) : null;
  const text = {
    clean: t('draft.clean'),
    pending: t('draft.saving'),
    saving: t('draft.saving'),
    saved: time ? t('draft.savedAt', { time }) : t('draft.saved'),
    // The office server is away: the text waits on this screen (issue 15 point 5).
    retrying: reachable ? t('draft.retrying') : t('connection.retrying'),
    conflict: t('draft.conflict'),
    stopped: t(`draft.stopped.${status.error ?? 'rejected'}`, { defaultValue: t('draft.stopped.rejected') }),
  }[status.state];
  const tone = status.state === 'retrying' || status.state === 'conflict' || status.state === 'stopped' ? 'save-status save-bad' : 'save-status';
  return (
    <p role="status" className={tone} data-state={status.state}>
      {text}
    </p>
  );
}
