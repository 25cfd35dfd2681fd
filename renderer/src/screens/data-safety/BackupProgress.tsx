import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupProgress as Progress } from '../../../../shared/schema/data-safety';
import { localeOf, useLang } from '../../lang';

/** A backup under way: what it is doing, in words, and how far it has got (read out politely, never interrupting). */
export function BackupProgress({ running }: { running: Progress | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const percent = running ? Math.max(0, Math.min(100, Math.round(running.percent))) : 0;
  const pct = new Intl.NumberFormat(localeOf(lang), { style: 'percent' }).format(percent / 100);
  // A backup watched here that has just ended is said so (its outcome follows below).
  const [watched, setWatched] = useState(false);
  useEffect(() => {
    if (running) setWatched(true);
  }, [running]);
  // The live region stays in the page, so the first words of a new backup are read out too.
  return (
    <div role="status" aria-live="polite" className="backup-progress">
      {!running && watched && <p>{t('dataSafety.progress.done')}</p>}
      {running && (
        <>
          <label htmlFor={id}>{t('dataSafety.progress.label', { phase: t(`dataSafety.phase.${running.phase}`), percent: pct })}</label>
          <progress id={id} max={100} value={percent}>
            {pct}
          </progress>
        </>
      )}
    </div>
  );
}
