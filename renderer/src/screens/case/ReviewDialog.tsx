import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { reviewCaseInput } from '../../../../shared/schema/case-api';
import type { CaseDetail } from '../../../../shared/schema/case-api';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { applyFieldIssues } from '../../form-errors';
import { call, errorOf } from '../../ipc';
import type { IpcError } from '../../../../shared/ipc/errors';

const schema = reviewCaseInput.pick({ outcome: true, reason: true });
type Values = z.input<typeof schema>;

/** Supervisor: resolve a flagged case as eligible or not eligible, with a written reason. */
export function ReviewDialog(props: { open: boolean; detail: CaseDetail; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const { t } = useTranslation();
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  const [error, setError] = useState<IpcError | null>(null);
  const e = form.formState.errors;
  return (
    <Dialog open={props.open} title={t('review.title', { number: props.detail.caseNumber })} onClose={props.onClose}>
      <p>{t('review.text')}</p>
      <form
        noValidate
        onSubmit={(ev) =>
          void form.handleSubmit(async (v) => {
            setError(null);
            try {
              props.onDone(await call('case.review', { caseId: props.detail.id, baseVersion: props.detail.version, outcome: v.outcome, reason: v.reason }));
            } catch (err) {
              if (!applyFieldIssues(errorOf(err), form.setError)) setError(errorOf(err));
            }
          })(ev)
        }
      >
        <Controller
          control={form.control}
          name="outcome"
          render={({ field, fieldState }) => (
            <fieldset className="choice" aria-describedby={fieldState.error ? 'review-outcome-error' : undefined}>
              <legend>{t('review.outcome')}</legend>
              <div className="choice-options">
                {(['eligible', 'ineligible'] as const).map((o, i) => (
                  <label key={o} className="choice-option">
                    <input type="radio" name="review-outcome" id={i === 0 ? 'review-outcome' : undefined} ref={i === 0 ? field.ref : undefined} checked={field.value === o} onChange={() => field.onChange(o)} /> {t(`outcome.${o}`)}
                  </label>
                ))}
              </div>
              {fieldState.error && (
                <p className="error" id="review-outcome-error">
                  {t(fieldState.error.message ?? 'validation.choice')}
                </p>
              )}
            </fieldset>
          )}
        />
        <Field label={t('review.reason')} hint={t('review.reasonHint')} error={e.reason}>
          {(a) => <textarea id={a.id} rows={4} aria-describedby={a.describedBy} aria-invalid={a.invalid} maxLength={2000} {...form.register('reason')} />}
        </Field>
        <ErrorBanner error={error} />
        <div className="row-actions">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('review.submit')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
