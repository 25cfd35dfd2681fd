import type { AuditCsv, AuditPageView, AuditQueryParsed, AuditVerifyView } from '../../../shared/schema/audit';
import { officeDayBounds } from '../../../shared/time/office-time';
import { auditRowsToCsv } from '../audit/csv';
import { lastAuditSeq, readAuditRows } from '../audit/read';
import type { AuditFilter } from '../audit/read';
import { verifyTrail } from '../audit/verify-trail';
import type { Sqlite } from '../db/open';
import { caseNumbers, casesByPerson, casesByRef } from './cases';

/** Only the cases every given condition allows (null = no condition on cases). */
function intersect(sets: (string[] | null)[]): string[] | null {
  let out: string[] | null = null;
  for (const s of sets) {
    if (s === null) continue;
    out = out === null ? [...new Set(s)] : out.filter((id) => s.includes(id));
  }
  return out;
}

/**
 * The screen's filter as the trail's: whole days become the [from, to) instants of those days
 * in the office's time zone (the trail stores UTC); a case number, short id or person becomes
 * the cases they mean.
 */
function toFilter(sqlite: Sqlite, q: AuditQueryParsed, timeZone: string, page: { limit: number; offset: number }): AuditFilter {
  const f: AuditFilter = { order: 'desc', limit: page.limit, offset: page.offset };
  if (q.username) f.username = q.username.toLowerCase();
  if (q.action) f.action = q.action;
  if (q.caseId) f.caseId = q.caseId;
  const cases = intersect([q.caseRef ? casesByRef(sqlite, q.caseRef) : null, q.person ? casesByPerson(sqlite, q.person) : null]);
  if (cases) f.caseIds = cases;
  if (q.fromDate) f.from = officeDayBounds(q.fromDate, timeZone)?.start.toISOString();
  if (q.toDate) f.to = officeDayBounds(q.toDate, timeZone)?.end.toISOString();
  f.throughSeq = q.throughSeq ?? lastAuditSeq(sqlite);
  return f;
}

export function listAudit(sqlite: Sqlite, q: AuditQueryParsed, timeZone: string): AuditPageView {
  const filter = toFilter(sqlite, q, timeZone, q);
  const page = readAuditRows(sqlite, filter);
  const numbers = caseNumbers(sqlite, page.rows.flatMap((r) => (r.caseId ? [r.caseId] : [])));
  return {
    total: page.total,
    throughSeq: filter.throughSeq ?? 0,
    rows: page.rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      username: r.username,
      role: r.role,
      action: r.action,
      caseId: r.caseId,
      caseNumber: r.caseId ? (numbers.get(r.caseId) ?? null) : null,
      outcome: r.outcome,
      workstation: r.workstation,
      detail: r.detail,
    })),
  };
}

/**
 * Verify the chain, against the head anchored outside the database when there is one (a cut-off
 * tail shows), and against the heads printed in the register's signed documents (see verify-trail).
 */
export function verifyAudit(sqlite: Sqlite, auditKey: Buffer, head: { seq: number; mac: string } | null): AuditVerifyView {
  const r = verifyTrail(sqlite, auditKey, head);
  return r.ok ? { ok: true, count: r.count, lastSeq: r.head?.seq ?? 0 } : { ok: false, index: r.index, seq: r.seq, kind: r.kind };
}

/** All rows matching the filter (not just one page), as CSV: the same filter as the list, every page. */
export function exportAudit(sqlite: Sqlite, q: AuditQueryParsed, timeZone: string, now: Date): AuditCsv {
  const filter = toFilter(sqlite, q, timeZone, { limit: 1000, offset: 0 });
  const rows = [];
  for (let offset = 0; ; offset += 1000) {
    const page = readAuditRows(sqlite, { ...filter, offset });
    rows.push(...page.rows);
    if (page.rows.length < 1000) break;
  }
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return { filename: `avrr-audit-${stamp}.csv`, csv: auditRowsToCsv(rows), rowCount: rows.length };
}
