/**
 * CMS SignedData for PAdES baseline B-B (ETSI EN 319 142-1): detached, signed attributes
 * content-type, message-digest and signing-certificate-v2 (ESSCertIDv2, SHA-256 of the signing
 * certificate). No signing-time attribute: PAdES puts the claimed time in the signature
 * dictionary's /M instead. Built with pkijs/asn1js; the RSA signature comes from node:crypto,
 * so no WebCrypto engine has to be configured.
 */
import type { KeyObject } from 'node:crypto';
import { createHash, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
} as const;

export interface CmsSigner {
  readonly certificate: Uint8Array;
  readonly chain: readonly Uint8Array[];
  readonly privateKey: KeyObject;
}

const ab = (u: Uint8Array): ArrayBuffer => u.slice().buffer;

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035). */
function signingCertificateV2(cert: pkijs.Certificate, der: Uint8Array): asn1js.Sequence {
  const certHash = createHash('sha256').update(der).digest();
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      // hashAlgorithm is left out: SHA-256 is its DEFAULT and DER omits default values.
      new asn1js.OctetString({ valueHex: ab(certHash) }),
      new asn1js.Sequence({
        // IssuerSerial: issuer as GeneralNames (directoryName [4]) + serial number.
        value: [
          new asn1js.Sequence({
            value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })],
          }),
          cert.serialNumber,
        ],
      }),
    ],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

interface ParsedSigner {
  readonly cert: pkijs.Certificate;
  readonly chain: readonly pkijs.Certificate[];
  /** Exact DER size of the CMS this signer makes (see cmsSize). */
  size?: number;
}

/** Certificates parsed once per signer object (an opened office certificate is reused by the app). */
const parsedSigners = new WeakMap<CmsSigner, ParsedSigner>();

function parsed(signer: CmsSigner): ParsedSigner {
  let p = parsedSigners.get(signer);
  if (!p) {
    p = { cert: pkijs.Certificate.fromBER(ab(signer.certificate)), chain: signer.chain.map((c) => pkijs.Certificate.fromBER(ab(c))) };
    parsedSigners.set(signer, p);
  }
  return p;
}

/**
 * The exact size of the CMS buildCadesDetached makes for this signer. Every part has a fixed
 * length: the certificates, three attributes with a 32-byte digest, and an RSA PKCS#1 v1.5
 * signature as long as the modulus. So the /Contents placeholder (hex, two bytes in the file
 * for each byte of CMS) needs no spare room. Null if the key size is unknown.
 */
export function cmsSize(signer: CmsSigner): number | null {
  const p = parsed(signer);
  if (p.size !== undefined) return p.size;
  const bits = signer.privateKey.asymmetricKeyDetails?.modulusLength;
  if (signer.privateKey.asymmetricKeyType !== 'rsa' || bits === undefined) return null;
  p.size = buildCms(new Uint8Array(32), signer, () => new Uint8Array(Math.ceil(bits / 8))).length;
  return p.size;
}

/** DER of a ContentInfo(SignedData) over `contentDigest` (SHA-256 of the PDF byte ranges). */
export function buildCadesDetached(contentDigest: Uint8Array, signer: CmsSigner): Uint8Array {
  return buildCms(contentDigest, signer, (data) => sign('sha256', data, signer.privateKey));
}

function buildCms(contentDigest: Uint8Array, signer: CmsSigner, rsaSign: (data: Uint8Array) => Uint8Array): Uint8Array {
  const { cert, chain } = parsed(signer);

  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: ab(contentDigest) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(cert, signer.certificate)] }),
    ],
  });
  // The signature covers the DER of the attributes re-tagged as SET OF (RFC 5652 §5.4).
  const attrsDer = new Uint8Array(signedAttrs.toSchema().toBER());
  attrsDer[0] = 0x31;
  const signature = rsaSign(attrsDer);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRSAEncryption, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: ab(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert, ...chain],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}
