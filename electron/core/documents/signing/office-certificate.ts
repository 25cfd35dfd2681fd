import type { KeyObject } from 'node:crypto';
import { createHash, createPrivateKey } from 'node:crypto';
import forge from 'node-forge';
import { OfficeCertificateInvalidError, OfficeCertificateWrongPassphraseError } from '../errors';

/** The pieces of an office certificate file, ready to sign with. Holds the private key: keep in memory only. */
export interface OfficeCertificate {
  /** DER of the signing certificate. */
  readonly certificate: Uint8Array;
  /** DER of the other certificates in the file (issuing CAs), in file order. */
  readonly chain: readonly Uint8Array[];
  readonly privateKey: KeyObject;
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SHA-256 of the certificate DER, lower-case hex: what a supervisor compares by phone. */
  readonly sha256Fingerprint: string;
  readonly selfSigned: boolean;
}

const toBytes = (binary: string): Uint8Array => Uint8Array.from(Buffer.from(binary, 'binary'));
// PKCS#12 bag types (RFC 7292 §4.2); @types/node-forge types `pki.oids` as a loose record.
const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;

/** forge keeps attribute values as raw bytes; UTF8String values need decoding for display. */
function decodeValue(value: unknown): string {
  try {
    return forge.util.decodeUtf8(String(value));
  } catch {
    return String(value);
  }
}
const dn = (attrs: forge.pki.CertificateField[]): string =>
  attrs.map((a) => `${a.shortName ?? a.name ?? a.type}=${decodeValue(a.value)}`).join(', ');

/**
 * Opens an office certificate file (.p12/.pfx) with its passphrase and checks it holds an RSA
 * private key and the certificate that belongs to it. Typed errors for a wrong passphrase and
 * for every other reason the file cannot be used.
 */
export function readOfficeCertificate(p12: Uint8Array, passphrase: string): OfficeCertificate {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
  } catch (cause) {
    throw new OfficeCertificateInvalidError('not_pkcs12', { cause });
  }
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    pfx = forge.pkcs12.pkcs12FromAsn1(asn1, true, passphrase);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    // forge checks the MAC first; a file without a MAC fails while decrypting instead.
    if (/password|MAC could not be verified|decrypt/i.test(message)) throw new OfficeCertificateWrongPassphraseError({ cause });
    throw new OfficeCertificateInvalidError('not_pkcs12', { cause });
  }

  const keyBags = [
    ...(pfx.getBags({ bagType: BAG.shroudedKey })[BAG.shroudedKey] ?? []),
    ...(pfx.getBags({ bagType: BAG.key })[BAG.key] ?? []),
  ];
  const certs = (pfx.getBags({ bagType: BAG.cert })[BAG.cert] ?? [])
    .map((bag) => bag.cert)
    .filter((c): c is forge.pki.Certificate => c !== undefined);
  if (keyBags.length === 0) throw new OfficeCertificateInvalidError('no_private_key');
  if (certs.length === 0) throw new OfficeCertificateInvalidError('no_certificate');
  const key = keyBags[0]?.key;
  // forge only decodes RSA keys; an EC key bag comes back without `key`.
  if (key === undefined || !('n' in key)) throw new OfficeCertificateInvalidError('unsupported_key_type');
  const rsaKey = key as forge.pki.rsa.PrivateKey;

  const leaf = certs.find((c) => {
    const pub = c.publicKey;
    return 'n' in pub && (pub as forge.pki.rsa.PublicKey).n.equals(rsaKey.n);
  });
  if (!leaf) throw new OfficeCertificateInvalidError('key_does_not_match_certificate');

  const der = (c: forge.pki.Certificate) => toBytes(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes());
  const certificate = der(leaf);
  return {
    certificate,
    chain: certs.filter((c) => c !== leaf).map(der),
    privateKey: createPrivateKey(forge.pki.privateKeyToPem(rsaKey)),
    subject: dn(leaf.subject.attributes),
    issuer: dn(leaf.issuer.attributes),
    serialNumber: leaf.serialNumber,
    notBefore: leaf.validity.notBefore,
    notAfter: leaf.validity.notAfter,
    sha256Fingerprint: createHash('sha256').update(certificate).digest('hex'),
    selfSigned: leaf.isIssuer(leaf) && safeVerify(leaf),
  };
}

function safeVerify(cert: forge.pki.Certificate): boolean {
  try {
    return cert.verify(cert);
  } catch {
    return false;
  }
}
