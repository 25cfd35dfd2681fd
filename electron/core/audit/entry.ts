import { z } from 'zod';
import { roles } from '../../../shared/roles';

/**
 * One audit entry, and the whitelist it must fit. The trail records who, in what role, when,
 * which action, on which case, with what outcome, from which workstation: never personal data
 * or free text, so every field is an id, an enum or a tightly shaped token.
 */
/**
 * Sign-in names: letters (with their combining marks, which Tamil, Hindi or vocalized Arabic
 * need), digits, . _ -, at most 64 code points.
 */
export const AUDIT_USERNAME_PATTERN = /^[\p{L}\p{M}\p{N}._-]{1,64}$/u;

/**
 * What exactly the action was about, as `key=value` tokens joined by `;` made by the code, never
 * typed by a person: the account a supervisor disabled (`target=<user id>`), how many sign-in
 * events a flood pushed out (`dropped=6000`), the report number whose cases were opened
 * (`cell=funnel:referred;cases=17`). ASCII letters, digits and `._:=,;/-` only.
 */
export const AUDIT_DETAIL_PATTERN = /^[A-Za-z0-9._:=,;/-]{1,300}$/;

export const auditEntrySchema = z
  .object({
    /** UTC, millisecond precision, as Date#toISOString writes it (so text order = time order). */
    at: z.iso.datetime({ precision: 3 }),
    userId: z.uuid().nullable(),
    /** A sign-in name (letters, digits, . _ -), as shared/schema/auth normalizes them. */
    username: z.string().regex(AUDIT_USERNAME_PATTERN).nullable(),
    role: z.enum(roles).nullable(),
    /** "area.verb", e.g. "case.create", "auth.signInFailed". */
    action: z.string().max(64).regex(/^[a-z]+(\.[a-zA-Z]+)+$/),
    caseId: z.uuid().nullable(),
    outcome: z.enum(['ok', 'denied', 'error']),
    /** A host name: letters, digits, dot, dash, underscore; no spaces, no free text. */
    workstation: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/),
    detail: z.string().regex(AUDIT_DETAIL_PATTERN).nullable().default(null),
  })
  .strict();

export type AuditEntry = z.infer<typeof auditEntrySchema>;
/** What callers write: `detail` may be left out. */
export type AuditEntryInput = z.input<typeof auditEntrySchema>;
export type AuditOutcome = AuditEntry['outcome'];

/**
 * A row as stored: the entry's fields as plain strings (a tampered row need not fit the
 * whitelist, and verify must see exactly what is on disk), its position and its MAC (hex).
 */
export interface AuditRow {
  seq: number;
  at: string;
  userId: string | null;
  username: string | null;
  role: string | null;
  action: string;
  caseId: string | null;
  outcome: string;
  workstation: string;
  detail: string | null;
  mac: string;
}

/** An entry that does not fit the whitelist: nothing is written. */
export class AuditEntryError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(`Audit entry refused: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    this.name = 'AuditEntryError';
  }
}

export function parseAuditEntry(entry: unknown): AuditEntry {
  const r = auditEntrySchema.safeParse(entry);
  if (!r.success) throw new AuditEntryError(r.error.issues);
  return r.data;
}
