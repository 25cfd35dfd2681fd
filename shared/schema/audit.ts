import { z } from 'zod';
import { parseSearchQuery } from '../case/search-query';
import { isoDate } from './common';
import { PERSON_NAME_MAX } from './limits';

/** What the audit table shows of a case id: its first 8 characters (the rest is in the CSV). */
export const SHORT_CASE_ID_LENGTH = 8;
const shortCaseId = /^[0-9a-f]{8}$/i;
const fullCaseId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * How the supervisor names a case in the audit filter: its number as officers type it
 * (`AVRR-2026-000150`, `avrr-2026-150`, `2026-000150`, or the start `AVRR-2026`), the 8-character
 * id the table shows, or the whole id.
 */
export function isAuditCaseRef(text: string): boolean {
  return shortCaseId.test(text) || fullCaseId.test(text) || parseSearchQuery(text)?.kind === 'case_number';
}

/** A text field of the filter: trimmed; left empty = no condition. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'validation.too_long' })
    .transform((s) => (s === '' ? undefined : s))
    .optional();

/**
 * The supervisor's audit filter: account, action, case, person, date range (whole days in the
 * office's time zone). The screen lists and exports with the very same object.
 */
export const auditQueryInput = z
  .object({
    /** The account that acted (its sign-in name). */
    username: optionalText(64),
    action: z.string().trim().max(64, { error: 'validation.too_long' }).regex(/^([a-z]+(\.[a-zA-Z]+)*(\.\*)?)?$/, { error: 'validation.audit_action' }).optional(),
    /** A case by its internal id (callers inside the app; the screen uses caseRef). */
    caseId: z.string().uuid({ error: 'validation.invalid' }).optional(),
    /** A case as the screen shows it: number, short id or id. */
    caseRef: optionalText(40).refine((s) => s === undefined || isAuditCaseRef(s), { error: 'validation.audit_case_ref' }),
    /** Entries about the cases of a person: a name (any script, accents ignored), a date of birth or a UCI, as the case search reads them. */
    person: optionalText(PERSON_NAME_MAX),
    fromDate: isoDate.optional(),
    toDate: isoDate.optional(),
    /**
     * Entries up to this number only: the trail as a listing saw it (its `throughSeq`), so an
     * export of what the screen lists holds exactly those entries, not the ones written since.
     */
    throughSeq: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).max(10_000_000).default(0),
  })
  .strict()
  .refine((q) => !q.fromDate || !q.toDate || q.fromDate <= q.toDate, { error: 'validation.date_range', path: ['toDate'] });
export type AuditQuery = z.input<typeof auditQueryInput>;
export type AuditQueryParsed = z.output<typeof auditQueryInput>;

export interface AuditRowView {
  seq: number;
  at: string;
  username: string | null;
  role: string | null;
  action: string;
  caseId: string | null;
  /** The case's readable number, when the entry is about a case that exists. */
  caseNumber: string | null;
  outcome: string;
  workstation: string;
  /** What exactly (the target account, a count, a report cell): code-made tokens. */
  detail: string | null;
}

export interface AuditPageView {
  rows: AuditRowView[];
  /**
   * Entries matching the filter when the list was read. The listing's own entry is written after
   * it is read, so it is not counted (the next listing shows it).
   */
  total: number;
  /** The newest entry of the trail when it was read: the listing counts entries up to this one. */
  throughSeq: number;
}

export type AuditVerifyView =
  /**
   * `count` entries checked, #1 to #lastSeq: the whole trail, this check's own entry included
   * (it is written first), so a listing read right after, without a filter, counts the same.
   */
  | { ok: true; count: number; lastSeq: number }
  | { ok: false; index: number; seq: number; kind: 'edited' | 'deleted' | 'inserted' | 'reordered' };

export interface AuditCsv {
  filename: string;
  csv: string;
  rowCount: number;
}
