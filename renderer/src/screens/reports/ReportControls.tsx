import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { fiscalYearOf, fiscalYearRange, reportBases, reportQuery } from '../../../../shared/reports/query';
import type { ReportQuery } from '../../../../shared/reports/query';
import { Field } from '../../components/Field';
import { useReportFormat } from './format';

/** The programme's first fiscal year (the pilot began in June 2012). */
export const FIRST_FISCAL_YEAR = 2012;

const controls = z
  .object({
    period: z.enum(['fiscalYear', 'range']),
    fiscalYear: z.number().int(),
    from: z.string(),
    to: z.string(),
    basis: z.enum(reportBases, { error: 'validation.choice' }),
  })
  .superRefine((v, ctx) => {
    if (v.period !== 'range') return;
    const r = reportQuery.safeParse({ from: v.from.trim(), to: v.to.trim(), basis: v.basis });
    if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });
type Controls = z.infer<typeof controls>;

/** The query the controls stand for: a fiscal year is 1 April to 31 March. */
function toQuery(v: Controls): ReportQuery {
  const range = v.period === 'fiscalYear' ? fiscalYearRange(v.fiscalYear) : { from: v.from.trim(), to: v.to.trim() };
  return { ...range, basis: v.basis };
}

/** A query shown as the controls: a whole fiscal year as that year, any other range as dates. */
function toControls(q: ReportQuery): Controls {
  const fy = fiscalYearOf(q.from);
  const whole = fiscalYearRange(fy);
  return whole.from === q.from && whole.to === q.to
    ? { period: 'fiscalYear', fiscalYear: fy, from: q.from, to: q.to, basis: q.basis }
    : { period: 'range', fiscalYear: fy, from: q.from, to: q.to, basis: q.basis };
}

/**
 * What the report covers: a fiscal year (April to March) or dates of one's choice, and the basis
 * (by application date: a cohort; by event date: what happened in the period), each option with
 * the sentence that says what it means. The report changes only when asked ("Show the report").
 */
export function ReportControls({ query, lastYear, onShow }: { query: ReportQuery; lastYear: number; onShow: (q: ReportQuery) => void }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const titleId = useId();
  const basisHint = useId();
  const form = useForm<Controls>({ resolver: zodResolver(controls), defaultValues: toControls(query) });
  const period = form.watch('period');
  const e = form.formState.errors;
  const years = Array.from({ length: Math.max(1, lastYear - FIRST_FISCAL_YEAR + 1) }, (_, i) => lastYear - i);
  return (
    <section aria-labelledby={titleId} className="card report-controls">
      <h2 id={titleId}>{t('reports.controls.title')}</h2>
      <form noValidate onSubmit={form.handleSubmit((v) => onShow(toQuery(v)))}>
        <fieldset className="choice">
          <legend>{t('reports.controls.period')}</legend>
          <div className="choice-options">
            {(['fiscalYear', 'range'] as const).map((p) => (
              <label key={p} className="choice-option">
                <input type="radio" value={p} {...form.register('period')} />
                {t(`reports.controls.${p}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid">
          {period === 'fiscalYear' ? (
            <Field label={t('reports.controls.fiscalYearLabel')} hint={t('reports.controls.fiscalYearHint')} error={e.fiscalYear}>
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
          ) : (
            <>
              <Field label={t('reports.controls.from')} hint={t('common.dateHint')} error={e.from}>
                {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} autoComplete="off" {...form.register('from')} />}
              </Field>
              <Field label={t('reports.controls.to')} hint={t('common.dateHint')} error={e.to}>
                {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} autoComplete="off" {...form.register('to')} />}
              </Field>
            </>
          )}
        </div>
        <fieldset className="choice" aria-describedby={basisHint}>
          <legend>{t('reports.controls.basis')}</legend>
          <p className="hint" id={basisHint}>
            {t('reports.controls.basisHint')}
          </p>
          <div className="basis-options">
            {reportBases.map((b) => (
              <label key={b} className="choice-option basis-option">
                <input type="radio" value={b} aria-describedby={`${basisHint}-${b}`} {...form.register('basis')} />
                <span>
                  <span className="basis-name">{t(`reports.basis.${b}`)}</span>
                  <span className="hint basis-sentence" id={`${basisHint}-${b}`}>
                    {t(`reports.basis.${b}Sentence`)}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="row-actions">
          <button type="submit" className="primary">
            {t('reports.controls.show')}
          </button>
        </div>
      </form>
    </section>
  );
}
