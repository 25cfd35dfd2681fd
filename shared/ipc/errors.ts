/**
 * Errors cross the IPC boundary as plain values, never as thrown exceptions: a code the UI can
 * switch on, a message key it localizes, and (for invalid input) the field-level issues.
 */
export const ipcErrorCodes = [
  'unknown_channel',
  'invalid_input',
  'forbidden',
  'not_signed_in',
  'locked',
  'not_found',
  'conflict',
  'rejected',
  'internal',
  // The disk is full: nothing could be written (nor the audit entry of a read, so it is refused).
  'disk_full',
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

export interface FieldIssue {
  /** Path of the field in the input, e.g. ["persons", 0, "dateOfBirth"]. */
  path: (string | number)[];
  /** i18n key of the message, e.g. "validation.date_in_future". */
  messageKey: string;
  /** Values interpolated into the message. */
  params?: Record<string, string | number>;
}

/** A precondition of the case's lifecycle not met yet: what is missing and the section to go to. */
export interface GapIssue {
  /** i18n key under "lifecycle.gap". */
  key: string;
  /** The interview section to open (shared/case/sections.ts), or null for a step outside the intake. */
  section: string | null;
  params?: Record<string, string | number>;
}

export interface IpcError {
  code: IpcErrorCode;
  /** i18n key, e.g. "errors.forbidden". */
  messageKey: string;
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
  gaps?: GapIssue[];
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ipcError(code: IpcErrorCode, extra: Omit<IpcError, 'code' | 'messageKey'> & { messageKey?: string } = {}): IpcError {
  return { code, messageKey: extra.messageKey ?? `errors.${code}`, ...(extra.params ? { params: extra.params } : {}), ...(extra.issues ? { issues: extra.issues } : {}), ...(extra.gaps ? { gaps: extra.gaps } : {}) };
}

/** Thrown inside the back end by a service to end a call with a specific error value. */
export class IpcFailure extends Error {
  constructor(readonly error: IpcError) {
    super(error.messageKey);
    this.name = 'IpcFailure';
  }
}
