import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { cases } from '../db/schema';

/** Prepared once per connection: an IOM file import records thousands of cases in one go. */
const byConnection = new WeakMap<Db, ReturnType<typeof prepare>>();
const prepare = (db: Db) =>
  db
    .select({ version: cases.version })
    .from(cases)
    .where(eq(cases.id, sql.placeholder('id')))
    .prepare();

/**
 * The case's version just after a write committed (null: no such case any more, e.g. disposed).
 * A change that left the version as it was (a print, a booking) does not change what a case's
 * page shows in its form, so that page has nothing to say about it.
 */
export function caseVersionOf(db: Db, caseId: string): number | null {
  let statement = byConnection.get(db);
  if (!statement) byConnection.set(db, (statement = prepare(db)));
  return statement.get({ id: caseId })?.version ?? null;
}
