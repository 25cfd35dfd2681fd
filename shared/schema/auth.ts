import { z } from 'zod';
import { roles } from '../roles';
import type { Role } from '../roles';

/** Sign-in names: letters, digits, dot, dash, underscore; compared case-insensitively. */
export const username = z
  .string({ error: 'validation.required' })
  .transform((s) => s.normalize('NFC').trim().toLowerCase())
  .pipe(z.string().min(2, { error: 'validation.username' }).max(64, { error: 'validation.username' }).regex(/^[\p{L}\p{M}\p{N}._-]+$/u, { error: 'validation.username' }));

export const displayName = z
  .string({ error: 'validation.required' })
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, { error: 'validation.required' }).max(120, { error: 'validation.too_long' }));

/** Passwords are never trimmed or truncated; the strength rules run in the back end (auth/password-policy). */
export const password = z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(4096, { error: 'validation.too_long' });

export const role = z.enum(roles, { error: 'validation.choice' });

/** Badge or employee number as printed on the forms (optional: accounts that never sign forms need none). */
export const badgeNumber = z
  .string()
  .trim()
  .max(40, { error: 'validation.too_long' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$|^$/, { error: 'validation.badge_number' })
  .transform((s) => (s === '' ? undefined : s))
  .optional();

export const setupInput = z.object({ username, displayName, password, badgeNumber }).strict();
export const signInInput = z.object({ username, password }).strict();
export const changePasswordInput = z.object({ currentPassword: password, newPassword: password }).strict();

export const createUserInput = z.object({ username, displayName, role, badgeNumber }).strict();
export const userIdInput = z.object({ userId: z.string().uuid({ error: 'validation.invalid' }) }).strict();

export const idleLockInput = z.object({ minutes: z.number({ error: 'validation.invalid' }).int().min(2, { error: 'validation.idle_range' }).max(15, { error: 'validation.idle_range' }) }).strict();

export interface SessionUser {
  userId: string;
  username: string;
  displayName: string;
  badgeNumber: string | null;
  role: Role;
  mustChangePassword: boolean;
}

export interface AuthStatus {
  setupNeeded: boolean;
  user: SessionUser | null;
  locked: boolean;
  idleLockMinutes: number;
  /** The office's time zone (IANA name): "today", appointments and printed dates follow it. */
  officeTimeZone: string;
  sealerKind: 'os-keystore' | 'dev-plaintext';
  /** Served by the office server (issue 15): its workstations can be managed (office.* channels). */
  officeServer: boolean;
}

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  badgeNumber: string | null;
  role: Role;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  createdAt: string;
}

/** A one-time password, shown once to the supervisor who created or reset the account. */
export interface OneTimePassword {
  user: UserRow;
  oneTimePassword: string;
}
