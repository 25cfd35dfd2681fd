import { z } from 'zod';
import { badgeNumber, displayName, role } from './auth';

/**
 * A supervisor's changes to an existing account (issue 13 point 9). The whole edit form is sent:
 * name, badge and role as they should be; the back end records which of them changed. The user
 * name is not editable: it is the name the account signs in with and the name the audit trail
 * has always recorded for it.
 */
export const updateUserInput = z
  .object({
    userId: z.string().uuid({ error: 'validation.invalid' }),
    displayName,
    badgeNumber,
    role,
  })
  .strict();
export type UpdateUserInput = z.input<typeof updateUserInput>;

/** The fields of an account a supervisor may change, in the order the audit entry lists them. */
export const editableUserFields = ['displayName', 'badgeNumber', 'role'] as const;
export type EditableUserField = (typeof editableUserFields)[number];
