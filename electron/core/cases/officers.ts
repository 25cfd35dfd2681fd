import { asc, ne } from 'drizzle-orm';
import type { OfficerOption } from '../../../shared/schema/case';
import type { Db } from '../db/open';
import { users } from '../db/schema';

/**
 * The officers the case list can be filtered by (who started or last changed a case): every
 * account that can change a case, disabled ones too (their cases stay theirs), name order. Ids
 * and names only: badges, usernames and roles stay on the accounts screen.
 */
export function officerOptions(db: Db): OfficerOption[] {
  return db.select({ id: users.id, displayName: users.displayName }).from(users).where(ne(users.role, 'clerk')).orderBy(asc(users.displayName)).all();
}
