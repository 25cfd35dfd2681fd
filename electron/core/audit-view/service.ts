import type { AuditCsv, AuditPageView, AuditQuery, AuditVerifyView } from '../../../shared/schema/audit';
import { auditRowsToCsv } from '../audit/csv';
import { readAuditRows } from '../audit/read';
import type { AuditFilter } from '../audit/read';
import { verifyTrail } from '../audit/verify-trail';
import type { Sqlite } from '../db/open';

/** Whole days in the filter become the [from, to) instants the trail is stored in (UTC ISO). */
function toFilter(q: AuditQuery & { limit: number; offset: number }): AuditFilter {
  const f: AuditFilter = { order: 'desc', limit: q.limit, offset: q.offset };
  if (q.username) f.username = q.username.toLowerCase();
  if (q.action) f.action = q.action;
  if (q.caseId) f.caseId = q.caseId;
  if (q.fromDate) f.from = new Date(`${q.fromDate}T00:00:00`).toISOString();
  if (q.toDate) {
    const end = new Date(`${q.toDate}T00:00:00`);
    end.setDate(end.getDate() + 1);
    f.to = end.toISOString();
  }
  return f;
}

export function listAudit(sqlite: Sqlite, q: AuditQuery & { limit: number; offset: number }): AuditPageView {
  const page = readAuditRows(sqlite, toFilter(q));
  return {
    total: page.total,
    rows: page.rows.map((r) => ({ seq: r.seq, at: r.at, username: r.username, role: r.role, action: r.action, caseId: r.caseId, outcome: r.outcome, workstation: r.workstation, detail: r.detail })),
  };
}

/**
 * Verify the chain, against the head anchored outside the database when there is one (a cut-off
 * tail shows), and against the heads printed in the register's signed documents (see verify-trail).
 */
export function verifyAudit(sqlite: Sqlite, auditKey: Buffer, head: { seq: number; mac: string } | null): AuditVerifyView {
  const r = verifyTrail(sqlite, auditKey, head);
  return r.ok ? { ok: true, count: r.count } : { ok: false, index: r.index, seq: r.seq, kind: r.kind };
}

/** All rows matching the filter (not just one page), as CSV. */
export function exportAudit(sqlite: Sqlite, q: AuditQuery, now: Date): AuditCsv {
  const rows = [];
  for (let offset = 0; ; offset += 1000) {
    const page = readAuditRows(sqlite, toFilter({ ...q, limit: 1000, offset }));
    rows.push(...page.rows);
    if (page.rows.length < 1000) break;
  }
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return { filename: `avrr-audit-${stamp}.csv`, csv: auditRowsToCsv(rows), rowCount: rows.length };
}
