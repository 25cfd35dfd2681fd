import type { z } from 'zod';
import type { Permission } from '../roles';

/**
 * Who may call a channel: a permission from the matrix, `signed_in` (any signed-in person, for
 * their own session), or `public` (before sign-in: status, setup, sign-in itself).
 */
export type Access = Permission | 'signed_in' | 'public';

export interface ChannelDef<I extends z.ZodType, O, A extends Access = Access> {
  input: I;
  access: A;
  /** Whether a call is recorded in the audit trail (reads of a case are). */
  audited: boolean;
  /** Phantom: the output type, carried for the type system only. */
  readonly _output?: { readonly value: O };
}

/** Declare a channel: its input schema, who may call it, and (as a type argument) its output. */
export function channel<O>() {
  return <I extends z.ZodType, A extends Access>(def: { input: I; access: A; audited?: boolean }): ChannelDef<I, O, A> => ({
    input: def.input,
    access: def.access,
    audited: def.audited ?? true,
  });
}
