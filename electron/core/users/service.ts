import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { OneTimePassword, UserRow } from '../../../shared/schema/auth';
import type { Role } from '../../../shared/roles';
import type { CallContext } from '../context';
import { users } from '../db/schema';
import type { Db } from '../db/open';
import type { SessionManager } from '../session/manager';
import { oneTimePassword } from '../session/one-time-password';
import { roleOf } from './rows';

function toRow(r: typeof users.$inferSelect): UserRow {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    badgeNumber: r.badgeNumber,
    role: roleOf(r),
    status: r.status === 'disabled' ? 'disabled' : 'active',
    mustChangePassword: r.mustChangePassword,
    createdAt: r.createdAt,
  };
}

export function listUsers(db: Db): UserRow[] {
  return db.select().from(users).orderBy(asc(users.displayName)).all().map(toRow);
}

/** The account an account-management entry is about (the input was checked to be a UUID). */
function auditTarget(userId: string): string {
  return `target=${userId}`;
}

function getUser(db: Db, userId: string): typeof users.$inferSelect {
  const row = db.select().from(users).where(eq(users.id, userId)).get();
  if (!row) throw new IpcFailure(ipcError('not_found'));
  return row;
}

/**
 * A new account with a one-time password that must be changed at first sign-in. The key slot
 * is written first (argon2 is slow and async); if the account row cannot be written, the slot
 * is removed again so no orphan can unlock the data.
 */
export async function createUser(ctx: CallContext, sessions: SessionManager, input: { username: string; displayName: string; role: Role; badgeNumber?: string | undefined }): Promise<OneTimePassword> {
  const { db } = ctx.db();
  if (db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
    throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['username'], messageKey: 'validation.username_taken' }] }));
  }
  const id = randomUUID();
  ctx.auditDetail(auditTarget(id));
  const otp = oneTimePassword();
  await sessions.vault.createSlot(id, input.username, otp, sessions.key());
  try {
    const row = ctx.tx(null, () => {
      db.insert(users).values({ id, username: input.username, displayName: input.displayName, badgeNumber: input.badgeNumber ?? null, role: input.role, mustChangePassword: true, createdAt: ctx.now().toISOString(), createdBy: ctx.session?.userId ?? null }).run();
      return getUser(db, id);
    });
    return { user: toRow(row), oneTimePassword: otp };
  } catch (e) {
    sessions.vault.removeSlot(id);
    throw e;
  }
}

/** Disable an account: its key slot goes, so it can no longer open the data; the row stays for the audit. */
export function disableUser(ctx: CallContext, sessions: SessionManager, userId: string): UserRow {
  const { db } = ctx.db();
  ctx.auditDetail(auditTarget(userId));
  if (userId === ctx.session?.userId) throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.cannot_disable_self' }));
  const row = ctx.tx(null, () => {
    getUser(db, userId);
    db.update(users).set({ status: 'disabled' }).where(eq(users.id, userId)).run();
    return getUser(db, userId);
  });
  sessions.vault.removeSlot(userId);
  return toRow(row);
}

/** A new one-time password for an account (also re-enables a disabled one with a fresh slot). */
export async function resetPassword(ctx: CallContext, sessions: SessionManager, userId: string): Promise<OneTimePassword> {
  const { db } = ctx.db();
  ctx.auditDetail(auditTarget(userId));
  const before = getUser(db, userId);
  if (userId === ctx.session?.userId) throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.reset_own_password' }));
  const otp = oneTimePassword();
  sessions.vault.removeSlot(userId);
  await sessions.vault.createSlot(userId, before.username, otp, sessions.key());
  const row = ctx.tx(null, () => {
    db.update(users).set({ status: 'active', mustChangePassword: true, passwordChangedAt: ctx.now().toISOString() }).where(eq(users.id, userId)).run();
    return getUser(db, userId);
  });
  return { user: toRow(row), oneTimePassword: otp };
}
