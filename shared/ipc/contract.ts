import { z } from 'zod';
import { auditQueryInput } from '../schema/audit';
import type { AuditCsv, AuditPageView, AuditVerifyView } from '../schema/audit';
import { changePasswordInput, createUserInput, idleLockInput, setupInput, signInInput, userIdInput } from '../schema/auth';
import type { AuthStatus, OneTimePassword, UserRow } from '../schema/auth';
import { createCaseInput, getCaseInput, listCasesInput } from '../schema/case';
import type { CasePage, CaseSummary } from '../schema/case';
import { channel } from './channel';
import type { ChannelDef } from './channel';

/**
 * The IPC contract: every channel the renderer may call, declared once with its input schema,
 * its output type and who may call it. The back end's handler map must implement exactly these
 * (checked by the type system); anything else is refused as `unknown_channel`.
 */
const empty = z.object({}).strict();

export const contract = {
  // Sessions. Sign-in failures are audited by the session service itself (before the database is open).
  'auth.status': channel<AuthStatus>()({ input: empty, access: 'public', audited: false }),
  'auth.setup': channel<AuthStatus>()({ input: setupInput, access: 'public', audited: false }),
  'auth.signIn': channel<AuthStatus>()({ input: signInInput, access: 'public', audited: false }),
  'auth.signOut': channel<AuthStatus>()({ input: empty, access: 'public', audited: false }),
  'auth.lock': channel<AuthStatus>()({ input: empty, access: 'public', audited: false }),
  'auth.touch': channel<{ touched: true }>()({ input: empty, access: 'signed_in', audited: false }),
  'auth.changePassword': channel<AuthStatus>()({ input: changePasswordInput, access: 'signed_in', audited: false }),

  // Accounts (supervisor).
  'user.list': channel<UserRow[]>()({ input: empty, access: 'user.manage' }),
  'user.create': channel<OneTimePassword>()({ input: createUserInput, access: 'user.manage' }),
  'user.disable': channel<UserRow>()({ input: userIdInput, access: 'user.manage' }),
  'user.resetPassword': channel<OneTimePassword>()({ input: userIdInput, access: 'user.manage' }),
  'settings.setIdleLock': channel<AuthStatus>()({ input: idleLockInput, access: 'settings.manage' }),

  // The audit trail (supervisor).
  'audit.list': channel<AuditPageView>()({ input: auditQueryInput, access: 'audit.read' }),
  'audit.verify': channel<AuditVerifyView>()({ input: empty, access: 'audit.read' }),
  'audit.exportCsv': channel<AuditCsv>()({ input: auditQueryInput, access: 'audit.read' }),

  'case.list': channel<CasePage>()({ input: listCasesInput.strict(), access: 'case.read' }),
  'case.get': channel<CaseSummary>()({ input: getCaseInput.strict(), access: 'case.read' }),
  'case.create': channel<CaseSummary>()({ input: createCaseInput.strict(), access: 'case.create' }),
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsed<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = NonNullable<Contract[C]['_output']>;

export const channelNames = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
