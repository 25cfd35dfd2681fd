import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { connectOfficeInput } from '../../../../shared/schema/deployment';
import type { DeploymentStatus } from '../../../../shared/schema/deployment';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useBackEndSubmit } from '../../hooks/useBackEndSubmit';
import { call, errorOf } from '../../ipc';

type Values = z.input<typeof connectOfficeInput>;

/**
 * The desktop app's first run (issue 15 point 3): this computer only (its own encrypted
 * database, as before), or a workstation of the office server (enrolled here with the one-time
 * code and the office authority's fingerprint the supervisor reads out).
 */
export function FirstRunScreen() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const chosen = (s: DeploymentStatus): void => {
    qc.setQueryData(['deployment'], s);
  };
  const local = useMutation({ mutationFn: () => call('deployment.chooseLocal', {}), onSuccess: chosen });
  const form = useForm<Values, unknown, z.output<typeof connectOfficeInput>>({
    resolver: zodResolver(connectOfficeInput),
    defaultValues: { serverUrl: '', enrolUrl: '', code: '', workstationName: '', caFingerprint: '' },
  });
  // The raw values go to the main process, which checks them with the same schema.
  const { error, onSubmit } = useBackEndSubmit(form, async () => {
    chosen(await call('deployment.connect', form.getValues()));
  });
  const field = (name: keyof Values, key: string, extra: { autoComplete?: string; spellCheck?: boolean } = {}) => (
    <Field label={t(`deployment.office.${key}`)} hint={t(`deployment.office.${key}Hint`)} error={form.formState.errors[name]}>
      {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} autoComplete={extra.autoComplete ?? 'off'} spellCheck={extra.spellCheck ?? false} {...form.register(name)} />}
    </Field>
  );
  return (
    <>
      <div className="corner">
        <LanguageSwitch />
      </div>
      <main id="main" className="narrow">
        <h1>{t('deployment.title')}</h1>
        <p>{t('deployment.intro')}</p>
        <section aria-labelledby="first-run-local" className="card">
          <h2 id="first-run-local">{t('deployment.local.title')}</h2>
          <p>{t('deployment.local.text')}</p>
          <ErrorBanner error={local.error ? errorOf(local.error) : null} />
          <button type="button" disabled={local.isPending} onClick={() => local.mutate()}>
            {t('deployment.local.choose')}
          </button>
        </section>
        <section aria-labelledby="first-run-office" className="card">
          <h2 id="first-run-office">{t('deployment.office.title')}</h2>
          <p>{t('deployment.office.text')}</p>
          <form noValidate onSubmit={onSubmit}>
            {field('serverUrl', 'serverUrl', { autoComplete: 'url' })}
            {field('enrolUrl', 'enrolUrl', { autoComplete: 'url' })}
            {field('code', 'code')}
            {field('workstationName', 'name')}
            {field('caFingerprint', 'fingerprint')}
            <ErrorBanner error={error} />
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t('deployment.office.working') : t('deployment.office.submit')}
            </button>
          </form>
        </section>
      </main>
    </>
  );
}
