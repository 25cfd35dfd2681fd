import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../shared/schema/data-safety';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { BackupHistory } from './BackupHistory';
import { BackupProgress } from './BackupProgress';
import { BackupResult } from './BackupResult';
import { BackupSettingsForm } from './BackupSettingsForm';
import { ExpiredBackups } from './ExpiredBackups';
import type { SafetyFormat } from './format';
import { overdueText } from './overdue';
import { BACKUP_STATUS_KEY } from './queries';
import { SafetySection } from './SafetySection';

/**
 * Backups: the folder and schedule, "Back up now", the progress of one under way (the status is
 * polled every second meanwhile), the last outcome with what was verified, the history, and the
 * files old enough to delete.
 */
export function BackupSection({ status, f }: { status: BackupStatus; f: SafetyFormat }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: () => call('backup.run', {}),
    onSuccess: (s) => qc.setQueryData(BACKUP_STATUS_KEY, s),
  });
  const running = status.running !== null;
  return (
    <SafetySection title={t('dataSafety.backup.title')} intro={t('dataSafety.backup.intro')}>
      <BackupOverdue status={status} f={f} />
      <BackupSettingsForm settings={status.settings} />
      <h3>{t('dataSafety.backup.nowTitle')}</h3>
      {status.dueAt && <p>{t('dataSafety.backup.dueAt', { time: f.instant(status.dueAt) })}</p>}
      {!status.settings && <p className="hint">{t('dataSafety.backup.chooseFolderFirst')}</p>}
      <button type="button" className="primary" disabled={!status.settings || running || run.isPending} onClick={() => run.mutate()}>
        {t('dataSafety.backup.now')}
      </button>
      <ErrorBanner error={run.error ? errorOf(run.error) : null} />
      <BackupProgress running={status.running} />
      {status.last && !running && <BackupResult record={status.last} f={f} />}
      <BackupHistory history={status.history} f={f} />
      <ExpiredBackups expired={status.expired} f={f} />
    </SafetySection>
  );
}

/** The schedule is not kept (or was never set up): said at the top of the section. */
function BackupOverdue({ status, f }: { status: BackupStatus; f: SafetyFormat }) {
  const { t } = useTranslation();
  if (!status.overdue) return null;
  return <p className="banner banner-warn">{overdueText(t, status, f)}</p>;
}
