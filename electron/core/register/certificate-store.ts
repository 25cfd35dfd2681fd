import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { CertificateInfo } from '../../../shared/schema/documents-api';
import { createSelfSignedOfficeCertificate, readOfficeCertificate, SELF_SIGNED_LABEL } from '../documents';
import type { OfficeCertificate } from '../documents';
import type { Sqlite } from '../db/open';
import { documentStep } from './document-failure';

/** Key for sealing the office certificate, derived from the database key (never stored). */
function certificateKey(dbKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'avrr-office-certificate-v1', 32));
}

/** AES-256-GCM over {p12, passphrase}: the passphrase is never kept in plaintext, not even in the encrypted database. */
function seal(dbKey: Buffer, p12: Uint8Array, passphrase: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', certificateKey(dbKey), iv);
  const plain = Buffer.from(JSON.stringify({ p12: Buffer.from(p12).toString('base64'), passphrase }), 'utf8');
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  plain.fill(0);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

function unseal(dbKey: Buffer, sealed: Buffer): { p12: Buffer; passphrase: string } {
  const decipher = createDecipheriv('aes-256-gcm', certificateKey(dbKey), sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  const plain = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  const v = JSON.parse(plain.toString('utf8')) as { p12: string; passphrase: string };
  plain.fill(0);
  return { p12: Buffer.from(v.p12, 'base64'), passphrase: v.passphrase };
}

interface CertRow {
  id: string;
  label: string;
  subject: string;
  issuer: string;
  serial_number: string;
  not_before: string;
  not_after: string;
  fingerprint: string;
  self_signed: number;
  sealed: Buffer;
  created_at: string;
}

function info(r: CertRow): CertificateInfo {
  return {
    id: r.id,
    label: r.label,
    subject: r.subject,
    issuer: r.issuer,
    serialNumber: r.serial_number,
    notBefore: r.not_before,
    notAfter: r.not_after,
    fingerprint: r.fingerprint,
    selfSigned: r.self_signed === 1,
    createdAt: r.created_at,
  };
}

function activeRow(sqlite: Sqlite): CertRow | undefined {
  return sqlite.prepare('SELECT * FROM certificates WHERE active = 1 ORDER BY created_at DESC LIMIT 1').get() as CertRow | undefined;
}

export function activeCertificateInfo(sqlite: Sqlite): CertificateInfo | null {
  const r = activeRow(sqlite);
  return r ? info(r) : null;
}

/** The active office certificate, opened for signing; `null` when none was set up. */
export function openActiveCertificate(sqlite: Sqlite, dbKey: Buffer): { id: string; cert: OfficeCertificate } | null {
  const r = activeRow(sqlite);
  if (!r) return null;
  const { p12, passphrase } = unseal(dbKey, r.sealed);
  return { id: r.id, cert: readOfficeCertificate(p12, passphrase) };
}

export function requireCertificate(sqlite: Sqlite, dbKey: Buffer): { id: string; cert: OfficeCertificate } {
  const c = openActiveCertificate(sqlite, dbKey);
  if (!c) throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.no_certificate' }));
  return c;
}

/** Check a .p12 (wrong passphrase, no key, expired: typed errors) and prepare its row. */
export async function prepareImport(p12: Uint8Array, passphrase: string, label: string | undefined, dbKey: Buffer) {
  const cert = await documentStep(async () => readOfficeCertificate(p12, passphrase));
  return { cert, sealed: seal(dbKey, p12, passphrase), label: label ?? cert.subject };
}

/** A clearly labelled self-signed certificate, to sign from day one until the office's own is imported. */
export async function prepareSelfSigned(dbKey: Buffer, now: Date) {
  const passphrase = randomBytes(24).toString('base64url');
  const made = await documentStep(async () => createSelfSignedOfficeCertificate({ passphrase, now }));
  const cert = readOfficeCertificate(made.p12, passphrase);
  return { cert, sealed: seal(dbKey, made.p12, passphrase), label: SELF_SIGNED_LABEL };
}

/** Store a prepared certificate as the active one (inside the caller's transaction). */
export function storeCertificate(sqlite: Sqlite, prepared: { cert: OfficeCertificate; sealed: Buffer; label: string }, by: string, at: string): CertificateInfo {
  const id = randomUUID();
  sqlite.prepare('UPDATE certificates SET active = 0').run();
  const c = prepared.cert;
  sqlite
    .prepare(
      `INSERT INTO certificates (id, label, subject, issuer, serial_number, not_before, not_after, fingerprint, self_signed, sealed, active, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    )
    .run(id, prepared.label, c.subject, c.issuer, c.serialNumber, c.notBefore.toISOString(), c.notAfter.toISOString(), c.sha256Fingerprint, c.selfSigned ? 1 : 0, prepared.sealed, at, by);
  return info(activeRow(sqlite)!);
}
