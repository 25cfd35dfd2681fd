/**
 * Verifies the CMS (PKCS#7) of one PDF signature in TypeScript: pkijs/asn1js read it (the
 * same libraries that build it, signing/cms.ts) and node:crypto checks the digest and the
 * signature. So the desktop app checks documents without poppler or NSS at run time.
 *
 * A signature is valid when (1) the message-digest signed attribute equals the hash of the
 * PDF's signed byte ranges and (2) the signer's signature over the signed attributes verifies
 * with the public key of the certificate the signer info names. Trust is not decided here:
 * whether that certificate is the office's is the caller's question (judge.ts).
 */
import { X509Certificate, createHash, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from '../signing/cms';

export interface CmsCheck {
  /** Digest and signature both verify. */
  readonly valid: boolean;
  /** DER of the certificate the signer info names (null when the CMS does not carry it). */
  readonly signerCertificate: Uint8Array | null;
}

const DIGESTS: Readonly<Record<string, string>> = {
  [OID.sha256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

const INVALID: CmsCheck = { valid: false, signerCertificate: null };

function signedDataOf(cms: Uint8Array): pkijs.SignedData | null {
  const asn1 = asn1js.fromBER(cms.slice().buffer);
  if (asn1.offset === -1) return null;
  try {
    const info = new pkijs.ContentInfo({ schema: asn1.result });
    if (info.contentType !== OID.signedData) return null;
    return new pkijs.SignedData({ schema: info.content });
  } catch {
    return null;
  }
}

function certificateOf(sd: pkijs.SignedData, signer: pkijs.SignerInfo): pkijs.Certificate | null {
  const sid = signer.sid;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber)) return null;
  for (const c of sd.certificates ?? []) {
    if (c instanceof pkijs.Certificate && c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) return c;
  }
  return null;
}

function attributeValue(signer: pkijs.SignerInfo, type: string): unknown {
  return signer.signedAttrs?.attributes.find((a) => a.type === type)?.values[0];
}

/** Check the CMS against the PDF's signed byte ranges. */
export function checkCms(cms: Uint8Array, pdf: Uint8Array, ranges: readonly [number, number, number, number]): CmsCheck {
  const sd = signedDataOf(cms);
  const signer = sd?.signerInfos[0];
  if (!sd || !signer) return INVALID;
  const cert = certificateOf(sd, signer);
  if (!cert) return INVALID;
  const certDer = new Uint8Array(cert.toSchema().toBER());
  const result = (valid: boolean): CmsCheck => ({ valid, signerCertificate: certDer });

  const hash = DIGESTS[signer.digestAlgorithm.algorithmId];
  if (!hash || !signer.signedAttrs) return result(false);
  const [a, b, c, d] = ranges;
  const digest = createHash(hash).update(pdf.subarray(a, a + b)).update(pdf.subarray(c, c + d)).digest();

  const md = attributeValue(signer, OID.messageDigest);
  if (!(md instanceof asn1js.OctetString) || !Buffer.from(md.valueBlock.valueHexView).equals(digest)) return result(false);
  const ct = attributeValue(signer, OID.contentType);
  if (!(ct instanceof asn1js.ObjectIdentifier) || ct.valueBlock.toString() !== OID.data) return result(false);

  // The signature covers the attributes as encoded in the CMS, re-tagged as SET OF (RFC 5652 §5.4).
  // A copy: the parsed CMS keeps its own bytes.
  const encoded = signer.signedAttrs.encodedValue.byteLength > 0 ? signer.signedAttrs.encodedValue : signer.signedAttrs.toSchema().toBER();
  const attrs = new Uint8Array(encoded).slice();
  attrs[0] = 0x31;
  try {
    const key = new X509Certificate(certDer).publicKey;
    return result(verify(hash, attrs, key, new Uint8Array(signer.signature.valueBlock.valueHexView)));
  } catch {
    // An algorithm node:crypto cannot use with this key (or a malformed key) does not verify.
    return result(false);
  }
}
