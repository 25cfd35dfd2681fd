import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { historyWords } from '../../../../shared/schema/history';
import type { CaseDetail } from '../../../../shared/schema/case-api';
import { formatLocalDateTime } from '../../../../shared/time/format';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { localeOf, useLang } from '../../lang';

/**
 * Who did what on the case, and when (office time), in the screen's language: the audit trail's
 * steps, the stage entries with their corrections, the scans by hash. Read again whenever the
 * case changes (its version) or a scan is added or opened.
 */
export function CaseHistory({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const history = useQuery({ queryKey: ['history', detail.id, detail.version], queryFn: () => call('case.history', { caseId: detail.id }) });
  const when = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' });
  const tr = (key: string, params?: Record<string, string>) => t(key, params ?? {});
  const lines = history.data ?? [];
  return (
    <section aria-labelledby="history-title" className="card" id="sec-history">
      <h2 id="history-title">{t('history.title')}</h2>
      <p className="hint">{t('history.intro')}</p>
      {history.error && <ErrorBanner error={errorOf(history.error)} />}
      {lines.length === 0 ? (
        <p>{history.isPending ? t('common.loading') : t('history.none')}</p>
      ) : (
        <table className="history">
          <caption className="visually-hidden">{t('history.tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.col.when')}</th>
              <th scope="col">{t('history.col.who')}</th>
              <th scope="col">{t('history.col.what')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => {
              const w = historyWords(l, tr);
              return (
                <tr key={`${l.at}-${i}`}>
                  <td>
                    <time dateTime={l.at}>{formatLocalDateTime(l.localAt, when)}</time>
                  </td>
                  <td>{w.who}</td>
                  <td dir="auto">{w.what}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
