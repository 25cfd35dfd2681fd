import type { AuditRow } from './entry';

/**
 * The audit export as CSV (RFC 4180: CRLF line ends, a header row, fields quoted when they hold
 * a comma, quote or line break, quotes doubled). A spreadsheet would run a cell starting with
 * = + - @ (or tab / CR) as a formula, so such cells get a leading apostrophe (OWASP "CSV
 * injection"). The export is for reading; verification runs on the database, not on the CSV.
 */
export const AUDIT_CSV_COLUMNS = ['seq', 'at', 'user_id', 'username', 'role', 'action', 'case_id', 'outcome', 'workstation', 'detail', 'mac'] as const;

export function auditRowsToCsv(rows: readonly AuditRow[]): string {
  const lines = [AUDIT_CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [String(r.seq), r.at, r.userId, r.username, r.role, r.action, r.caseId, r.outcome, r.workstation, r.detail, r.mac].map(csvCell).join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

export function csvCell(value: string | null): string {
  if (value === null) return '';
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
