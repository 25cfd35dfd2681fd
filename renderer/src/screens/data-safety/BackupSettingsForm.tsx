import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { BACKUP_LIMITS, backupSettingsInput } from '../../../../shared/schema/data-safety';
import type { BackupSettings } from '../../../../shared/schema/data-safety';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useBackEndSubmit } from '../../hooks/useBackEndSubmit';
import { call } from '../../ipc';
import { BACKUP_STATUS_KEY } from './queries';

type Values = z.input<typeof backupSettingsInput>;

/** Where backups go (a folder, for instance a network share), how often, and how many are kept. */
export function BackupSettingsForm({ settings }: { settings: BackupSettings | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm<Values, unknown, BackupSettings>({
    resolver: zodResolver(backupSettingsInput),
    defaultValues: settings ?? { folder: '', intervalHours: BACKUP_LIMITS.intervalHours.default, generations: BACKUP_LIMITS.generations.default },
  });
  const { error, onSubmit } = useBackEndSubmit(form, async (v) => {
    setSaved(false);
    qc.setQueryData(BACKUP_STATUS_KEY, await call('backup.setSettings', v));
    // The saved values become the form's own: changing one again hides "Saved".
    form.reset(v);
    setSaved(true);
  });
  const e = form.formState.errors;
  const limits = (l: { min: number; max: number }) => t('dataSafety.settings.between', { min: l.min, max: l.max });
  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('dataSafety.settings.title')}>
      <Field label={t('dataSafety.settings.folder')} hint={t('dataSafety.settings.folderHint')} error={e.folder}>
        {(a) => <input id={a.id} className="wide" spellCheck={false} autoComplete="off" aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('folder')} />}
      </Field>
      <div className="safety-numbers">
        <Field label={t('dataSafety.settings.interval')} hint={limits(BACKUP_LIMITS.intervalHours)} error={e.intervalHours}>
          {(a) => <input id={a.id} className="short" type="number" inputMode="numeric" min={BACKUP_LIMITS.intervalHours.min} max={BACKUP_LIMITS.intervalHours.max} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('intervalHours', { valueAsNumber: true })} />}
        </Field>
        <Field label={t('dataSafety.settings.generations')} hint={limits(BACKUP_LIMITS.generations)} error={e.generations}>
          {(a) => <input id={a.id} className="short" type="number" inputMode="numeric" min={BACKUP_LIMITS.generations.min} max={BACKUP_LIMITS.generations.max} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('generations', { valueAsNumber: true })} />}
        </Field>
      </div>
      <ErrorBanner error={error} />
      {saved && !form.formState.isDirty && (
        <p role="status" className="banner banner-ok">
          {t('dataSafety.settings.saved')}
        </p>
      )}
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('dataSafety.settings.save')}
      </button>
    </form>
  );
}
