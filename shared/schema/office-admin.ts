import { z } from 'zod';

/**
 * The supervisor's Workstations screen (issue 15 point 2): the workstations enrolled with the
 * office server, their revocation, and one-time enrolment codes. Served by the office server
 * only; a single-workstation installation answers these channels with a refusal.
 */

/** A workstation's id: its certificate's serial number, lower-case hex. */
export const workstationId = z
  .string({ error: 'validation.required' })
  .trim()
  .transform((s) => s.toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{2,40}$/, { error: 'validation.invalid' }));

export const WORKSTATION_REVOKE_REASON_MAX = 500;

export const revokeWorkstationInput = z
  .object({
    id: workstationId,
    reason: z.string({ error: 'validation.required' }).trim().min(3, { error: 'validation.reason_min' }).max(WORKSTATION_REVOKE_REASON_MAX, { error: 'validation.too_long' }),
  })
  .strict();

export interface WorkstationRow {
  id: string;
  name: string;
  /** As the audit trail names it: `<name>.<first 8 hex digits of the certificate's fingerprint>`. */
  auditName: string;
  enrolledAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** The supervisor's reason, kept in the (encrypted) database with the revocation. */
  revokedReason: string | null;
  /** The workstation this call came from: it cannot revoke itself. */
  self: boolean;
}

export interface WorkstationList {
  workstations: WorkstationRow[];
  /** SHA-256 of the office CA certificate (`AB:CD:…`), read out to whoever sets up a workstation. */
  caFingerprint: string;
}

export interface EnrolmentCodeView {
  /** Two groups of five, e.g. `7KQ2M-XW9RT`; one use. */
  code: string;
  expiresAt: string;
  caFingerprint: string;
}
