import { randomUUID } from 'node:crypto';
import { and, asc, eq, ne } from 'drizzle-orm';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { OneTimePassword, UserRow } from '../../../shared/schema/auth';
import { editableUserFields } from '../../../shared/schema/users';
import type { EditableUserField } from '../../../shared/schema/users';
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

/**
 * The office must keep someone who can manage accounts, keys and the audit: refuse a change that
 * would leave no active supervisor (inside the caller's transaction, so a second process cannot
 * slip between the count and the change).
 */
function requireAnotherSupervisor(db: Db, userId: string): void {
  const other = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'supervisor'), eq(users.status, 'active'), ne(users.id, userId)))
    .get();
  if (!other) throw new IpcFailure(ipcError('rejected', { messageKey: 'accounts.errors.lastSupervisor' }));
}

/** Disable an account: its key slot goes, so it can no longer open the data; the row stays for the audit. */
export function disableUser(ctx: CallContext, sessions: SessionManager, userId: string): UserRow {
  const { db } = ctx.db();
  ctx.auditDetail(auditTarget(userId));
  if (userId === ctx.session?.userId) throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.cannot_disable_self' }));
  const row = ctx.tx(null, () => {
    const before = getUser(db, userId);
    if (roleOf(before) === 'supervisor' && before.status === 'active') requireAnotherSupervisor(db, userId);
    db.update(users).set({ status: 'disabled' }).where(eq(users.id, userId)).run();
    return getUser(db, userId);
  });
  sessions.vault.removeSlot(userId);
  // A copy of the slot file taken before still holds the account's slot: a new key makes it useless.
  sessions.rotateKeyAfterAccountChange('account_disabled');
  return toRow(row);
}

/**
 * Change an account's name, badge number or role. The entry names the account and which fields
 * changed (never their values: names are personal data), and for a role change both roles.
 * A supervisor cannot change their own role, and the last active supervisor keeps theirs.
 */
export function updateUser(ctx: CallContext, sessions: SessionManager, input: { userId: string; displayName: string; badgeNumber?: string | undefined; role: Role }): UserRow {
  const { db } = ctx.db();
  const userId = input.userId;
  ctx.auditDetail(auditTarget(userId));
  const row = ctx.tx(null, () => {
    const before = getUser(db, userId);
    const after = { displayName: input.displayName, badgeNumber: input.badgeNumber ?? null, role: input.role };
    const changed = editableUserFields.filter((f: EditableUserField) => before[f] !== after[f]);
    const fromRole = roleOf(before);
    if (changed.includes('role')) {
      if (userId === ctx.session?.userId) throw new IpcFailure(ipcError('rejected', { messageKey: 'accounts.errors.ownRole' }));
      if (fromRole === 'supervisor' && before.status === 'active') requireAnotherSupervisor(db, userId);
    }
    const roleChange = changed.includes('role') ? `;from=${fromRole};to=${after.role}` : '';
    ctx.auditDetail(`${auditTarget(userId)};changed=${changed.length > 0 ? changed.join(',') : 'none'}${roleChange}`);
    if (changed.length > 0) db.update(users).set(after).where(eq(users.id, userId)).run();
    return getUser(db, userId);
  });
  // The supervisor renamed themselves: the header and the forms they sign from now on follow.
  if (userId === ctx.session?.userId) sessions.accountChanged({ displayName: row.displayName, badgeNumber: row.badgeNumber });
  return toRow(row);
}

/**
 * Re-enable a disabled account. Disabling destroyed its key slot (nothing that was in the file
 * opens the data any more), so the account comes back with a new slot under a new one-time
 * password, to be changed at the first sign-in, exactly like a new account. If the row cannot be
 * written, the new slot is removed again.
 */
export async function enableUser(ctx: CallContext, sessions: SessionManager, userId: string): Promise<OneTimePassword> {
  const { db } = ctx.db();
  ctx.auditDetail(auditTarget(userId));
  const before = getUser(db, userId);
  if (before.status !== 'disabled') throw new IpcFailure(ipcError('rejected', { messageKey: 'accounts.errors.notDisabled' }));
  const otp = oneTimePassword();
  // A slot left behind by a disable that stopped half-way would make createSlot refuse: it goes first.
  sessions.vault.removeSlot(userId);
  await sessions.vault.createSlot(userId, before.username, otp, sessions.key());
  try {
    const row = ctx.tx(null, () => {
      if (getUser(db, userId).status !== 'disabled') throw new IpcFailure(ipcError('rejected', { messageKey: 'accounts.errors.notDisabled' }));
      db.update(users).set({ status: 'active', mustChangePassword: true, passwordChangedAt: ctx.now().toISOString() }).where(eq(users.id, userId)).run();
      return getUser(db, userId);
    });
    return { user: toRow(row), oneTimePassword: otp };
  } catch (e) {
    sessions.vault.removeSlot(userId);
    throw e;
  }
}

/**
 * A new one-time password for an active account. A disabled one is re-enabled instead
 * (`enableUser`), so the trail says the account came back rather than that a password was reset.
 */
export async function resetPassword(ctx: CallContext, sessions: SessionManager, userId: string): Promise<OneTimePassword> {
  const { db } = ctx.db();
  ctx.auditDetail(auditTarget(userId));
  const before = getUser(db, userId);
  if (userId === ctx.session?.userId) throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.reset_own_password' }));
  if (before.status === 'disabled') throw new IpcFailure(ipcError('rejected', { messageKey: 'accounts.errors.disabledUseEnable' }));
  const otp = oneTimePassword();
  sessions.vault.removeSlot(userId);
  await sessions.vault.createSlot(userId, before.username, otp, sessions.key());
  const row = ctx.tx(null, () => {
    db.update(users).set({ mustChangePassword: true, passwordChangedAt: ctx.now().toISOString() }).where(eq(users.id, userId)).run();
    return getUser(db, userId);
  });
  // The old password (perhaps known to someone else) opens the old slot in any copy: a new key.
  sessions.rotateKeyAfterAccountChange('password_reset');
  return { user: toRow(row), oneTimePassword: otp };
}
