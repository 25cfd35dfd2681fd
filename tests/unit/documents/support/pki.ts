/**
 * Test-only PKI, made at run time so no private key is ever committed: a test CA and an office
 * certificate it issued, packed as a .p12 with the CA in the chain; and an NSS database that
 * trusts the CA, for `pdfsig -nssdir`.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export interface TestPki {
  readonly caPem: string;
  readonly officeP12: Uint8Array;
  readonly officeCertPem: string;
  readonly officeKeyPem: string;
  readonly passphrase: string;
}

function rsaKeys(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return {
    privateKey: forge.pki.privateKeyFromPem(pem),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    pem,
  };
}

function certificate(
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
  publicKey: forge.pki.rsa.PublicKey,
  signingKey: forge.pki.rsa.PrivateKey,
  extensions: object[],
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  const serial = randomBytes(12);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions(extensions);
  cert.sign(signingKey, forge.md.sha256.create());
  return cert;
}

export function makeTestPki(passphrase = 'test-only passphrase'): TestPki {
  const ca = rsaKeys();
  const caName = [
    { shortName: 'CN', value: 'AVRR Intake TEST-ONLY Root CA' },
    { shortName: 'O', value: 'AVRR Intake tests' },
    { shortName: 'C', value: 'CA' },
  ];
  const caCert = certificate(caName, caName, ca.publicKey, ca.privateKey, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  const office = rsaKeys();
  const officeCert = certificate(
    [
      { shortName: 'CN', value: 'CBSA GTA AVRR office (TEST ONLY)' },
      { shortName: 'O', value: 'AVRR Intake tests' },
      { shortName: 'C', value: 'CA' },
    ],
    caName,
    office.publicKey,
    ca.privateKey,
    [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      { name: 'extKeyUsage', emailProtection: true },
      { name: 'subjectKeyIdentifier' },
      { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
    ],
  );
  const p12 = forge.pkcs12.toPkcs12Asn1(office.privateKey, [officeCert, caCert], passphrase, { algorithm: 'aes256' });
  return {
    caPem: forge.pki.certificateToPem(caCert),
    officeP12: Uint8Array.from(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary')),
    officeCertPem: forge.pki.certificateToPem(officeCert),
    officeKeyPem: office.pem,
    passphrase,
  };
}

/** An NSS database in `dir` that trusts the test CA (what `pdfsig -nssdir` reads). */
export function makeNssDb(dir: string, caPem: string): string {
  const db = join(dir, 'nssdb');
  mkdirSync(db, { recursive: true });
  const caFile = join(dir, 'test-ca.pem');
  writeFileSync(caFile, caPem);
  execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${db}`]);
  execFileSync('certutil', ['-A', '-n', 'AVRR test CA', '-t', 'CT,C,C', '-i', caFile, '-d', `sql:${db}`]);
  return db;
}
