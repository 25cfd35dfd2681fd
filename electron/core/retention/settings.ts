import { z } from 'zod';
import { RETENTION_LIMITS } from '../../../shared/schema/data-safety';
import type { Db } from '../db/open';
import { readSetting, writeSetting } from '../session/settings-rows';

/**
 * The retention period in years (setting `retention.years`): the Privacy Act's minimum of two
 * years after the last administrative use, or longer if the office chooses. Read by the
 * disposal list and by the backup folder's list of backups to delete.
 */
export const RETENTION_YEARS_KEY = 'retention.years';
const years = z.number().int().min(RETENTION_LIMITS.minYears).max(RETENTION_LIMITS.maxYears);

export function readRetentionYears(db: Db): number {
  return readSetting(db, RETENTION_YEARS_KEY, years) ?? RETENTION_LIMITS.defaultYears;
}

/** Inside the caller's transaction. */
export function writeRetentionYears(db: Db, value: number): void {
  writeSetting(db, RETENTION_YEARS_KEY, years.parse(value));
}
