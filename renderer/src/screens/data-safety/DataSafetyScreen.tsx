import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { errorOf } from '../../ipc';
import { BackupSection } from './BackupSection';
import { useSafetyFormat } from './format';
import { KeySection } from './KeySection';
import { useBackupStatus } from './queries';
import { RestoreSection } from './RestoreSection';
import { RetentionSection } from './RetentionSection';
import './data-safety.css';

/**
 * Supervisor: the office's data kept safe (docs/data-safety.md). Backups (folder, schedule, now,
 * verified outcome, history), restore into a new folder with a preview before switching, the
 * database key's rotation, and retention with the disposal of cases past it.
 */
export function DataSafetyScreen() {
  const { t } = useTranslation();
  const f = useSafetyFormat();
  const status = useBackupStatus();
  return (
    <>
      <h1>{t('dataSafety.title')}</h1>
      <p className="hint">{t('dataSafety.intro')}</p>
      <ErrorBanner error={status.error ? errorOf(status.error) : null} />
      {status.isPending && <p role="status">{t('common.loading')}</p>}
      {status.data && (
        <>
          <BackupSection status={status.data} f={f} />
          <RestoreSection history={status.data.history} f={f} />
        </>
      )}
      <KeySection f={f} />
      <RetentionSection f={f} />
    </>
  );
}
