import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../../shared/ipc/errors';
import { can } from '../../../../shared/roles';
import type { SessionUser } from '../../../../shared/schema/auth';
import { handover as handoverSchema } from '../../../../shared/schema/case-api';
import type { CaseDetail, DraftRecord } from '../../../../shared/schema/case-api';
import { todayIso } from '../../../../shared/schema/common';
import { formatLocalDateTime } from '../../../../shared/time/format';
import { intakeDocumentAsOf } from '../../../../shared/time/intake-dates';
import { DEFAULT_OFFICE_TIME_ZONE } from '../../../../shared/time/office-time';
import type { IntakeDocument } from '../../../../shared/schema/intake';
import { EligibilityPanel } from '../../components/EligibilityPanel';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ErrorSummary, flattenErrors, labelErrors } from '../../components/ErrorSummary';
import type { SummaryItem } from '../../components/ErrorSummary';
import { restoreValues } from '../../components/form/restore';
import type { IntakeValues } from '../../components/form/types';
import { SaveStatus } from '../../components/SaveStatus';
import { applyFieldIssues } from '../../form-errors';
import { useAutosave } from '../../hooks/useAutosave';
import { call, errorOf } from '../../ipc';
import { localeOf, useLang } from '../../lang';
import { HandoverChoice } from '../today/HandoverChoice';
import type { HandoverState } from '../today/HandoverChoice';
import { ApplicationSection } from './ApplicationSection';
import { CaseDocumentsPanel } from '../../documents/CaseDocumentsPanel';
import { DecisionView } from './DecisionView';
import { DraftNotice } from './DraftNotice';
import { ClaimSection, ComplianceSection, ExclusionsSection, NeedsSection, ReintegrationSection, TravelSection } from './FactSections';
import { Outline } from './Outline';
import { PersonsSection } from './PersonsSection';
import { ReviewDialog } from './ReviewDialog';
import { WithdrawDialog } from './WithdrawDialog';

const EDITABLE = ['draft', 'screened', 'decided'];

/**
 * The interview: the whole intake as sections in any order, the live eligibility panel, and the
 * steps of the case (hand-over, decision, review, withdrawal). What the officer types is their
 * draft until they save; a save that meets a newer version never drops it.
 */
export function CaseWorkspace({ initial, user }: { initial: CaseDetail & { myDraft: DraftRecord | null }; user: SessionUser }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [detail, setDetail] = useState<CaseDetail>(initial);
  const myDraft = initial.myDraft;
  const [initialValues] = useState<IntakeValues>(() => (myDraft ? restoreValues(myDraft.data, initial.intake) : initial.intake));
  const [baseVersion, setBaseVersion] = useState(myDraft?.baseVersion ?? initial.version);
  const [restored, setRestored] = useState(myDraft !== null);
  const editable = can(user.role, 'case.edit') && EDITABLE.includes(detail.status);
  const form = useForm<IntakeValues, unknown, IntakeDocument>({ resolver: zodResolver(intakeDocumentAsOf(todayIso(new Date(), DEFAULT_OFFICE_TIME_ZONE))), defaultValues: initialValues, mode: 'onSubmit', reValidateMode: 'onChange' });
  const array = useFieldArray({ control: form.control, name: 'persons', keyName: 'key' });
  const [draftId] = useState(() => myDraft?.draftId ?? crypto.randomUUID());
  const { saver } = useAutosave(form, {
    binding: { draftId, caseId: initial.id, baseVersion: myDraft?.baseVersion ?? initial.version, revision: myDraft?.revision ?? 0 },
    initialJson: JSON.stringify(initialValues),
    userId: user.userId,
    enabled: editable,
  });
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [error, setError] = useState<IpcError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [handover, setHandover] = useState<HandoverState>({ kind: 'now', at: '' });
  const [handoverError, setHandoverError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'withdraw' | 'review' | null>(null);
  const stale = editable && baseVersion < detail.version;

  /** A step of ours changed the case without touching the intake: the edits still build on it. */
  const stepped = (next: CaseDetail) => {
    if (baseVersion === detail.version) {
      setBaseVersion(next.version);
      saver.rebase(next.version);
    }
    setDetail(next);
  };

  const persist = async (intake: IntakeDocument): Promise<CaseDetail | null> => {
    await saver.flush();
    saver.suspend(); // the draft is folded into the case by this save
    const current = saver.current;
    try {
      const saved = await call('case.saveIntake', { caseId: detail.id, baseVersion, ...(current.revision > 0 ? { draftId: current.draftId } : {}), intake });
      setDetail(saved);
      setBaseVersion(saved.version);
      setRestored(false);
      form.reset(saved.intake);
      saver.rebind({ draftId: crypto.randomUUID(), caseId: saved.id, baseVersion: saved.version, revision: 0 }, JSON.stringify(form.getValues()));
      return saved;
    } catch (e) {
      const err = errorOf(e);
      saver.resume();
      if (err.code === 'conflict') {
        // Someone saved the case meanwhile: keep the draft, show what changed and let the officer choose.
        setError({ ...err, messageKey: 'errors.save_conflict' });
        try {
          setDetail(await call('case.get', { caseId: detail.id }));
        } catch (again) {
          setError(errorOf(again));
        }
      } else if (applyFieldIssues(err, form.setError)) {
        setSummary(labelErrors(flattenErrors(form.formState.errors)));
      } else setError(err);
      return null;
    }
  };

  const run = (fn: (intake: IntakeDocument) => Promise<void>) =>
    form.handleSubmit(
      async (intake) => {
        setSummary([]);
        setError(null);
        setDone(null);
        setBusy(true);
        try {
          await fn(intake);
        } catch (e) {
          setError(errorOf(e));
        } finally {
          setBusy(false);
        }
      },
      (errors) => setSummary(labelErrors(flattenErrors(errors))),
    );

  const save = run(async (intake) => {
    if (await persist(intake)) setDone(t('case.savedNow'));
  });
  const decide = run(async (intake) => {
    const saved = await persist(intake);
    if (!saved) return;
    const decided = await call('case.decide', { caseId: saved.id, baseVersion: saved.version });
    setDetail(decided);
    setBaseVersion(decided.version);
    saver.rebase(decided.version);
    setDone(t('decision.recorded', { outcome: t(`outcome.${decided.decision?.outcome ?? 'needs_review'}`) }));
    requestAnimationFrame(() => document.getElementById('decision')?.focus());
  });
  const screen = run(async (intake) => {
    const h = handoverSchema.safeParse(handover.kind === 'appointment' ? { kind: 'appointment', at: handover.at } : { kind: 'now' });
    if (!h.success) {
      setHandoverError('validation.datetime');
      document.getElementById('handover-at')?.focus();
      return;
    }
    setHandoverError(null);
    const saved = await persist(intake);
    if (!saved) return;
    const screened = await call('case.screen', { caseId: saved.id, baseVersion: saved.version, handover: h.data });
    setDetail(screened);
    setBaseVersion(screened.version);
    saver.rebase(screened.version);
    setDone(t('handover.done'));
  });

  const principal = detail.intake.persons[0];
  const when = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' });
  const canDecide = can(user.role, 'case.decide') && EDITABLE.includes(detail.status);
  const canScreen = can(user.role, 'case.screen') && (detail.status === 'draft' || detail.status === 'screened');
  const canReview = can(user.role, 'case.review') && detail.reviewStatus === 'pending';
  const canWithdraw = can(user.role, 'case.withdraw') && detail.status !== 'withdrawn';

  return (
    <FormProvider {...form}>
      <div className="case-head">
        <h1>
          {t('case.titleNumber', { number: detail.caseNumber })} — <span dir="auto">{principal?.nameAsWritten}</span>
          {principal && principal.nameLatin !== principal.nameAsWritten && <span className="latin"> ({principal.nameLatin})</span>}
        </h1>
        <p className="case-status">
          {t('cases.status')}: <strong>{t(`status.${detail.status}`)}</strong>
          {detail.appointmentAt && <> · {t('handover.appointmentAt', { at: formatLocalDateTime(detail.appointmentAt, when) })}</>}
          {detail.withdrawal && <> · {t('withdraw.withdrawnOn', { date: detail.withdrawal.at })}</>}
        </p>
        {editable && <SaveStatus saver={saver} />}
      </div>
      {stale && (
        <DraftNotice
          draftBase={baseVersion}
          current={detail}
          onKeep={() => {
            setBaseVersion(detail.version);
            saver.rebase(detail.version);
            saver.markDirty();
            setError(null);
          }}
          onDiscard={async () => {
            await call('draft.discard', { draftId: saver.current.draftId });
            form.reset(detail.intake);
            setBaseVersion(detail.version);
            saver.rebind({ draftId: crypto.randomUUID(), caseId: detail.id, baseVersion: detail.version, revision: 0 }, JSON.stringify(form.getValues()));
            setRestored(false);
            setError(null);
          }}
        />
      )}
      {restored && !stale && editable && <p className="banner banner-ok" role="status">{t('draft.restored')}</p>}
      {done && (
        <p className="banner banner-ok" role="status">
          {done}
        </p>
      )}
      <ErrorBanner error={error} />
      <div className="case-layout">
        <Outline control={form.control} />
        <form
          noValidate
          className="interview"
          aria-label={t('interview.formLabel')}
          onSubmit={(e) => void save(e)}
          onKeyDown={(e) => {
            // Ctrl+S (Cmd+S) saves, as in any editor; documented next to the Save button.
            if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && editable) {
              e.preventDefault();
              void save();
            }
          }}
        >
          <ErrorSummary items={summary} />
          <fieldset disabled={!editable} className="plain">
            <legend className="visually-hidden">{t('interview.formLabel')}</legend>
            <ApplicationSection />
            <PersonsSection control={form.control} fields={array.fields} array={array} readOnly={!editable} />
            <ClaimSection control={form.control} fields={array.fields} readOnly={!editable} />
            <ExclusionsSection control={form.control} fields={array.fields} readOnly={!editable} />
            <ComplianceSection control={form.control} fields={array.fields} readOnly={!editable} />
            <TravelSection control={form.control} fields={array.fields} readOnly={!editable} />
            <NeedsSection control={form.control} fields={array.fields} readOnly={!editable} />
            <ReintegrationSection />
          </fieldset>
          {editable && (
            <div className="actions sticky-actions">
              <button type="submit" className="primary" disabled={busy}>
                {t('case.save')}
              </button>
              <span className="hint">{t('case.saveShortcut')}</span>
            </div>
          )}
        </form>
        <aside className="side" aria-label={t('case.sideLabel')}>
          <EligibilityPanel />
          <DecisionView detail={detail} />
          {detail.decision && <CaseDocumentsPanel detail={detail} user={user} onChanged={stepped} />}
          {(canScreen || canDecide || canReview || canWithdraw) && (
            <section className="card steps" aria-labelledby="steps-title">
              <h2 id="steps-title">{t('case.steps')}</h2>
              {canScreen && (
                <div className="step">
                  <HandoverChoice value={handover} onChange={setHandover} error={handoverError} allowNone={false} />
                  <button type="button" onClick={() => void screen()} disabled={busy || stale}>
                    {t('handover.submit')}
                  </button>
                </div>
              )}
              {canDecide && (
                <div className="step">
                  <p className="hint">{t('decision.hint')}</p>
                  <button type="button" className="primary" onClick={() => void decide()} disabled={busy || stale}>
                    {t('decision.record')}
                  </button>
                </div>
              )}
              {canReview && (
                <div className="step">
                  <button type="button" onClick={() => setDialog('review')}>
                    {t('review.open')}
                  </button>
                </div>
              )}
              {canWithdraw && (
                <div className="step">
                  <button type="button" className="danger" onClick={() => setDialog('withdraw')}>
                    {t('withdraw.open')}
                  </button>
                </div>
              )}
            </section>
          )}
        </aside>
      </div>
      <WithdrawDialog
        open={dialog === 'withdraw'}
        detail={detail}
        onClose={() => setDialog(null)}
        onDone={(d) => {
          setDialog(null);
          stepped(d);
          setDone(t('withdraw.done'));
        }}
      />
      {canReview || dialog === 'review' ? (
        <ReviewDialog
          open={dialog === 'review'}
          detail={detail}
          onClose={() => setDialog(null)}
          onDone={(d) => {
            setDialog(null);
            stepped(d);
            setDone(t('review.done'));
          }}
        />
      ) : null}
    </FormProvider>
  );
}
