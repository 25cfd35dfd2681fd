import { z } from 'zod';

/**
 * How this computer works (issue 15 point 3), chosen at its first run in the Electron app:
 * "this computer only" (the local, encrypted database, as before) or "connect to the office
 * server" (every call forwarded to the server over mutual TLS; nothing of the cases stored here).
 * The browser harness and the office server have no choice to make: they answer `fixed`.
 */
export type DeploymentStatus =
  | { state: 'undecided' }
  | { state: 'local' }
  | { state: 'office'; serverUrl: string; workstationName: string }
  | { state: 'fixed' };

const httpsUrl = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(300, { error: 'validation.too_long' })
  .refine((s) => URL.canParse(s) && new URL(s).protocol === 'https:' && new URL(s).hostname !== '', { error: 'validation.invalid' })
  .transform((s) => new URL(s).origin);

export const connectOfficeInput = z
  .object({
    /** The workstations port, e.g. https://avrr.office.example:8443 */
    serverUrl: httpsUrl,
    /** The enrolment port, e.g. https://avrr.office.example:8444 */
    enrolUrl: httpsUrl,
    code: z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(32, { error: 'validation.too_long' }),
    /** What supervisors read in the Workstations list and the audit trail (electron/office/authority.ts workstationNameSchema). */
    workstationName: z
      .string({ error: 'validation.required' })
      .trim()
      .min(1, { error: 'validation.required' })
      .max(64, { error: 'validation.too_long' })
      .regex(/^[\p{L}\p{N} ._'()-]+$/u, { error: 'validation.invalid' }),
    /** The office authority's SHA-256 fingerprint as the server shows it (AB:CD:…; colons and case do not matter). */
    caFingerprint: z
      .string({ error: 'validation.required' })
      .trim()
      .transform((s) => s.replace(/[\s:]/g, '').toUpperCase())
      .pipe(z.string().regex(/^[0-9A-F]{64}$/, { error: 'validation.invalid' })),
  })
  .strict();
export type ConnectOfficeInput = z.input<typeof connectOfficeInput>;
