import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { cases } from '../db/schema';

/**
 * The case's version just after a write committed (null: no such case any more, e.g. disposed).
 * A change that left the version as it was (a print, a booking) does not change what a case's
 * page shows in its form, so that page has nothing to say about it.
 */
export function caseVersionOf(db: Db, caseId: string): number | null {
  return db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId)).get()?.version ?? null;
}
