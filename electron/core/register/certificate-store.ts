import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { CertificateInfo } from '../../../shared/schema/documents-api';
import { createSelfSignedOfficeCertificate, readOfficeCertificate, SELF_SIGNED_LABEL } from '../documents';
import type { OfficeCertificate } from '../documents';
import type { Sqlite } from '../db/open';
import { activeCertificateRow, insertActiveCertificate, previousCertificateRows } from './certificate-rows';
import type { CertificateRow } from './certificate-rows';
import { documentStep } from './document-failure';

/**
 * `certKey`: the office-certificate key (electron/core/keys/derived-keys.ts), derived once from the
 * database key and kept unchanged when the database key is rotated.
 * AES-256-GCM over {p12, passphrase}: the passphrase is never kept in plaintext, not even in the encrypted database. */
function seal(certKey: Buffer, p12: Uint8Array, passphrase: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', certKey, iv);
  const plain = Buffer.from(JSON.stringify({ p12: Buffer.from(p12).toString('base64'), passphrase }), 'utf8');
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  plain.fill(0);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

const sealedContent = z.object({ p12: z.string(), passphrase: z.string() });

function unseal(certKey: Buffer, sealed: Buffer): { p12: Buffer; passphrase: string } {
  const decipher = createDecipheriv('aes-256-gcm', certKey, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  const plain = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  const v = sealedContent.parse(JSON.parse(plain.toString('utf8')));
  plain.fill(0);
  return { p12: Buffer.from(v.p12, 'base64'), passphrase: v.passphrase };
}

function info(r: CertificateRow): CertificateInfo {
  return {
    id: r.id,
    label: r.label,
    subject: r.subject,
    issuer: r.issuer,
    serialNumber: r.serialNumber,
    notBefore: r.notBefore,
    notAfter: r.notAfter,
    fingerprint: r.fingerprint,
    selfSigned: r.selfSigned,
    // Made by this app to start with (its fixed label); an imported one, even self-signed by its issuer, is not.
    temporary: r.label === SELF_SIGNED_LABEL,
    createdAt: r.createdAt,
  };
}

/** The certificates this one replaced, newest first. */
export function certificateHistory(sqlite: Sqlite): CertificateInfo[] {
  return previousCertificateRows(sqlite).map(info);
}

const activeRow = activeCertificateRow;

export function activeCertificateInfo(sqlite: Sqlite): CertificateInfo | null {
  const r = activeRow(sqlite);
  return r ? info(r) : null;
}

/**
 * The certificate last opened on each open database. Reading a .p12 is a key derivation and RSA
 * parsing in JavaScript (node-forge): 30 to 80 ms of the only thread, at every document and
 * print; on the office server every other desk waited for it (seen in a CPU profile of
 * `npm run bench -- office`). Kept per connection, checked against the active row's sealed
 * bytes (a new certificate is opened afresh), and gone with the connection when the database
 * closes, like the key that opened it.
 */
const openedByDatabase = new WeakMap<Sqlite, { id: string; sealed: Buffer; cert: OfficeCertificate }>();

/** The active office certificate, opened for signing; `null` when none was set up. */
export function openActiveCertificate(sqlite: Sqlite, certKey: Buffer): { id: string; cert: OfficeCertificate } | null {
  const r = activeRow(sqlite);
  if (!r) return null;
  const kept = openedByDatabase.get(sqlite);
  if (kept && kept.id === r.id && kept.sealed.equals(r.sealed)) return { id: r.id, cert: kept.cert };
  const { p12, passphrase } = unseal(certKey, r.sealed);
  const cert = readOfficeCertificate(p12, passphrase);
  openedByDatabase.set(sqlite, { id: r.id, sealed: Buffer.from(r.sealed), cert });
  return { id: r.id, cert };
}

export function requireCertificate(sqlite: Sqlite, certKey: Buffer): { id: string; cert: OfficeCertificate } {
  const c = openActiveCertificate(sqlite, certKey);
  if (!c) throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.no_certificate' }));
  return c;
}

/** Check a .p12 (wrong passphrase, no key, expired: typed errors) and prepare its row. */
export async function prepareImport(p12: Uint8Array, passphrase: string, label: string | undefined, certKey: Buffer) {
  const cert = await documentStep(async () => readOfficeCertificate(p12, passphrase));
  return { cert, sealed: seal(certKey, p12, passphrase), label: label ?? cert.subject };
}

/** A clearly labelled self-signed certificate, to sign from day one until the office's own is imported. */
export async function prepareSelfSigned(certKey: Buffer, now: Date) {
  const passphrase = randomBytes(24).toString('base64url');
  const made = await documentStep(async () => createSelfSignedOfficeCertificate({ passphrase, now }));
  const cert = readOfficeCertificate(made.p12, passphrase);
  return { cert, sealed: seal(certKey, made.p12, passphrase), label: SELF_SIGNED_LABEL };
}

/** Store a prepared certificate as the active one (inside the caller's transaction). */
export function storeCertificate(sqlite: Sqlite, prepared: { cert: OfficeCertificate; sealed: Buffer; label: string }, by: string, at: string): CertificateInfo {
  const c = prepared.cert;
  insertActiveCertificate(sqlite, {
    id: randomUUID(),
    label: prepared.label,
    subject: c.subject,
    issuer: c.issuer,
    serialNumber: c.serialNumber,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    fingerprint: c.sha256Fingerprint,
    selfSigned: c.selfSigned,
    sealed: prepared.sealed,
    createdAt: at,
    createdBy: by,
  });
  const stored = activeRow(sqlite);
  if (!stored) throw new Error('stored certificate not found');
  return info(stored);
}
