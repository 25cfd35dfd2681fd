import { z } from 'zod';
import { isoDate } from './common';

/** The supervisor's audit filter: person, action, case, date range (whole days, office time). */
export const auditQueryInput = z
  .object({
    username: z.string().trim().max(64, { error: 'validation.too_long' }).optional(),
    action: z.string().trim().max(64, { error: 'validation.too_long' }).regex(/^([a-z]+(\.[a-zA-Z]+)*(\.\*)?)?$/, { error: 'validation.audit_action' }).optional(),
    caseId: z.string().uuid({ error: 'validation.invalid' }).optional(),
    fromDate: isoDate.optional(),
    toDate: isoDate.optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).max(10_000_000).default(0),
  })
  .strict()
  .refine((q) => !q.fromDate || !q.toDate || q.fromDate <= q.toDate, { error: 'validation.date_range', path: ['toDate'] });
export type AuditQuery = z.input<typeof auditQueryInput>;

export interface AuditRowView {
  seq: number;
  at: string;
  username: string | null;
  role: string | null;
  action: string;
  caseId: string | null;
  outcome: string;
  workstation: string;
  /** What exactly (the target account, a count, a report cell): code-made tokens. */
  detail: string | null;
}

export interface AuditPageView {
  rows: AuditRowView[];
  total: number;
}

export type AuditVerifyView =
  | { ok: true; count: number }
  | { ok: false; index: number; seq: number; kind: 'edited' | 'deleted' | 'inserted' | 'reordered' };

export interface AuditCsv {
  filename: string;
  csv: string;
  rowCount: number;
}
