import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportQuery } from '../../../../shared/reports/query';
import type { ReportFile } from '../../../../shared/schema/reports-api';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { useLang } from '../../lang';
import { saveReportFile } from './save';

type Kind = 'csv' | 'pdf' | 'cases';

/**
 * The report's files: every table as CSV (aggregate numbers only), the report as a signed PDF,
 * and, for a supervisor, the cases with personal data, only after a confirmation that says the
 * file leaves the protected store.
 */
export function ReportExports({ query, canExportCases }: { query: ReportQuery; canExportCases: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const titleId = useId();
  const [confirm, setConfirm] = useState(false);
  const run = useMutation({
    mutationFn: (kind: Kind): Promise<ReportFile> =>
      kind === 'csv' ? call('report.exportCsv', { query, lang }) : kind === 'pdf' ? call('report.exportPdf', { query, lang }) : call('report.exportCases', { query, lang }),
    onSuccess: (file) => {
      setConfirm(false);
      saveReportFile(file);
    },
  });
  return (
    <section aria-labelledby={titleId} className="card report-exports">
      <h2 id={titleId}>{t('reports.exports.title')}</h2>
      <p className="hint">{t('reports.exports.intro')}</p>
      <div className="row-actions">
        <button type="button" disabled={run.isPending} onClick={() => run.mutate('csv')}>
          {t('reports.exports.csv')}
        </button>
        <button type="button" disabled={run.isPending} onClick={() => run.mutate('pdf')}>
          {t('reports.exports.pdf')}
        </button>
        {canExportCases && (
          <button type="button" className="danger" disabled={run.isPending} onClick={() => setConfirm(true)}>
            {t('reports.exports.cases')}
          </button>
        )}
      </div>
      {run.isPending && <p role="status">{t('common.working')}</p>}
      {run.data && !run.isPending && (
        <p role="status" className="banner banner-ok">
          {t(run.data.personalData ? 'reports.exports.savedPersonal' : 'reports.exports.saved', { file: run.data.filename })}
        </p>
      )}
      {run.error && !confirm && <ErrorBanner error={errorOf(run.error)} />}
      {canExportCases && (
        <Dialog open={confirm} title={t('reports.exports.confirmTitle')} onClose={() => setConfirm(false)}>
          <div className="banner banner-warn">
            <p>{t('reports.exports.confirmWarning')}</p>
            <p>{t('reports.exports.confirmAudit')}</p>
          </div>
          {run.error && <ErrorBanner error={errorOf(run.error)} />}
          <div className="row-actions">
            {/* The safe choice takes the focus. */}
            <button type="button" autoFocus onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="danger" disabled={run.isPending} onClick={() => run.mutate('cases')}>
              {t('reports.exports.confirm')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
