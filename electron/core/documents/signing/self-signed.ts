import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export const SELF_SIGNED_LABEL = "AVRR Intake self-signed office certificate — replace with the office's certificate";
export const SELF_SIGNED_LABEL_FR = 'Certificat de bureau autosigné AVRR Intake — à remplacer par le certificat du bureau';

/**
 * forge reads `valueTagClass` as the ASN.1 string *type* (and UTF-8-encodes the value itself
 * for UTF8String), but @types/node-forge declares it as a tag class; the cast bridges that.
 * Without it the em dash in the label would not fit a PrintableString.
 */
const UTF8_STRING = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

export interface SelfSignedOptions {
  /** Protects the .p12 file; the caller stores it (OS key store), never this module. */
  readonly passphrase: string;
  /** Office name in the subject's O attribute. */
  readonly organisation?: string;
  readonly validityDays?: number;
  readonly now?: Date;
}

export interface SelfSignedResult {
  readonly p12: Uint8Array;
  /** DER of the certificate, for display and pinning. */
  readonly certificate: Uint8Array;
  readonly sha256Fingerprint: string;
  readonly label: { readonly en: string; readonly fr: string };
}

/**
 * Makes a clearly labelled self-signed office certificate (RSA 3072, SHA-256) packed in a
 * .p12 protected by `passphrase` (AES-256, PBKDF2). It lets an office sign from day one;
 * readers see an unknown issuer until it is replaced with a certificate from a real CA.
 */
export function createSelfSignedOfficeCertificate(options: SelfSignedOptions): SelfSignedResult {
  const now = options.now ?? new Date();
  // Node's key generation is native and fast; forge's pure-JS one takes seconds for 3072 bits.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const pub = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());

  const cert = forge.pki.createCertificate();
  cert.publicKey = pub;
  // Positive 16-byte serial (top bit cleared so DER does not read it as negative).
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + (options.validityDays ?? 825) * 86_400_000);
  const attrs: forge.pki.CertificateField[] = [
    { shortName: 'CN', value: SELF_SIGNED_LABEL, valueTagClass: UTF8_STRING },
    { shortName: 'O', value: options.organisation ?? 'Canada Border Services Agency', valueTagClass: UTF8_STRING },
    { shortName: 'C', value: 'CA' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());

  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], options.passphrase, {
    algorithm: 'aes256',
    friendlyName: 'AVRR Intake office (self-signed)',
    generateLocalKeyId: true,
  });
  const p12 = Uint8Array.from(Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), 'binary'));
  const certificate = Uint8Array.from(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'));
  return {
    p12,
    certificate,
    sha256Fingerprint: createHash('sha256').update(certificate).digest('hex'),
    label: { en: SELF_SIGNED_LABEL, fr: SELF_SIGNED_LABEL_FR },
  };
}
