import type { TFunction } from 'i18next';
import type { BackupStatus } from '../../../../shared/schema/data-safety';
import type { SafetyFormat } from './format';

/** Why backups need attention, in one sentence (the Today screen says the same). */
export function overdueText(t: TFunction, status: BackupStatus, f: SafetyFormat): string {
  if (!status.settings) return t('dataSafety.overdue.notSetUp');
  if (!status.lastGood) return t('dataSafety.overdue.never');
  return t('dataSafety.overdue.since', { time: f.instant(status.lastGood.finishedAt) });
}
