import { createHash, createSign, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import forge from 'node-forge';
import { writeFileAtomic } from '../core/durable-file';
import { z } from 'zod';

/**
 * The office certificate authority: made once in the server's data folder (`office-ca/`), it
 * signs the server's TLS certificate and one client certificate per enrolled workstation, keeps
 * the list of enrolled workstations, and the revocation list (CRL) the TLS server checks at every
 * handshake. Nothing here is ever in the repository: it is generated on the server.
 */

export const AUTHORITY_FOLDER = 'office-ca';
const CA_DAYS = 10 * 365;
const SERVER_DAYS = 2 * 365;
export const WORKSTATION_DAYS = 2 * 365;
/** Workstation names: what a supervisor reads in the list and in the audit trail. */
export const workstationNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N} ._'()-]+$/u);

const isoTime = z.iso.datetime({ precision: 3 });
export const workstationSchema = z
  .object({
    /** The certificate's serial number, lower-case hex: the workstation's id. */
    id: z.string().regex(/^[0-9a-f]{2,40}$/),
    name: workstationNameSchema,
    /** SHA-256 of the certificate's DER, lower-case hex. */
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    enrolledAt: isoTime,
    expiresAt: isoTime,
    revokedAt: isoTime.nullable(),
  })
  .strict();
const registrySchema = z.object({ format: z.literal('avrr-office-workstations'), version: z.literal(1), workstations: z.array(workstationSchema) }).strict();
export type Workstation = z.infer<typeof workstationSchema>;

/** What the TLS servers need, all PEM. */
export interface AuthorityPems {
  readonly caCert: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly crl: string;
}

export interface IssuedCertificate {
  readonly workstation: Workstation;
  readonly certificate: string;
  readonly caCertificate: string;
}

export interface OfficeAuthority {
  readonly folder: string;
  pems(): AuthorityPems;
  /** SHA-256 of the CA certificate, `AB:CD:…` (the form Node's getPeerCertificate gives). */
  caFingerprint(): string;
  /** Signs a workstation certificate for a CSR (checked: its signature proves the key) or a bare SPKI public key. */
  issueWorkstation(request: { name: string; csr?: string; publicKey?: string }, now?: Date): IssuedCertificate;
  /** Marks it revoked in the registry and re-signs the CRL. Returns false if it was not enrolled. The registry file is read at open only: one process per data folder. */
  revoke(id: string, now?: Date): boolean;
  list(): Workstation[];
  find(id: string): Workstation | undefined;
}

const files = {
  caCert: 'ca-cert.pem',
  caKey: 'ca-key.pem',
  serverCert: 'server-cert.pem',
  serverKey: 'server-key.pem',
  crl: 'crl.pem',
  registry: 'workstations.json',
} as const;

/**
 * Opens the authority in `dataDir/office-ca`, creating the CA on first use. The server
 * certificate is (re)issued when it does not name every host in `hosts` or is near its end.
 */
export function openAuthority(dataDir: string, opts: { hosts?: readonly string[]; now?: Date } = {}): OfficeAuthority {
  const folder = join(dataDir, AUTHORITY_FOLDER);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const path = (name: keyof typeof files): string => join(folder, files[name]);
  const hosts = opts.hosts && opts.hosts.length > 0 ? [...opts.hosts] : ['localhost', '127.0.0.1'];
  const now = opts.now ?? new Date();

  if (!existsSync(path('caCert')) || !existsSync(path('caKey'))) {
    // A new CA would silently cut off every enrolled workstation: if some were enrolled, the
    // authority's files were lost and must be restored from the backup (or the list removed on purpose).
    if (existsSync(path('registry'))) throw new OfficeAuthorityError(folder);
    const { certPem, keyPem } = makeCa(now);
    // Key first: a CA certificate without its key would be useless, the reverse is only redone.
    writeAtomic(path('caKey'), keyPem);
    writeAtomic(path('caCert'), certPem);
    for (const stale of ['serverCert', 'serverKey', 'crl'] as const) rmSync(path(stale), { force: true });
  }
  const caCertPem = readFileSync(path('caCert'), 'utf8');
  const caKeyPem = readFileSync(path('caKey'), 'utf8');
  const caCert = forge.pki.certificateFromPem(caCertPem);
  const caKey = forge.pki.privateKeyFromPem(caKeyPem);

  if (!serverCertFits(path('serverCert'), hosts, now)) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const cert = signCertificate({
      caCert,
      caKey,
      publicKey: forge.pki.setRsaPublicKey(forge.pki.privateKeyFromPem(keyPem).n, forge.pki.privateKeyFromPem(keyPem).e),
      subject: [{ shortName: 'CN', value: 'AVRR office server' }],
      days: SERVER_DAYS,
      now,
      extensions: [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: hosts.map((h) => (isIP(h) ? { type: 7, ip: h } : { type: 2, value: h })) },
      ],
    });
    writeAtomic(path('serverKey'), keyPem);
    writeAtomic(path('serverCert'), forge.pki.certificateToPem(cert));
  }

  // Read once and kept: every handshake looks a workstation up, and this process is the only writer.
  let registry: Workstation[] = existsSync(path('registry')) ? registrySchema.parse(JSON.parse(readFileSync(path('registry'), 'utf8'))).workstations : [];
  const readRegistry = (): Workstation[] => [...registry];
  const writeRegistry = (workstations: Workstation[]): void => {
    writeAtomic(path('registry'), JSON.stringify({ format: 'avrr-office-workstations', version: 1, workstations }, null, 2));
    registry = workstations;
  };
  const writeCrl = (at: Date): void => writeAtomic(path('crl'), makeCrl(caCert, caKeyPem, readRegistry(), at));
  // Re-signed at every start from the registry: a revocation cut short between the two files is finished here.
  writeCrl(now);

  return {
    folder,
    pems: () => ({
      caCert: caCertPem,
      serverCert: readFileSync(path('serverCert'), 'utf8'),
      serverKey: readFileSync(path('serverKey'), 'utf8'),
      crl: readFileSync(path('crl'), 'utf8'),
    }),
    caFingerprint: () => new X509Certificate(caCertPem).fingerprint256,
    issueWorkstation(request, at = new Date()) {
      const name = workstationNameSchema.parse(request.name);
      const publicKey = requestedPublicKey(request);
      const cert = signCertificate({
        caCert,
        caKey,
        publicKey,
        subject: [{ shortName: 'CN', value: name, valueTagClass: UTF8_STRING }, { shortName: 'O', value: 'AVRR office workstation' }],
        days: WORKSTATION_DAYS,
        now: at,
        extensions: [
          { name: 'basicConstraints', cA: false, critical: true },
          { name: 'keyUsage', digitalSignature: true, critical: true },
          { name: 'extKeyUsage', clientAuth: true },
        ],
      });
      const pem = forge.pki.certificateToPem(cert);
      const workstation: Workstation = {
        id: cert.serialNumber.toLowerCase(),
        name,
        fingerprint: fingerprintOf(pem),
        enrolledAt: at.toISOString(),
        expiresAt: cert.validity.notAfter.toISOString(),
        revokedAt: null,
      };
      writeRegistry([...readRegistry(), workstation]);
      return { workstation, certificate: pem, caCertificate: caCertPem };
    },
    revoke(id, at = new Date()) {
      const all = readRegistry();
      const target = all.find((w) => w.id === id.toLowerCase());
      if (!target) return false;
      if (target.revokedAt === null) {
        writeRegistry(all.map((w) => (w === target ? { ...w, revokedAt: at.toISOString() } : w)));
      }
      // Re-signed even if it was already revoked: a lost CRL write is mended by revoking again.
      writeCrl(at);
      return true;
    },
    list: readRegistry,
    find: (id) => registry.find((w) => w.id === id.toLowerCase()),
  };
}

/** The folder lists enrolled workstations but their CA is gone. */
export class OfficeAuthorityError extends Error {
  constructor(readonly folder: string) {
    super(
      `${folder} lists enrolled workstations but its CA certificate or key is missing: restore the folder from the backup, ` +
        'or delete workstations.json to start a new authority (every workstation must then be enrolled again)',
    );
    this.name = 'OfficeAuthorityError';
  }
}

/** SHA-256 of a PEM certificate's DER, lower-case hex without colons. */
export function fingerprintOf(pem: string): string {
  return createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');
}

/** forge reads valueTagClass as the string type (see documents/signing/self-signed.ts). */
const UTF8_STRING = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

function makeCa(now: Date): { certPem: string; keyPem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(keyPem);
  const subject: forge.pki.CertificateField[] = [
    { shortName: 'CN', value: `AVRR office authority ${randomBytes(4).toString('hex')}` },
    { shortName: 'O', value: 'AVRR Intake office' },
  ];
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = serialHex();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + CA_DAYS * 86_400_000);
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    // cRLSign: OpenSSL refuses a CRL signed by a CA whose key usage does not allow it.
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem };
}

function signCertificate(p: {
  caCert: forge.pki.Certificate;
  caKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  subject: forge.pki.CertificateField[];
  days: number;
  now: Date;
  extensions: object[];
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = p.publicKey;
  cert.serialNumber = serialHex();
  cert.validity.notBefore = new Date(p.now.getTime() - 60_000);
  cert.validity.notAfter = new Date(p.now.getTime() + p.days * 86_400_000);
  cert.setSubject(p.subject);
  cert.setIssuer(p.caCert.subject.attributes);
  cert.setExtensions([...p.extensions, { name: 'subjectKeyIdentifier' }, { name: 'authorityKeyIdentifier', keyIdentifier: p.caCert.generateSubjectKeyIdentifier().getBytes() }]);
  cert.sign(p.caKey, forge.md.sha256.create());
  return cert;
}

/** A positive 16-byte serial (top bit cleared so DER does not read it as negative; never zero-led). */
function serialHex(): string {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x10;
  return serial.toString('hex');
}

/** The public key to certify: from a CSR whose own signature must verify, or a bare SPKI PEM. RSA only (forge). */
function requestedPublicKey(request: { csr?: string; publicKey?: string }): forge.pki.rsa.PublicKey {
  if (request.csr) {
    const csr = forge.pki.certificationRequestFromPem(request.csr);
    if (!verifies(csr)) throw new Error('the CSR signature does not verify');
    return asRsaPublicKey(csr.publicKey);
  }
  if (request.publicKey) return asRsaPublicKey(forge.pki.publicKeyFromPem(request.publicKey));
  throw new Error('a CSR or a public key is needed');
}

/** forge's verify throws, rather than answering false, on some bad signatures. */
function verifies(csr: forge.pki.CertificateSigningRequest): boolean {
  try {
    return csr.verify();
  } catch {
    return false;
  }
}

function asRsaPublicKey(key: forge.pki.PublicKey | null): forge.pki.rsa.PublicKey {
  if (!key || !('n' in key) || key.n.bitLength() < 2048) throw new Error('an RSA public key of at least 2048 bits is needed');
  return key;
}

function serverCertFits(file: string, hosts: readonly string[], now: Date): boolean {
  if (!existsSync(file)) return false;
  const cert = new X509Certificate(readFileSync(file, 'utf8'));
  const names = (cert.subjectAltName ?? '').split(', ');
  const named = hosts.every((h) => names.includes(isIP(h) ? `IP Address:${h}` : `DNS:${h}`));
  const fresh = new Date(cert.validTo).getTime() - now.getTime() > 30 * 86_400_000;
  return named && fresh;
}

/**
 * A v2 CRL (RFC 5280 §5) listing the revoked workstations, signed by the CA with SHA-256/RSA.
 * forge has no CRL writer, so the ASN.1 is built here and signed with node:crypto. No
 * nextUpdate: a CRL past its nextUpdate makes OpenSSL refuse every client, and this one is
 * only ever read by this office's own server, which reloads it at each revocation.
 */
export function makeCrl(caCert: forge.pki.Certificate, caKeyPem: string, workstations: readonly Workstation[], now: Date): string {
  const { asn1 } = forge;
  const seq = (items: forge.asn1.Asn1[]): forge.asn1.Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
  const int = (hex: string): forge.asn1.Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, forge.util.hexToBytes(hex));
  const time = (d: Date): forge.asn1.Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(d));
  const sha256WithRsa = (): forge.asn1.Asn1 =>
    seq([asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(forge.pki.oids['sha256WithRSAEncryption']!).getBytes()), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]);
  const revoked = workstations.filter((w) => w.revokedAt !== null);
  const tbs = seq([
    int('01'),
    sha256WithRsa(),
    forge.pki.distinguishedNameToAsn1(caCert.subject),
    time(now),
    ...(revoked.length > 0 ? [seq(revoked.map((w) => seq([int(w.id), time(new Date(w.revokedAt ?? now))])))] : []),
  ]);
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary');
  const signature = createSign('sha256').update(tbsDer).sign(caKeyPem);
  const bitString = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, '\u0000' + signature.toString('binary'));
  const der = Buffer.from(asn1.toDer(seq([tbs, sha256WithRsa(), bitString])).getBytes(), 'binary');
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN X509 CRL-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END X509 CRL-----\n`;
}

/** Whole-file atomic write, owner-only (electron/core/durable-file.ts). */
export const writeAtomic = writeFileAtomic;
