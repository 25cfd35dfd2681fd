import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createCaseInput, intakeChannels } from '../../../shared/schema/case';
import { blankIntake } from '../../../shared/schema/intake';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { applyFieldIssues } from '../form-errors';
import { call, errorOf } from '../ipc';

type Values = z.input<typeof createCaseInput>;
const empty: Values = { channel: 'walk_in', principal: { nameAsWritten: '', nameLatin: '', dateOfBirth: '', nationality: '' } };

/** Start an intake: channel and the principal applicant's identity. */
export function NewCaseForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<Values>({ resolver: zodResolver(createCaseInput), defaultValues: empty });
  const create = useMutation({
    mutationFn: (v: Values) => {
      const blank = blankIntake(crypto.randomUUID(), v.channel);
      const principal = { ...blank.persons[0]!, ...v.principal, uci: v.principal.uci || null };
      return call('case.create', { intake: { ...blank, persons: [principal] } });
    },
    onSuccess: () => {
      form.reset(empty);
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: (e) => applyFieldIssues(errorOf(e), form.setError),
  });
  const e = form.formState.errors;
  const err = create.error ? errorOf(create.error) : null;
  return (
    <section aria-labelledby="new-case-title" className="card">
      <h2 id="new-case-title">{t('cases.new')}</h2>
      <form onSubmit={form.handleSubmit((v) => create.mutate(v))} noValidate className="grid">
        <Field label={t('case.channel')} error={e.channel}>
          {(a) => (
            <select id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('channel')}>
              {intakeChannels.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('person.nameAsWritten')} hint={t('person.nameAsWrittenHint')} error={e.principal?.nameAsWritten}>
          {(a) => <input id={a.id} dir="auto" aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('principal.nameAsWritten')} />}
        </Field>
        <Field label={t('person.nameLatin')} error={e.principal?.nameLatin}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('principal.nameLatin')} />}
        </Field>
        <Field label={t('person.dateOfBirth')} hint={t('common.dateHint')} error={e.principal?.dateOfBirth}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} inputMode="numeric" placeholder="YYYY-MM-DD" {...form.register('principal.dateOfBirth')} />}
        </Field>
        <Field label={t('person.nationality')} hint={t('person.nationalityHint')} error={e.principal?.nationality}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} maxLength={3} className="short" {...form.register('principal.nationality', { setValueAs: (v: string) => v.toUpperCase() })} />}
        </Field>
        <Field label={t('person.uci')} hint={t('person.uciHint')} error={e.principal?.uci}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} inputMode="numeric" {...form.register('principal.uci', { setValueAs: (v: string) => (v === '' ? undefined : v) })} />}
        </Field>
        {err && err.code !== 'invalid_input' && <ErrorBanner error={err} />}
        {create.isSuccess && (
          <p role="status" className="banner banner-ok">
            {t('cases.created', { number: create.data.caseNumber })}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {t('cases.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
