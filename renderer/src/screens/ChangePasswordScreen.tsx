import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { changePasswordInput } from '../../../shared/schema/auth';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { applyFieldIssues } from '../form-errors';
import { call, errorOf } from '../ipc';
import { PasswordRules } from './PasswordRules';

type Values = z.input<typeof changePasswordInput>;

export function ChangePasswordScreen({ forced, onDone }: { forced: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<Values>({ resolver: zodResolver(changePasswordInput), defaultValues: { currentPassword: '', newPassword: '' } });
  const change = useMutation({
    mutationFn: (v: Values) => call('auth.changePassword', v),
    onSuccess: (status) => {
      qc.setQueryData(['auth'], status);
      form.reset();
      onDone?.();
    },
    onError: (e) => applyFieldIssues(errorOf(e), form.setError),
  });
  const err = change.error ? errorOf(change.error) : null;
  return (
    <section className="narrow" aria-labelledby="pw-title">
      <h1 id="pw-title">{t('password.title')}</h1>
      {forced && <p>{t('password.forced')}</p>}
      <form onSubmit={form.handleSubmit((v) => change.mutate(v))} noValidate>
        <Field label={t('password.current')} error={form.formState.errors.currentPassword}>
          {(a) => <input id={a.id} type="password" aria-describedby={a.describedBy} aria-invalid={a.invalid} autoComplete="current-password" {...form.register('currentPassword')} />}
        </Field>
        <Field label={t('auth.newPassword')} error={form.formState.errors.newPassword}>
          {(a) => <input id={a.id} type="password" aria-describedby={a.describedBy} aria-invalid={a.invalid} autoComplete="new-password" {...form.register('newPassword')} />}
        </Field>
        <PasswordRules />
        {err && err.code !== 'invalid_input' && <ErrorBanner error={err} />}
        {change.isSuccess && <p role="status">{t('password.changed')}</p>}
        <button type="submit" className="primary" disabled={change.isPending}>
          {t('password.submit')}
        </button>
      </form>
    </section>
  );
}
