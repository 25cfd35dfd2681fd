import type { TFunction } from 'i18next';

/**
 * Why a backup failed, from its key (backup.failure.*, the back end's messages); a reason this
 * version has no text for still says the backup failed, with its code, never a bare key.
 */
export function failureText(t: TFunction, key: string): string {
  return t(key, { defaultValue: t('dataSafety.backup.failureOther', { code: key.replace(/^backup\.failure\./, '') }) });
}
