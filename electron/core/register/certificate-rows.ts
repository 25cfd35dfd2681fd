import { z } from 'zod';
import type { Sqlite } from '../db/open';
import type { certificates } from '../db/schema';

/**
 * The `certificates` table: the office's signing certificates (sealed). Row type from the
 * drizzle schema; read with SQL (its callers hold the connection) and parsed with zod.
 */
export type CertificateRow = typeof certificates.$inferSelect;

const certificateRow = z
  .object({
    id: z.string(),
    label: z.string(),
    subject: z.string(),
    issuer: z.string(),
    serial_number: z.string(),
    not_before: z.string(),
    not_after: z.string(),
    fingerprint: z.string(),
    self_signed: z.number().int(),
    sealed: z.instanceof(Buffer),
    active: z.number().int(),
    created_at: z.string(),
    created_by: z.string(),
  })
  .transform(
    (r): CertificateRow => ({
      id: r.id,
      label: r.label,
      subject: r.subject,
      issuer: r.issuer,
      serialNumber: r.serial_number,
      notBefore: r.not_before,
      notAfter: r.not_after,
      fingerprint: r.fingerprint,
      selfSigned: r.self_signed === 1,
      sealed: r.sealed,
      active: r.active === 1,
      createdAt: r.created_at,
      createdBy: r.created_by,
    }),
  );

/** The certificates replaced so far, the most recently made first (kept: documents signed with them stay checkable). */
export function previousCertificateRows(sqlite: Sqlite): CertificateRow[] {
  const rows: unknown[] = sqlite.prepare('SELECT * FROM certificates WHERE active = 0 ORDER BY created_at DESC').all();
  return rows.map((r) => certificateRow.parse(r));
}

/** The active certificate (the newest, should there be more than one). */
export function activeCertificateRow(sqlite: Sqlite): CertificateRow | undefined {
  const row: unknown = sqlite.prepare('SELECT * FROM certificates WHERE active = 1 ORDER BY created_at DESC LIMIT 1').get();
  return row === undefined ? undefined : certificateRow.parse(row);
}

/** Store a certificate as the only active one (inside the caller's transaction). */
export function insertActiveCertificate(sqlite: Sqlite, r: Omit<CertificateRow, 'active'>): void {
  sqlite.prepare('UPDATE certificates SET active = 0').run();
  sqlite
    .prepare(
      `INSERT INTO certificates (id, label, subject, issuer, serial_number, not_before, not_after, fingerprint, self_signed, sealed, active, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    )
    .run(r.id, r.label, r.subject, r.issuer, r.serialNumber, r.notBefore, r.notAfter, r.fingerprint, r.selfSigned ? 1 : 0, r.sealed, r.createdAt, r.createdBy);
}
