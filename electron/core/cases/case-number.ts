import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { counters } from '../db/schema';

/** The next readable case number for the year, e.g. AVRR-2026-000123 (inside the caller's transaction). */
export function nextCaseNumber(db: Db, year: number): string {
  const name = `case-number-${year}`;
  const row = db
    .insert(counters)
    .values({ name, value: 1 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value })
    .get();
  return `AVRR-${year}-${String(row.value).padStart(6, '0')}`;
}
