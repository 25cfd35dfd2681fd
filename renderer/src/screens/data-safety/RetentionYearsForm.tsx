import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RETENTION_LIMITS, retentionYearsInput } from '../../../../shared/schema/data-safety';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useBackEndSubmit } from '../../hooks/useBackEndSubmit';
import { call } from '../../ipc';
import { RETENTION_KEY } from './queries';

type Values = z.input<typeof retentionYearsInput>;

/** How many years after a case's last administrative use it is kept (the law's minimum, or longer). */
export function RetentionYearsForm({ years, sourceKey }: { years: number; sourceKey: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm<Values, unknown, z.output<typeof retentionYearsInput>>({ resolver: zodResolver(retentionYearsInput), defaultValues: { years } });
  const { error, onSubmit } = useBackEndSubmit(form, async (v) => {
    setSaved(false);
    qc.setQueryData(RETENTION_KEY, await call('retention.setYears', v));
    form.reset(v);
    setSaved(true);
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('dataSafety.retention.years')}>
      <p className="banner banner-info">{t(sourceKey)}</p>
      <Field label={t('dataSafety.retention.years')} hint={t('dataSafety.settings.between', { min: RETENTION_LIMITS.minYears, max: RETENTION_LIMITS.maxYears })} error={form.formState.errors.years}>
        {(a) => <input id={a.id} className="short" type="number" inputMode="numeric" min={RETENTION_LIMITS.minYears} max={RETENTION_LIMITS.maxYears} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('years', { valueAsNumber: true })} />}
      </Field>
      <ErrorBanner error={error} />
      {saved && !form.formState.isDirty && (
        <p role="status" className="banner banner-ok">
          {t('dataSafety.retention.saved')}
        </p>
      )}
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('dataSafety.retention.save')}
      </button>
    </form>
  );
}
