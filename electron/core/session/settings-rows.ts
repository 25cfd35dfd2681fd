import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/open';
import { settings } from '../db/schema';

/**
 * The `settings` table: office settings, one JSON value per key. Row type from the drizzle
 * schema; a value is parsed with the zod schema its reader gives, and a row that does not fit
 * (bad JSON, wrong shape) reads as absent, so the reader's default applies: a bad row never
 * stops the office from working.
 */
export type SettingRow = typeof settings.$inferSelect;

export const IDLE_LOCK_MINUTES_KEY = 'idleLockMinutes';

export function readSetting<T extends z.ZodType>(db: Db | null | undefined, key: string, schema: T): z.infer<T> | undefined {
  const row = db?.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(row.value);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Inside the caller's transaction. */
export function writeSetting(db: Db, key: string, value: unknown): void {
  const json = JSON.stringify(value);
  db.insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
}
