import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { setupInput } from '../../../shared/schema/auth';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { call, errorOf } from '../ipc';
import { applyFieldIssues } from '../form-errors';
import { PasswordRules } from './PasswordRules';

type SetupForm = z.input<typeof setupInput>;

/** First run: the first supervisor account, which also creates the encrypted database. */
export function SetupScreen({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<SetupForm>({ resolver: zodResolver(setupInput), defaultValues: { username: '', displayName: '', password: '', badgeNumber: '' } });
  const setup = useMutation({
    mutationFn: (v: SetupForm) => call('auth.setup', v),
    onSuccess: (status) => {
      onCreated();
      qc.setQueryData(['auth'], status);
    },
    onError: (e) => applyFieldIssues(errorOf(e), form.setError),
  });
  const err = setup.error ? errorOf(setup.error) : null;
  return (
    <main id="main" className="narrow">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form onSubmit={form.handleSubmit((v) => setup.mutate(v))} noValidate>
        <Field label={t('auth.displayName')} error={form.formState.errors.displayName}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} autoComplete="name" {...form.register('displayName')} />}
        </Field>
        <Field label={t('auth.username')} hint={t('auth.usernameHint')} error={form.formState.errors.username}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} autoComplete="username" {...form.register('username')} />}
        </Field>
        <Field label={t('users.badgeNumber')} hint={t('users.badgeNumberHint')} error={form.formState.errors.badgeNumber}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} maxLength={40} {...form.register('badgeNumber')} />}
        </Field>
        <Field label={t('auth.newPassword')} error={form.formState.errors.password}>
          {(a) => <input id={a.id} type="password" aria-describedby={a.describedBy} aria-invalid={a.invalid} autoComplete="new-password" {...form.register('password')} />}
        </Field>
        <PasswordRules />
        {err && err.code !== 'invalid_input' && <ErrorBanner error={err} />}
        <button type="submit" className="primary" disabled={setup.isPending}>
          {setup.isPending ? t('common.working') : t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
