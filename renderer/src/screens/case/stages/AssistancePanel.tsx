import { Fragment, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { assistanceSummary } from '../../../../../shared/case/assistance';
import type { IpcError } from '../../../../../shared/ipc/errors';
import type { CaseDetail } from '../../../../../shared/schema/case-api';
import { reintegrationCategories } from '../../../../../shared/schema/intake';
import { recordStageInput } from '../../../../../shared/schema/stages';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import type { FieldErrorLike } from '../../../components/Field';
import { call, errorOf } from '../../../ipc';
import { localeOf, useLang } from '../../../lang';
import { applyStageIssues, applyZodIssues, cad, personName } from './fields';
import { StageReportRow } from './StageReportRow';

interface Line {
  personId: string;
  category: string;
  committedCad: string;
  deliveredCad: string;
}
interface Values {
  occurredOn: string;
  source: string;
  stage: { entries: Line[] };
}

const formInput = recordStageInput.omit({ caseId: true, baseVersion: true });
const amount = (s: string): number | string => (/^\s*\d+\s*$/.test(s) ? Number(s) : s);

/**
 * Reintegration assistance as IOM reports it, in kind: per person and category what is committed
 * and delivered against the person's maximum, and the family's total against the family's
 * maximum. IOM's new figures are recorded with the form; above a maximum the back end refuses
 * and says so on the amount.
 */
export function AssistancePanel(props: { detail: CaseDetail; today: string; canRecord: boolean; onDone: (next: CaseDetail) => void }) {
  const { t } = useTranslation();
  const locale = localeOf(useLang());
  const { detail } = props;
  const summary = assistanceSummary(detail);
  const money = (n: number) => cad(n, locale);
  const firstPerson = detail.intake.persons[0]?.id ?? '';
  const blank = (): Line => ({ personId: firstPerson, category: reintegrationCategories[0], committedCad: '', deliveredCad: '0' });
  const form = useForm<Values>({ defaultValues: { occurredOn: props.today, source: 'iom_email', stage: { entries: [blank()] } } });
  const lines = useFieldArray({ control: form.control, name: 'stage.entries' });
  const [error, setError] = useState<IpcError | null>(null);
  const e = form.formState.errors;

  const submit = form.handleSubmit(async (v) => {
    setError(null);
    const entries = v.stage.entries.map((x) => ({ personId: x.personId, category: x.category, committedCad: amount(x.committedCad), deliveredCad: amount(x.deliveredCad) }));
    const parsed = formInput.safeParse({ occurredOn: v.occurredOn.trim(), source: v.source, stage: { action: 'recordAssistance', entries } });
    if (!parsed.success) {
      applyZodIssues(parsed.error, form.setError);
      return;
    }
    try {
      props.onDone(await call('stage.record', { caseId: detail.id, baseVersion: detail.version, ...parsed.data }));
    } catch (err) {
      const ipc = errorOf(err);
      if (!applyStageIssues(ipc, form.setError, (p) => p === 'occurredOn' || p === 'source' || /^stage\.entries\.\d+\.(personId|category|committedCad|deliveredCad)$/.test(p))) setError(ipc);
    }
  });

  const amountField = (i: number, name: 'committedCad' | 'deliveredCad', label: string, error: FieldErrorLike) => (
    <Field label={label} hint={t('assistance.amountHint')} error={error}>
      {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} inputMode="numeric" maxLength={6} className="short" {...form.register(`stage.entries.${i}.${name}`)} />}
    </Field>
  );

  return (
    <div role="group" aria-labelledby="assistance-title" className="stage-assistance">
      <h3 id="assistance-title">{t('assistance.title')}</h3>
      <p className="hint">{t('assistance.intro')}</p>
      <table className="table">
        <caption className="visually-hidden">{t('assistance.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assistance.person')}</th>
            <th scope="col">{t('assistance.category')}</th>
            <th scope="col">{t('assistance.committed')}</th>
            <th scope="col">{t('assistance.delivered')}</th>
            <th scope="col">{t('assistance.max')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.persons.map((p) => (
            <Fragment key={p.personId}>
              {p.byCategory.map((c) => (
                <tr key={c.category}>
                  <th scope="row">{personName(detail, p.personId)}</th>
                  <td>{t(`reintegration.category.${c.category}`)}</td>
                  <td>{money(c.committedCad)}</td>
                  <td>{money(c.deliveredCad)}</td>
                  <td />
                </tr>
              ))}
              <tr className="subtotal">
                <th scope="row">{personName(detail, p.personId)}</th>
                <td>{t('assistance.personTotal')}</td>
                <td>{money(p.committedCad)}</td>
                <td>{money(p.deliveredCad)}</td>
                <td>{t('assistance.ofMax', { max: money(p.maxCad), left: money(Math.max(0, p.maxCad - p.committedCad)) })}</td>
              </tr>
            </Fragment>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('assistance.family')}</th>
            <td />
            <td>{money(summary.family.committedCad)}</td>
            <td>{money(summary.family.deliveredCad)}</td>
            <td>{t('assistance.ofMax', { max: money(summary.family.maxCad), left: money(Math.max(0, summary.family.maxCad - summary.family.committedCad)) })}</td>
          </tr>
        </tfoot>
      </table>
      {props.canRecord && (
        <form noValidate className="stage-form" aria-labelledby="assistance-form-title" onSubmit={(ev) => void submit(ev)}>
          <h4 id="assistance-form-title">{t('stages.form.recordAssistance')}</h4>
          <p className="hint">{t('assistance.formHint')}</p>
          <StageReportRow occurredOn={form.register('occurredOn')} source={form.register('source')} errors={e} />
          {lines.fields.map((f, i) => {
            const le = e.stage?.entries?.[i];
            const n = i + 1;
            return (
              <fieldset key={f.id} className="stage-document">
                <legend>{t('assistance.line', { n })}</legend>
                <Field label={t('assistance.linePerson', { n })} error={le?.personId}>
                  {(a) => (
                    <select id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register(`stage.entries.${i}.personId`)}>
                      {detail.intake.persons.map((p) => (
                        <option key={p.id} value={p.id}>
                          {personName(detail, p.id)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t('assistance.lineCategory', { n })} error={le?.category}>
                  {(a) => (
                    <select id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register(`stage.entries.${i}.category`)}>
                      {reintegrationCategories.map((c) => (
                        <option key={c} value={c}>
                          {t(`reintegration.category.${c}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {amountField(i, 'committedCad', t('assistance.lineCommitted', { n }), le?.committedCad)}
                {amountField(i, 'deliveredCad', t('assistance.lineDelivered', { n }), le?.deliveredCad)}
                {lines.fields.length > 1 && (
                  <button type="button" onClick={() => lines.remove(i)}>
                    {t('assistance.removeLine', { n })}
                  </button>
                )}
              </fieldset>
            );
          })}
          <ErrorBanner error={error} />
          <div className="row-actions">
            <button type="button" onClick={() => lines.append(blank())}>
              {t('assistance.addLine')}
            </button>
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              {t('stages.submit.recordAssistance')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
