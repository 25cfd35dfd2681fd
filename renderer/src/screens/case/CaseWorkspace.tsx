import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { FormProvider, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/schema/auth';
import type { CaseDetail, DraftRecord } from '../../../../shared/schema/case-api';
import { intakeDocumentAsOf } from '../../../../shared/time/intake-dates';
import type { IntakeDocument } from '../../../../shared/schema/intake';
import { EligibilityPanel } from '../../components/EligibilityPanel';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ErrorSummary } from '../../components/ErrorSummary';
import { restoreValues } from '../../components/form/restore';
import type { IntakeValues } from '../../components/form/types';
import { SaveStatus } from '../../components/SaveStatus';
import { CaseBarNotes } from '../../live/CaseBarNotes';
import { ApplicationSection } from './ApplicationSection';
import { CaseDocumentsPanel } from '../../documents/CaseDocumentsPanel';
import { DecisionView } from './DecisionView';
import { ConflictReview } from './conflict/ConflictReview';
import { ClaimSection, ComplianceSection, ExclusionsSection, NeedsSection, ReintegrationSection, TravelSection } from './FactSections';
import { CASE_PARTS, useCasePartShortcuts } from './case-parts';
import { CaseContents } from './CaseContents';
import { Outline } from './Outline';
import { PersonsSection } from './PersonsSection';
import { ReopenDialog } from './ReopenDialog';
import { ReviewDialog } from './ReviewDialog';
import { ReviewWhy } from './ReviewWhy';
import { StepsPanel } from './StepsPanel';
import { can } from '../../../../shared/roles';
import { CaseAppointments } from '../appointments/CaseAppointments';
import { NextAppointmentNote } from '../appointments/NextAppointmentNote';
import { useCaseWorkspace } from './useCaseWorkspace';
import { ChangedElsewhereNotice } from '../../live/ChangedElsewhereNotice';
import { WithdrawDialog } from './WithdrawDialog';
import { AttachmentsPanel } from './AttachmentsPanel';
import { InformationRequest } from './InformationRequest';
import { CaseHistory } from './CaseHistory';
import { useOfficeToday } from '../../office-time';
import { hasStageWork, StagesSection } from './stages/StagesSection';

/**
 * The interview: the whole intake as sections in any order, the live eligibility panel, and the
 * steps of the case the lifecycle table offers (hand-over, decision, review, reopening,
 * withdrawal). What the officer types is their draft until they save; a save that meets a newer
 * version never drops it. State and actions live in useCaseWorkspace; this is the view.
 */
export function CaseWorkspace({ initial, user }: { initial: CaseDetail & { myDraft: DraftRecord | null }; user: SessionUser }) {
  const { t } = useTranslation();
  const officeToday = useOfficeToday();
  const myDraft = initial.myDraft;
  const [initialValues] = useState<IntakeValues>(() => (myDraft ? restoreValues(myDraft.data, initial.intake) : initial.intake));
  const form = useForm<IntakeValues, unknown, IntakeDocument>({ resolver: zodResolver(intakeDocumentAsOf(officeToday)), defaultValues: initialValues, mode: 'onSubmit', reValidateMode: 'onChange' });
  const array = useFieldArray({ control: form.control, name: 'persons', keyName: 'key' });
  const w = useCaseWorkspace({ initial, user, form, initialValues });
  const { detail, editable } = w;
  const readOnly = !editable;
  const principal = detail.intake.persons[0];
  const factsDecided = w.error?.messageKey === 'lifecycle.refused.facts_decided' && w.may('reopen').ok;
  const hasStages = hasStageWork(detail);
  const hasDocuments = detail.decision !== null;
  const parts = useMemo(() => CASE_PARTS.filter((p) => (p.id === 'stages' ? hasStages : p.id === 'documents' ? hasDocuments : true)), [hasStages, hasDocuments]);
  useCasePartShortcuts(parts);

  return (
    <FormProvider {...form}>
      <div className="case-head">
        <h1>
          {t('case.titleNumber', { number: detail.caseNumber })} — <span dir="auto">{principal?.nameAsWritten}</span>
          {principal && principal.nameLatin !== principal.nameAsWritten && <span className="latin"> ({principal.nameLatin})</span>}
        </h1>
        <p className="case-status">
          {t('cases.status')}{t('common.colon')} <strong>{t(`status.${detail.status}`)}</strong>
          <NextAppointmentNote caseId={detail.id} initial={detail.appointmentAt} />
          {detail.withdrawal && <> · {t('withdraw.withdrawnOn', { date: detail.withdrawal.at })}</>}
        </p>
        <ReviewWhy detail={detail} />
        {editable && <SaveStatus saver={w.saver} />}
      </div>
      {w.readOnlyReason && (
        <p className="banner banner-info read-only" role="note" data-testid="read-only">
          {t(w.readOnlyReason)}
        </p>
      )}
      {w.elsewhere && <ChangedElsewhereNotice change={w.elsewhere} onShow={() => void w.showTheirs()} />}
      {w.stale && <ConflictReview key={detail.version} form={form} current={detail} base={w.baseIntake} onApplied={w.keepDraft} onDiscard={w.discardDraft} />}
      {w.restored && !w.stale && editable && <p className="banner banner-ok" role="status">{t('draft.restored')}</p>}
      {w.done && (
        <p className="banner banner-ok" role="status">
          {w.done}
        </p>
      )}
      <ErrorBanner error={w.error} />
      {factsDecided && (
        <p className="row-actions">
          <button type="button" onClick={() => w.setDialog('reopen')}>
            {t('reopen.open')}
          </button>
        </p>
      )}
      <div className="case-page">
        <div className="case-nav">
          <CaseContents parts={parts} saveShortcut={editable} />
          <Outline control={form.control} />
        </div>
        <div className="case-main">
          {hasStageWork(detail) && <StagesSection detail={detail} user={user} onChanged={w.stepped} />}
          {detail.decision && <CaseDocumentsPanel detail={detail} user={user} onChanged={w.stepped} />}
          <div className="case-layout">
            <form
              noValidate
              className={readOnly ? 'interview read-only-form' : 'interview'}
              aria-label={t('interview.formLabel')}
              onSubmit={(e) => void w.save(e)}
              onKeyDown={(e) => {
                // Ctrl+S (Cmd+S) saves, as in any editor; documented next to the Save button.
                if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && editable) {
                  e.preventDefault();
                  void w.save();
                }
              }}
            >
              {readOnly && <p className="read-only-tag">{t('caseLayout.readOnly')}</p>}
              <ErrorSummary items={w.summary} />
              <fieldset disabled={readOnly} className="plain">
                <legend className="visually-hidden">{t('interview.formLabel')}</legend>
                <ApplicationSection />
                <PersonsSection control={form.control} fields={array.fields} array={array} readOnly={readOnly} />
                <ClaimSection control={form.control} fields={array.fields} readOnly={readOnly} />
                <ExclusionsSection control={form.control} fields={array.fields} readOnly={readOnly} />
                <ComplianceSection control={form.control} fields={array.fields} readOnly={readOnly} />
                <TravelSection control={form.control} fields={array.fields} readOnly={readOnly} />
                <NeedsSection control={form.control} fields={array.fields} readOnly={readOnly} withheld={detail.medicalWithheld} />
                <ReintegrationSection />
              </fieldset>
              {editable && (
                <div className="actions sticky-actions">
                  <button type="submit" className="primary" disabled={w.busy}>
                    {t('case.save')}
                  </button>
                  <span className="hint">{t('case.saveShortcut')}</span>
                  <CaseBarNotes elsewhere={w.elsewhere} onShowTheirs={() => void w.showTheirs()} />
                </div>
              )}
            </form>
            <aside className="side" aria-label={t('case.sideLabel')}>
              <EligibilityPanel />
              <DecisionView detail={detail} />
              <StepsPanel w={w} />
              {can(user.role, 'appointment.manage') && <CaseAppointments detail={detail} />}
              {can(user.role, 'privacy.request') && <InformationRequest detail={detail} />}
            </aside>
          </div>
          <AttachmentsPanel detail={detail} user={user} />
          <CaseHistory detail={detail} />
        </div>
      </div>
      <WithdrawDialog open={w.dialog === 'withdraw'} detail={detail} onClose={() => w.setDialog(null)} onDone={(d) => w.finished(d, t('withdraw.done'))} />
      {(w.may('review').ok || w.dialog === 'review') && <ReviewDialog open={w.dialog === 'review'} detail={detail} onClose={() => w.setDialog(null)} onDone={(d) => w.finished(d, t('review.done'))} />}
      <ReopenDialog open={w.dialog === 'reopen'} detail={detail} onClose={() => w.setDialog(null)} onDone={(d) => w.finished(d, t('reopen.done'))} />
    </FormProvider>
  );
}
