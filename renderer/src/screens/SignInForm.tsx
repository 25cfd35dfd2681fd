import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { signInInput } from '../../../shared/schema/auth';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { call, errorOf } from '../ipc';

type SignInValues = z.input<typeof signInInput>;

/** Sign in; at the lock screen the same form resumes the session or switches to another person. */
export function SignInForm({ defaultUsername = '', submitLabel, onSignedIn }: { defaultUsername?: string; submitLabel: string; onSignedIn?: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<SignInValues>({ resolver: zodResolver(signInInput), defaultValues: { username: defaultUsername, password: '' } });
  const signIn = useMutation({
    mutationFn: (v: SignInValues) => call('auth.signIn', v),
    onSuccess: (status) => {
      qc.setQueryData(['auth'], status);
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      onSignedIn?.();
    },
    onError: () => form.setValue('password', ''),
  });
  return (
    <form onSubmit={form.handleSubmit((v) => signIn.mutate(v))} noValidate>
      <Field label={t('auth.username')} error={form.formState.errors.username}>
        {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} autoComplete="username" autoFocus={!defaultUsername} {...form.register('username')} />}
      </Field>
      <Field label={t('auth.password')} error={form.formState.errors.password}>
        {(a) => <input id={a.id} type="password" aria-describedby={a.describedBy} aria-invalid={a.invalid} autoComplete="current-password" autoFocus={Boolean(defaultUsername)} {...form.register('password')} />}
      </Field>
      {signIn.error && <ErrorBanner error={errorOf(signIn.error)} />}
      <button type="submit" className="primary" disabled={signIn.isPending}>
        {signIn.isPending ? t('common.working') : submitLabel}
      </button>
    </form>
  );
}
