import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../navigation';
import { overdueText } from './overdue';
import { useSafetyFormat } from './format';
import { useBackupStatus } from './queries';

/**
 * On the supervisor's Today screen: backups are not set up, or the last good one is older than the
 * schedule allows; with the way to the Data safety screen. Nothing while they are on time (or the
 * status cannot be read: the Data safety screen says why).
 */
export function BackupOverdueNotice() {
  const { t } = useTranslation();
  const go = useNavigate();
  const f = useSafetyFormat();
  const status = useBackupStatus();
  const s = status.data;
  if (!s?.overdue) return null;
  return (
    <div className="banner banner-warn" data-testid="backup-overdue">
      <p>{overdueText(t, s, f)}</p>
      <button type="button" onClick={() => go({ name: 'dataSafety' })}>
        {t('dataSafety.overdue.action')}
      </button>
    </div>
  );
}
