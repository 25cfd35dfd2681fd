import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { handover as handoverSchema } from '../../../../shared/schema/case-api';
import type { CaseDetail, DraftRecord } from '../../../../shared/schema/case-api';
import { blankIntake } from '../../../../shared/schema/intake';
import { intakeDocumentAsOf } from '../../../../shared/time/intake-dates';
import type { IntakeDocument } from '../../../../shared/schema/intake';
import { EligibilityPanel } from '../../components/EligibilityPanel';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ErrorSummary, flattenErrors, labelErrors } from '../../components/ErrorSummary';
import type { SummaryItem } from '../../components/ErrorSummary';
import { restoreValues } from '../../components/form/restore';
import type { IntakeValues } from '../../components/form/types';
import { ChannelField, ContactFields, LanguageFields } from '../../components/intake/ContactFields';
import { ClaimQuestions, ComplianceQuestion, ExclusionQuestions } from '../../components/intake/FactQuestions';
import { PersonIdentity } from '../../components/intake/PersonIdentity';
import { SaveStatus } from '../../components/SaveStatus';
import { applyFieldIssues } from '../../form-errors';
import { useAutosave } from '../../hooks/useAutosave';
import { useDuplicateCheck } from '../../hooks/useDuplicateCheck';
import { call, errorOf } from '../../ipc';
import type { IpcError } from '../../../../shared/ipc/errors';
import { DuplicateWarning } from './DuplicateWarning';
import { HandoverChoice, type HandoverState } from './HandoverChoice';
import { useNavigate } from '../../navigation';
import { useOfficeToday } from '../../office-time';

/**
 * Front-counter quick intake (about a minute): how the person came, the principal's identity,
 * language and contact, the first screening questions with the early eligibility signal, and the
 * hand-over to an interview. Autosaved as a new-intake draft from the first keystroke.
 */
export function QuickIntake(props: { userId: string; resume: DraftRecord | null; onCreated: (c: CaseDetail) => void }) {
  const { t } = useTranslation();
  const officeToday = useOfficeToday();
  const [draftId] = useState(() => props.resume?.draftId ?? crypto.randomUUID());
  const [initial] = useState<IntakeValues>(() => {
    const blank = blankIntake(crypto.randomUUID(), 'walk_in', officeToday);
    return props.resume ? restoreValues(props.resume.data, blank) : blank;
  });
  const form = useForm<IntakeValues, unknown, IntakeDocument>({ resolver: zodResolver(intakeDocumentAsOf(officeToday)), defaultValues: initial, mode: 'onSubmit', reValidateMode: 'onChange' });
  const { saver } = useAutosave(form, {
    binding: { draftId, caseId: null, baseVersion: null, revision: props.resume?.revision ?? 0 },
    // A resumed draft is already saved as it is; a blank form is not worth a draft until typed in.
    initialJson: JSON.stringify(initial),
    userId: props.userId,
    enabled: true,
  });
  const matches = useDuplicateCheck(form.control);
  const [different, setDifferent] = useState(false);
  const [dupError, setDupError] = useState(false);
  const [handover, setHandover] = useState<HandoverState>({ kind: 'none', at: '' });
  const [handoverError, setHandoverError] = useState<string | null>(null);
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const differentId = useId();
  const go = useNavigate();
  // The person is already in a case: this intake is abandoned, so its draft goes (nothing left in
  // "Unfinished intakes" to puzzle over later); the existing case opens whatever the discard says.
  const openInstead = async (caseId: string) => {
    await saver.flush();
    saver.suspend();
    if (saver.current.revision > 0) await call('draft.discard', { draftId }).catch(() => undefined);
    go({ name: 'case', caseId });
  };

  useEffect(() => {
    // Resuming: take the officer straight to the form they left.
    if (props.resume) document.getElementById('f-persons-0-nameAsWritten')?.focus();
  }, [props.resume]);

  const submit = async (intake: IntakeDocument) => {
    setSummary([]);
    setError(null);
    if (matches.length && !different) {
      setDupError(true);
      document.getElementById(differentId)?.focus();
      return;
    }
    const parsedHandover = handover.kind === 'none' ? null : handoverSchema.safeParse(handover.kind === 'now' ? { kind: 'now' } : { kind: 'appointment', at: handover.at });
    if (parsedHandover && !parsedHandover.success) {
      setHandoverError('appointments.error.pick');
      document.getElementById('handover-at')?.focus();
      return;
    }
    setHandoverError(null);
    setBusy(true);
    // The time chosen may have gone meanwhile (booked by someone else, or passed): asked before the
    // case is made, so the officer chooses again instead of finding a case made without its hand-over.
    if (parsedHandover?.success && parsedHandover.data.kind === 'appointment') {
      const at = parsedHandover.data.at;
      const day = await call('appointment.slots', { date: at.slice(0, 10) }).catch(() => null);
      if (day && !day.slots.some((s) => s.free && s.time === at.slice(11, 16))) {
        setBusy(false);
        setHandoverError('appointments.error.noLongerFree');
        document.getElementById('handover-at-time')?.focus();
        return;
      }
    }
    await saver.flush();
    saver.suspend(); // the draft becomes the case: no save may recreate it
    try {
      let created = await call('case.create', { draftId: saver.current.revision > 0 ? draftId : undefined, intake });
      // The case is made: a hand-over refused in the last instant leaves it started (the banner says
      // so, without "handed over"), to hand over from its page; never a second case on a retry.
      if (parsedHandover?.success) created = await call('case.screen', { caseId: created.id, baseVersion: created.version, handover: parsedHandover.data }).catch(() => created);
      props.onCreated(created);
    } catch (e) {
      const err = errorOf(e);
      saver.resume();
      if (!applyFieldIssues(err, form.setError, { under: 'intake' })) setError(err);
      else setSummary(labelErrors(flattenErrors(form.formState.errors)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-intake-title" className="card quick-intake">
      <div className="section-head">
        <h2 id="new-intake-title">{t('cases.new')}</h2>
        <SaveStatus saver={saver} />
      </div>
      <FormProvider {...form}>
        <div className="quick-layout">
          <form
            noValidate
            onSubmit={(e) =>
              void form.handleSubmit(submit, (errors) => {
                setSummary(labelErrors(flattenErrors(errors)));
                if (matches.length && !different) setDupError(true);
              })(e)
            }
          >
            <ErrorSummary items={summary} />
            <ChannelField />
            <h3>{t('intake.principal')}</h3>
            <PersonIdentity index={0} />
            <DuplicateWarning matches={matches} personId={initial.persons[0]?.id ?? ''} onOpenInstead={(caseId) => void openInstead(caseId)} />
            {matches.length > 0 && (
              <div className="field checkbox-field">
                <label>
                  <input
                    type="checkbox"
                    id={differentId}
                    checked={different}
                    aria-describedby={dupError ? `${differentId}-error` : undefined}
                    aria-invalid={dupError && !different ? true : undefined}
                    onChange={(e) => {
                      setDifferent(e.target.checked);
                      setDupError(false);
                    }}
                  />{' '}
                  {t('duplicates.createAnyway')}
                </label>
                {dupError && (
                  <p className="error" id={`${differentId}-error`}>
                    {t('duplicates.confirmFirst')}
                  </p>
                )}
              </div>
            )}
            <div className="grid">
              <LanguageFields />
            </div>
            <ContactFields />
            <h3>{t('intake.screening')}</h3>
            <ClaimQuestions index={0} brief />
            <ExclusionQuestions index={0} brief />
            <ComplianceQuestion index={0} />
            <HandoverChoice value={handover} onChange={setHandover} error={handoverError} />
            <ErrorBanner error={error} />
            <div className="actions">
              <button type="submit" className="primary" disabled={busy}>
                {busy ? t('common.working') : t('cases.create')}
              </button>
            </div>
          </form>
          <EligibilityPanel compact />
        </div>
      </FormProvider>
    </section>
  );
}
