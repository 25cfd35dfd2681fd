import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ledTo, verdict } from '../../../shared/case/guard';
import type { Verdict } from '../../../shared/case/guard';
import { statusInfo } from '../../../shared/case/lifecycle';
import type { SessionUser } from '../../../shared/schema/auth';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { GapList } from '../components/GapList';
import { call, errorOf } from '../ipc';
import { ConsentRecordForm } from './ConsentRecordForm';
import { DocumentList } from './DocumentList';
import { IneligibilityLetterStep } from './IneligibilityLetterStep';
import { downloadPdf } from './download';

/** Offered by the lifecycle table to this person now: allowed, or allowed once the gaps are filled in. */
const shown = (v: Verdict) => v.ok || v.kind === 'requirements';
const gapsOf = (v: Verdict) => (!v.ok && v.kind === 'requirements' ? v.gaps : null);

/**
 * The case's documents for IOM: consent form (generate, then record who signed it), referral
 * (only after consent), and every document generated, to print. Which of these steps is offered,
 * and what is still missing for it, comes from the lifecycle table (shared/case/guard.ts), the
 * same the back end checks.
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
      // The case's version moves on with the form: reload it so the next step builds on it.
      onChanged(await call('case.get', { caseId: detail.id }));
      downloadPdf(await call('document.print', { documentId: doc.id }));
    },
  });
  const refer = useMutation({ mutationFn: () => call('referral.create', { caseId: detail.id, baseVersion: detail.version }), onSuccess: refresh });
  const canGenerate = verdict('generateConsent', detail, user.role);
  const canRecord = verdict('recordConsent', detail, user.role);
  const canRefer = verdict('refer', detail, user.role);
  const canLetter = verdict('generateIneligibilityLetter', detail, user.role);
  const [confirmRefer, setConfirmRefer] = useState(false);
  const consentForm = [...(docs.data ?? [])].reverse().find((d) => d.type === 'consent_form' && !d.superseded);
  const err = [generate.error, refer.error, docs.error].find(Boolean);
  // Recording consent needs a form: until one exists, its gap is the "generate" step's business.
  const recordGaps = gapsOf(canRecord)?.filter((g) => g.key !== 'lifecycle.gap.consent_form_missing') ?? null;

  return (
    <section aria-labelledby="case-docs-title" className="card case-docs">
      <h2 id="case-docs-title" tabIndex={-1}>
        {t('documents.title')}
      </h2>
      {err && <ErrorBanner error={errorOf(err)} />}
      {!shown(canGenerate) && !shown(canRecord) && !shown(canRefer) && !canLetter.ok && statusInfo[detail.status].phase === 'decision' && <p className="hint">{t('documents.needsEligible')}</p>}
      {/* A case decided not eligible gets its letter; consent is not a step of it (a reopen comes first). */}
      {shown(canGenerate) && !canLetter.ok && (
        <div className="step">
          {gapsOf(canGenerate) && <GapList gaps={gapsOf(canGenerate) ?? []} id="step-generate-gaps" />}
          <p>
            <button type="button" onClick={() => generate.mutate()} disabled={generate.isPending || !canGenerate.ok} aria-describedby={gapsOf(canGenerate) ? 'step-generate-gaps' : undefined}>
              {generate.isPending ? t('common.working') : t('documents.generateConsent')}
            </button>
          </p>
        </div>
      )}
      {shown(canRecord) && consentForm && (
        <>
          {recordGaps && recordGaps.length > 0 && <GapList gaps={recordGaps} />}
          {canRecord.ok && <ConsentRecordForm key={consentForm.id} detail={detail} form={consentForm} onRecorded={refresh} />}
        </>
      )}
      {shown(canRefer) && (
        <div className="step">
          {gapsOf(canRefer) && <GapList gaps={gapsOf(canRefer) ?? []} id="step-refer-gaps" />}
          <p>
            <button type="button" className="primary" onClick={() => setConfirmRefer(true)} disabled={refer.isPending || !canRefer.ok} aria-describedby={gapsOf(canRefer) ? 'step-refer-gaps' : undefined}>
              {refer.isPending ? t('common.working') : t('documents.refer')}
            </button>
          </p>
        </div>
      )}
      {/* Outward and irreversible: the packet is signed and goes to IOM. Asked once, the safe choice focused. */}
      <Dialog open={confirmRefer} title={t('documents.referConfirmTitle', { number: detail.caseNumber })} onClose={() => setConfirmRefer(false)}>
        <p>{t('documents.referConfirmText')}</p>
        <div className="row-actions">
          <button type="button" autoFocus onClick={() => setConfirmRefer(false)}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => {
              setConfirmRefer(false);
              refer.mutate();
            }}
          >
            {t('documents.referConfirm')}
          </button>
        </div>
      </Dialog>
      {ledTo('refer', detail.status) && <p role="status">{t('documents.referred')}</p>}
      <IneligibilityLetterStep detail={detail} user={user} />
      {docs.data && docs.data.length > 0 && <DocumentList documents={docs.data} />}
    </section>
  );
}
