import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf } from '../../../../../shared/reports/query';
import { setTargetInput } from '../../../../../shared/schema/reports-api';
import type { SetTargetInput } from '../../../../../shared/schema/reports-api';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { applyFieldIssues } from '../../../form-errors';
import { call, errorOf } from '../../../ipc';
import type { IpcError } from '../../../../../shared/ipc/errors';
import { useOfficeToday } from '../../../office-time';
import { useReportFormat } from '../format';

const FIRST_YEAR = 2012;

/**
 * A supervisor (settings.manage) records the removal target of a fiscal year with where it comes
 * from. Validated by the channel's own schema (errors in the UI language); a recorded target
 * replaces the historical one of the same year.
 */
export function TargetForm({ defaultYear }: { defaultYear: number }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const qc = useQueryClient();
  const titleId = useId();
  const today = useOfficeToday();
  const lastYear = fiscalYearOf(today) + 1;
  const years = Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => lastYear - i);
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const form = useForm<SetTargetInput>({
    resolver: zodResolver(setTargetInput),
    defaultValues: { fiscalYear: Math.min(Math.max(defaultYear, FIRST_YEAR), lastYear), source: '' },
  });
  const save = useMutation({
    mutationFn: (v: SetTargetInput) => call('report.setTarget', v),
    onSuccess: (_r, v) => {
      setDone(v.fiscalYear);
      setError(null);
      // A clear form for the next target (the number's field shows empty; its value is checked again on submit).
      form.reset({ fiscalYear: v.fiscalYear, removals: '' as unknown as number, source: '' });
      void qc.invalidateQueries({ queryKey: ['report'] });
      void qc.invalidateQueries({ queryKey: ['report-targets'] });
    },
    onError: (e) => {
      const err = errorOf(e);
      setDone(null);
      setError(applyFieldIssues(err, form.setError) ? null : err);
    },
  });
  const e = form.formState.errors;
  return (
    <section aria-labelledby={titleId} className="card target-form">
      <h3 id={titleId}>{t('reports.targetForm.title')}</h3>
      <p className="hint">{t('reports.targetForm.intro')}</p>
      <form className="grid" noValidate onSubmit={form.handleSubmit((v) => save.mutate(v), () => setDone(null))}>
        <Field label={t('reports.targetForm.fiscalYear')} error={e.fiscalYear}>
          {(a) => (
            <select id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('fiscalYear', { valueAsNumber: true })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {f.fiscalYear(y)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('reports.targetForm.removals')} hint={t('reports.targetForm.removalsHint')} error={e.removals}>
          {(a) => (
            <input
              id={a.id}
              inputMode="numeric"
              aria-describedby={a.describedBy}
              aria-invalid={a.invalid}
              {...form.register('removals', { setValueAs: (v: string) => (v.trim() === '' ? undefined : /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN) })}
            />
          )}
        </Field>
        <Field label={t('reports.targetForm.source')} hint={t('reports.targetForm.sourceHint')} error={e.source}>
          {(a) => <textarea id={a.id} rows={2} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('source')} />}
        </Field>
        <div className="actions row-actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            {save.isPending ? t('common.working') : t('reports.targetForm.submit')}
          </button>
        </div>
      </form>
      {done !== null && (
        <p role="status" className="banner banner-ok">
          {t('reports.targetForm.done', { year: f.fiscalYear(done) })}
        </p>
      )}
      <ErrorBanner error={error} />
    </section>
  );
}
