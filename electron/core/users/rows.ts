import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { roles } from '../../../shared/roles';
import type { Role } from '../../../shared/roles';
import type { Db } from '../db/open';
import { users } from '../db/schema';

/**
 * The `users` table: row type from the drizzle schema, reads and writes through drizzle's
 * query builder, the role checked against shared/roles as it is read.
 */
export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

const role = z.enum(roles);

export function userById(db: Db, userId: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, userId)).get();
}

export function roleOf(row: Pick<UserRow, 'role'>): Role {
  return role.parse(row.role);
}

/** Inside the caller's transaction. */
export function insertUser(db: Db, row: NewUserRow): void {
  db.insert(users).values(row).run();
}

/** The password was changed: no longer a one-time password (inside the caller's transaction). */
export function markPasswordChanged(db: Db, userId: string, at: string): void {
  db.update(users).set({ mustChangePassword: false, passwordChangedAt: at }).where(eq(users.id, userId)).run();
}
