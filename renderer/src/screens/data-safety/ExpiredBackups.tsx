import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../shared/schema/data-safety';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { ConfirmDialog } from '../users/ConfirmDialog';
import type { SafetyFormat } from './format';
import { BACKUP_STATUS_KEY } from './queries';

/** Backup files older than the retention period: each deleted on its own, after a confirmation. */
export function ExpiredBackups({ expired, f }: { expired: BackupStatus['expired']; f: SafetyFormat }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [asking, setAsking] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (fileName: string) => call('backup.delete', { fileName }),
    onSuccess: (s, fileName) => {
      qc.setQueryData(BACKUP_STATUS_KEY, s);
      setAsking(null);
      setDeleted(fileName);
    },
    onError: () => setAsking(null),
  });
  return (
    <div className="expired-backups">
      <h3>{t('dataSafety.expired.title')}</h3>
      <p className="hint">{t('dataSafety.expired.intro')}</p>
      {deleted && (
        <p role="status" className="banner banner-ok">
          {t('dataSafety.expired.deleted', { file: deleted })}
        </p>
      )}
      <ErrorBanner error={remove.error ? errorOf(remove.error) : null} />
      {expired.length === 0 ? (
        <p>{t('dataSafety.expired.none')}</p>
      ) : (
        <ul className="plain-list">
          {expired.map((x) => (
            <li key={x.fileName} className="expired-row">
              <code className="wrap">{x.fileName}</code> · {f.instant(x.createdAt)}{' '}
              <button type="button" className="danger" aria-label={t('dataSafety.expired.deleteNamed', { file: x.fileName })} onClick={() => setAsking(x.fileName)}>
                {t('dataSafety.expired.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={t('dataSafety.expired.confirmTitle')}
        text={t('dataSafety.expired.confirmText', { file: asking ?? '' })}
        confirm={t('dataSafety.expired.delete')}
        danger
        onConfirm={() => asking && remove.mutate(asking)}
        onCancel={() => setAsking(null)}
      />
    </div>
  );
}
