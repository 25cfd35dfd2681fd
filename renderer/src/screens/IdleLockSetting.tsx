import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingCard } from '../components/SettingCard';
import { call, errorOf } from '../ipc';

/** Supervisor: after how many minutes without input the workstations lock (2 to 15). */
export function IdleLockSetting() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const id = useId();
  const status = useQuery({ queryKey: ['auth'], queryFn: () => call('auth.status', {}) });
  const [minutes, setMinutes] = useState<string | null>(null);
  const value = minutes ?? String(status.data?.idleLockMinutes ?? 10);
  const save = useMutation({
    mutationFn: () => call('settings.setIdleLock', { minutes: Number(value) }),
    onSuccess: (s) => {
      qc.setQueryData(['auth'], s);
      setMinutes(null);
    },
  });
  const err = save.error ? errorOf(save.error) : null;
  const fieldIssue = err?.issues?.[0];
  const fieldError = fieldIssue?.messageKey;
  return (
    <SettingCard
      title={t('idleLock.title')}
      submitLabel={t('idleLock.save')}
      onSubmit={() => save.mutate()}
      error={err && !fieldError ? err : null}
      saved={save.isSuccess ? t('idleLock.saved', { count: save.data.idleLockMinutes }) : null}
    >
      <div className="field">
        <label htmlFor={id}>{t('idleLock.minutes')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('idleLock.hint')}
        </p>
        <input id={id} className="short" inputMode="numeric" value={value} onChange={(e) => setMinutes(e.target.value)} aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ''}`} aria-invalid={fieldError ? true : undefined} />
        {fieldError && (
          <p className="error" id={`${id}-error`}>
            {t(fieldError, fieldIssue?.params ?? {})}
          </p>
        )}
      </div>
    </SettingCard>
  );
}
