import { useTranslation } from 'react-i18next';
import type { BackupRecord } from '../../../../shared/schema/data-safety';
import { failureText } from './failure';
import type { SafetyFormat } from './format';

/** Every backup recorded, the latest first: when, how, its outcome, its file and size. */
export function BackupHistory({ history, f }: { history: BackupRecord[]; f: SafetyFormat }) {
  const { t } = useTranslation();
  const rows = [...history].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  if (rows.length === 0) return <p className="hint">{t('dataSafety.history.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="safety-table">
        <caption>{t('dataSafety.history.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dataSafety.history.when')}</th>
            <th scope="col">{t('dataSafety.history.outcome')}</th>
            <th scope="col">{t('dataSafety.backup.trigger')}</th>
            <th scope="col">{t('dataSafety.backup.file')}</th>
            <th scope="col" className="num">
              {t('dataSafety.backup.size')}
            </th>
            <th scope="col">{t('dataSafety.history.by')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{f.instant(r.startedAt)}</td>
              <td>
                {r.ok ? t('dataSafety.history.ok') : t('dataSafety.history.failed')}
                {r.failure && <span className="hint"> — {failureText(t, r.failure)}</span>}
              </td>
              <td>{t(`dataSafety.trigger.${r.trigger}`)}</td>
              <td>{r.fileName ? <code className="wrap">{r.fileName}</code> : '—'}</td>
              <td className="num">{r.bytes !== null ? f.bytes(r.bytes) : '—'}</td>
              <td>{r.byUsername ?? t('dataSafety.history.byApp')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
