import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { StageAction } from '../../../../../shared/case/lifecycle';
import type { IpcError } from '../../../../../shared/ipc/errors';
import type { CaseDetail } from '../../../../../shared/schema/case-api';
import { recordStageInput, travelDocumentOutcomes, travelDocumentTypes } from '../../../../../shared/schema/stages';
import type { StageDetails } from '../../../../../shared/schema/stages';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { ReasonField } from '../../../components/ReasonField';
import { call, errorOf } from '../../../ipc';
import { applyStageIssues, applyZodIssues, personName } from './fields';
import { StageReportRow } from './StageReportRow';

/** The stages recorded with this form (assistance has its own panel). */
export type FormStage = Exclude<StageAction, 'recordAssistance'>;

interface DocumentValues {
  personId: string;
  type: (typeof travelDocumentTypes)[number];
  number: string;
  expiryDate: string;
}

export interface StageValues {
  occurredOn: string;
  source: string;
  stage: {
    iomReference: string;
    outcome: string;
    documents: DocumentValues[];
    reason: string;
    flightDate: string;
    departureAirport: string;
    itineraryReference: string;
    place: string;
    notes: string;
  };
}

const formInput = recordStageInput.omit({ caseId: true, baseVersion: true });

/** What the back end is sent for this stage: only the stage's own fields (the schema is strict). */
function stageOf(action: FormStage, v: StageValues['stage']): Record<string, unknown> & { action: FormStage } {
  switch (action) {
    case 'acknowledge':
      return { action, iomReference: v.iomReference };
    case 'recordTravelDocument':
      return { action, outcome: v.outcome, documents: v.outcome === 'issued' ? v.documents : [], reason: v.reason };
    case 'bookFlight':
      return { action, flightDate: v.flightDate, departureAirport: v.departureAirport.trim().toUpperCase(), itineraryReference: v.itineraryReference };
    case 'confirmDeparture':
      return { action, place: v.place };
    case 'noShow':
    case 'iomDecline':
      return { action, reason: v.reason };
    case 'recordFollowUp':
      return { action, notes: v.notes };
    case 'counsel':
    case 'confirmArrival':
    case 'agreePlan':
    case 'close':
      return { action };
  }
}

/** The field paths this form shows errors on (anything else goes to the banner). */
function knownPath(action: FormStage, path: string): boolean {
  if (path === 'occurredOn' || path === 'source') return true;
  const own: Record<FormStage, RegExp | null> = {
    acknowledge: /^stage\.iomReference$/,
    counsel: null,
    recordTravelDocument: /^stage\.(outcome|reason|documents\.\d+\.(type|number|expiryDate))$/,
    bookFlight: /^stage\.(flightDate|departureAirport|itineraryReference)$/,
    confirmDeparture: /^stage\.place$/,
    noShow: /^stage\.reason$/,
    confirmArrival: null,
    agreePlan: null,
    recordFollowUp: /^stage\.notes$/,
    close: null,
    iomDecline: /^stage\.reason$/,
  };
  return own[action]?.test(path) ?? false;
}

/**
 * One stage the lifecycle table offers now: its date (the office's today by default), who
 * reported it, and the stage's own facts. The shared schema checks what is typed; the back end's
 * refusals (a date before the previous stage, an expired document...) land on their fields.
 */
export function StageForm(props: { action: FormStage; detail: CaseDetail; today: string; onDone: (next: CaseDetail, stage: FormStage) => void }) {
  const { t } = useTranslation();
  const { action, detail } = props;
  const form = useForm<StageValues>({
    defaultValues: {
      occurredOn: props.today,
      source: action === 'confirmDeparture' || action === 'noShow' ? 'cbsa_officer' : 'iom_email',
      stage: {
        iomReference: '',
        outcome: '',
        documents: detail.intake.persons.map((p) => ({ personId: p.id, type: 'passport', number: '', expiryDate: '' })),
        reason: '',
        flightDate: '',
        departureAirport: '',
        itineraryReference: '',
        place: '',
        notes: '',
      },
    },
  });
  const [error, setError] = useState<IpcError | null>(null);
  const e = form.formState.errors;
  const se: FieldErrors<StageValues['stage']> = e.stage ?? {};
  const outcome = form.watch('stage.outcome');
  const id = `stage-form-${action}`;
  const reg = form.register;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const parsed = formInput.safeParse({ occurredOn: values.occurredOn.trim(), source: values.source, stage: stageOf(action, values.stage) });
    if (!parsed.success) {
      applyZodIssues(parsed.error, form.setError);
      return;
    }
    try {
      const next = await call('stage.record', { caseId: detail.id, baseVersion: detail.version, ...parsed.data, stage: parsed.data.stage satisfies StageDetails });
      props.onDone(next, action);
    } catch (err) {
      const ipc = errorOf(err);
      if (!applyStageIssues(ipc, form.setError, (p) => knownPath(action, p))) setError(ipc);
    }
  });

  const text = (name: 'iomReference' | 'itineraryReference' | 'place', max: number) => (
    <Field label={t(`stages.field.${name}`)} error={se[name]}>
      {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} maxLength={max} {...reg(`stage.${name}`)} />}
    </Field>
  );
  const longText = (name: 'reason' | 'notes', label: string) => <ReasonField label={label} error={se[name]} registration={reg(`stage.${name}`)} />;
  const person = (personId: string) => personName(detail, personId);

  return (
    <form noValidate className="stage-form" aria-labelledby={`${id}-title`} onSubmit={(ev) => void submit(ev)} data-testid={id}>
      <h4 id={`${id}-title`}>{t(`stages.form.${action}`)}</h4>
      {action === 'confirmDeparture' && <p className="hint">{t('stages.hint.confirmDeparture')}</p>}
      <StageReportRow occurredOn={reg('occurredOn')} source={reg('source')} errors={e} />
      {action === 'acknowledge' && text('iomReference', 64)}
      {action === 'recordTravelDocument' && (
        <>
          <fieldset className="choice" aria-describedby={se.outcome?.message ? `${id}-outcome-error` : undefined}>
            <legend>{t('stages.field.outcome')}</legend>
            <div className="choice-options">
              {travelDocumentOutcomes.map((o) => (
                <label key={o} className="choice-option">
                  <input type="radio" value={o} {...reg('stage.outcome')} /> {t(`stages.outcome.${o}`)}
                </label>
              ))}
            </div>
            {se.outcome?.message && (
              <p className="error" id={`${id}-outcome-error`}>
                {t(se.outcome.message)}
              </p>
            )}
          </fieldset>
          {outcome === 'issued' &&
            detail.intake.persons.map((p, i) => {
              const de = se.documents?.[i];
              return (
                <fieldset key={p.id} className="stage-document">
                  <legend>{t('stages.field.documentOf', { person: person(p.id) })}</legend>
                  <Field label={t('stages.field.documentType', { person: person(p.id) })} error={de?.type}>
                    {(a) => (
                      <select id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...reg(`stage.documents.${i}.type`)}>
                        {travelDocumentTypes.map((ty) => (
                          <option key={ty} value={ty}>
                            {t(`stages.documentType.${ty}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field label={t('stages.field.documentNumber', { person: person(p.id) })} error={de?.number}>
                    {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} maxLength={40} {...reg(`stage.documents.${i}.number`)} />}
                  </Field>
                  <Field label={t('stages.field.documentExpiry', { person: person(p.id) })} hint={t('common.dateHint')} error={de?.expiryDate}>
                    {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} inputMode="numeric" maxLength={10} {...reg(`stage.documents.${i}.expiryDate`)} />}
                  </Field>
                </fieldset>
              );
            })}
          {(outcome === 'refused' || outcome === 'requested') && longText('reason', t(outcome === 'refused' ? 'stages.field.refusalReason' : 'stages.field.documentNote'))}
        </>
      )}
      {action === 'bookFlight' && (
        <>
          <Field label={t('stages.field.flightDate')} hint={t('common.dateHint')} error={se.flightDate}>
            {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} inputMode="numeric" maxLength={10} {...reg('stage.flightDate')} />}
          </Field>
          <Field label={t('stages.field.departureAirport')} hint={t('stages.hint.airport')} error={se.departureAirport}>
            {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} maxLength={3} autoCapitalize="characters" className="short" {...reg('stage.departureAirport')} />}
          </Field>
          {text('itineraryReference', 64)}
        </>
      )}
      {action === 'confirmDeparture' && text('place', 200)}
      {action === 'noShow' && longText('reason', t('stages.field.noShowReason'))}
      {action === 'iomDecline' && longText('reason', t('stages.field.declineReason'))}
      {action === 'recordFollowUp' && longText('notes', t('stages.field.notes'))}
      <ErrorBanner error={error} />
      <div className="row-actions">
        <button type="submit" className={action === 'noShow' || action === 'iomDecline' ? 'danger' : 'primary'} disabled={form.formState.isSubmitting}>
          {t(`stages.submit.${action}`)}
        </button>
      </div>
    </form>
  );
}
