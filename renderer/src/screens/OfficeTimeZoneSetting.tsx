import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingCard } from '../components/SettingCard';
import { call, errorOf } from '../ipc';
import { useOfficeTimeZone } from '../office-time';

/** Supervisor: the office's time zone ("today", case years, appointments and printed dates follow it). */
export function OfficeTimeZoneSetting() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const id = useId();
  const current = useOfficeTimeZone();
  const [choice, setChoice] = useState<string | null>(null);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const value = choice ?? current;
  const save = useMutation({
    mutationFn: () => call('settings.setOfficeTimeZone', { timeZone: value }),
    onSuccess: (s) => {
      qc.setQueryData(['auth'], s);
      setChoice(null);
    },
  });
  return (
    <SettingCard
      title={t('officeTimeZone.title')}
      submitLabel={t('officeTimeZone.save')}
      onSubmit={() => save.mutate()}
      error={save.error ? errorOf(save.error) : null}
      saved={save.isSuccess ? t('officeTimeZone.saved', { zone: save.data.officeTimeZone }) : null}
    >
      <div className="field">
        <label htmlFor={id}>{t('officeTimeZone.label')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('officeTimeZone.hint')}
        </p>
        <select id={id} value={value} onChange={(e) => setChoice(e.target.value)} aria-describedby={`${id}-hint`}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </div>
    </SettingCard>
  );
}
