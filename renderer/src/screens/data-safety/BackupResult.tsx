import { useTranslation } from 'react-i18next';
import type { BackupRecord } from '../../../../shared/schema/data-safety';
import { failureText } from './failure';
import { AuditHeadFacts, CountsFacts, VerificationFacts } from './BackupFacts';
import type { SafetyFormat } from './format';

/** The last backup's outcome: made and verified (what it holds, what was checked), or failed and why. */
export function BackupResult({ record, f }: { record: BackupRecord; f: SafetyFormat }) {
  const { t } = useTranslation();
  return (
    <div className={record.ok ? 'banner banner-ok' : 'banner banner-error'} data-testid="backup-last">
      <h3>{t(record.ok ? 'dataSafety.backup.lastOk' : 'dataSafety.backup.lastFailed', { time: f.instant(record.finishedAt) })}</h3>
      {record.failure && <p>{failureText(t, record.failure)}</p>}
      <dl className="facts">
        {record.fileName && (
          <>
            <dt>{t('dataSafety.backup.file')}</dt>
            <dd>
              <code className="wrap">{record.fileName}</code>
            </dd>
          </>
        )}
        {record.bytes !== null && (
          <>
            <dt>{t('dataSafety.backup.size')}</dt>
            <dd>{f.bytes(record.bytes)}</dd>
          </>
        )}
        <dt>{t('dataSafety.backup.trigger')}</dt>
        <dd>{t(`dataSafety.trigger.${record.trigger}`)}</dd>
        {record.counts && <CountsFacts counts={record.counts} f={f} />}
        {record.auditHead && <AuditHeadFacts head={record.auditHead} />}
        {record.verification && <VerificationFacts v={record.verification} />}
      </dl>
    </div>
  );
}
