import { z } from 'zod';
import type { Sqlite } from '../db/open';
import type { AuditRow } from './entry';

/**
 * Reading the trail for the supervisor's audit screen and the export: filters, newest or oldest
 * first, paging. Every value goes in as a bound parameter; the filter itself is checked with zod
 * because it arrives from the UI.
 */
const isoTime = z.iso.datetime({ offset: true });
export const auditFilterSchema = z
  .object({
    userId: z.uuid().optional(),
    username: z.string().min(1).max(64).optional(),
    /** Exact action ("case.create"), or an area with ".*" ("case.*"). */
    action: z.string().max(64).regex(/^[a-z]+(\.[a-zA-Z]+)*(\.\*)?$/).optional(),
    caseId: z.uuid().optional(),
    /** Entries about any of these cases (a case number, a person's cases); an empty list matches nothing. */
    caseIds: z.array(z.uuid()).optional(),
    outcome: z.enum(['ok', 'denied', 'error']).optional(),
    /** Entries up to this one (the trail as an earlier read saw it). */
    throughSeq: z.number().int().min(0).optional(),
    /** Inclusive lower bound on `at`. */
    from: isoTime.optional(),
    /** Exclusive upper bound on `at`. */
    to: isoTime.optional(),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.number().int().min(1).max(1000).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export type AuditFilter = z.input<typeof auditFilterSchema>;

export interface AuditPage {
  rows: AuditRow[];
  /** Rows matching the filter, all pages together. */
  total: number;
}

interface DbRow {
  seq: number;
  at: string;
  user_id: string | null;
  username: string | null;
  role: string | null;
  action: string;
  case_id: string | null;
  outcome: string;
  workstation: string;
  detail: string | null;
  mac: string;
}

const COLUMNS = 'seq, at, user_id, username, role, action, case_id, outcome, workstation, detail, mac';

export function readAuditRows(sqlite: Sqlite, filter: AuditFilter = {}): AuditPage {
  const f = auditFilterSchema.parse(filter);
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, value: string | number) => {
    where.push(clause);
    params.push(value);
  };
  if (f.userId) add('user_id = ?', f.userId);
  if (f.username) add('username = ?', f.username.normalize('NFC').trim().toLowerCase());
  if (f.action?.endsWith('.*')) {
    // "case.*" -> actions starting with "case." (substr, not LIKE: no wildcard characters to escape).
    const prefix = f.action.slice(0, -1);
    where.push('substr(action, 1, ?) = ?');
    params.push(prefix.length, prefix);
  } else if (f.action) add('action = ?', f.action);
  if (f.caseId) add('case_id = ?', f.caseId);
  // One bound parameter however many cases (a common name can mean thousands).
  if (f.caseIds) add('case_id IN (SELECT value FROM json_each(?))', JSON.stringify(f.caseIds));
  if (f.outcome) add('outcome = ?', f.outcome);
  if (f.throughSeq !== undefined) add('seq <= ?', f.throughSeq);
  // `at` is stored as Date#toISOString text, so text comparison = time comparison once the bound is in the same form.
  if (f.from) add('at >= ?', new Date(f.from).toISOString());
  if (f.to) add('at < ?', new Date(f.to).toISOString());

  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = f.order === 'asc' ? 'ASC' : 'DESC';
  const total = sqlite.prepare<(string | number)[], { n: number }>(`SELECT count(*) AS n FROM audit_log ${whereSql}`).get(...params)?.n ?? 0;
  const rows = sqlite
    .prepare<(string | number)[], DbRow>(`SELECT ${COLUMNS} FROM audit_log ${whereSql} ORDER BY seq ${order} LIMIT ? OFFSET ?`)
    .all(...params, f.limit, f.offset);
  return { rows: rows.map(toAuditRow), total };
}

/** The newest entry's number (0 for an empty trail). */
export function lastAuditSeq(sqlite: Sqlite): number {
  return sqlite.prepare<[], { n: number | null }>('SELECT max(seq) AS n FROM audit_log').get()?.n ?? 0;
}

/** The whole trail in chain order, for verification (no filter: a filtered trail has gaps by design). */
export function readAllAuditRows(sqlite: Sqlite): AuditRow[] {
  return sqlite.prepare<[], DbRow>(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq ASC`).all().map(toAuditRow);
}

function toAuditRow(r: DbRow): AuditRow {
  // Values are passed through as stored (not re-validated): verify must see exactly what is on disk.
  return {
    seq: r.seq,
    at: r.at,
    userId: r.user_id,
    username: r.username,
    role: r.role,
    action: r.action,
    caseId: r.case_id,
    outcome: r.outcome,
    workstation: r.workstation,
    detail: r.detail,
    mac: r.mac,
  };
}
