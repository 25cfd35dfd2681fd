import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schema/auth';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { ErrorBanner } from '../components/ErrorBanner';
import { call, errorOf } from '../ipc';
import { ConsentRecordForm } from './ConsentRecordForm';
import { DocumentTable } from './DocumentTable';
import { downloadPdf } from './download';

/**
 * The case's documents for IOM: consent form (generate, then record who signed it), referral
 * (only after consent, enforced by the back end too), and every document generated, to print.
 */
export function CaseDocumentsPanel({ detail, user, onChanged }: { detail: CaseDetail; user: SessionUser; onChanged: (c: CaseDetail) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const docs = useQuery({ queryKey: ['documents', detail.id, detail.version], queryFn: () => call('document.list', { caseId: detail.id }) });
  const refresh = (c: CaseDetail) => {
    onChanged(c);
    void qc.invalidateQueries({ queryKey: ['documents'] });
  };
  const generate = useMutation({
    mutationFn: () => call('consent.generateForm', { caseId: detail.id, baseVersion: detail.version }),
    onSuccess: async (doc) => {
      void qc.invalidateQueries({ queryKey: ['documents'] });
      downloadPdf(await call('document.print', { documentId: doc.id }));
    },
  });
  const refer = useMutation({ mutationFn: () => call('referral.create', { caseId: detail.id, baseVersion: detail.version }), onSuccess: refresh });
  const outcome = detail.decision ? (detail.decision.override?.outcome ?? detail.decision.outcome) : null;
  const eligible = outcome === 'eligible';
  const consentForm = [...(docs.data ?? [])].reverse().find((d) => d.type === 'consent_form');
  const err = [generate.error, refer.error, docs.error].find(Boolean);

  return (
    <section aria-labelledby="case-docs-title" className="card">
      <h2 id="case-docs-title">{t('documents.title')}</h2>
      {err && <ErrorBanner error={errorOf(err)} />}
      {!eligible && detail.status !== 'withdrawn' && <p className="hint">{t('documents.needsEligible')}</p>}
      {eligible && detail.status === 'decided' && can(user.role, 'document.generate') && (
        <p>
          <button type="button" onClick={() => generate.mutate()} disabled={generate.isPending}>
            {generate.isPending ? t('common.working') : t('documents.generateConsent')}
          </button>
        </p>
      )}
      {eligible && detail.status === 'decided' && consentForm && can(user.role, 'consent.record') && (
        <ConsentRecordForm key={consentForm.id} detail={detail} form={consentForm} onRecorded={refresh} />
      )}
      {detail.status === 'consented' && can(user.role, 'referral.create') && (
        <p>
          <button type="button" className="primary" onClick={() => refer.mutate()} disabled={refer.isPending}>
            {refer.isPending ? t('common.working') : t('documents.refer')}
          </button>
        </p>
      )}
      {detail.status === 'referred' && <p role="status">{t('documents.referred')}</p>}
      {docs.data && docs.data.length > 0 && <DocumentTable documents={docs.data} caption={t('documents.title')} />}
    </section>
  );
}
