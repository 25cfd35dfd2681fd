/**
 * What the bytes of a PDF say on their own, before any data folder is asked: is it signed,
 * does the signature verify, does it cover the whole file, who signed it.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { checkCms } from './cms';
import { findSignatures } from './signatures';

export interface SignatureFindings {
  readonly sha256: string;
  readonly fileBytes: number;
  /** Null: no signature in the file. */
  readonly signature: {
    readonly valid: boolean;
    /** Where the signed bytes end; less than fileBytes when something was appended after signing. */
    readonly signedBytes: number;
    /** SHA-256 of the signed revision (the file as it was signed: its first signedBytes bytes). */
    readonly signedRevisionSha256: string;
    /** SHA-256 (hex) of the signing certificate's DER, the office certificate's fingerprint form. */
    readonly certificateFingerprint: string | null;
    readonly signer: string | null;
    readonly claimedTime: Date | null;
  } | null;
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function commonName(der: Uint8Array): string | null {
  try {
    const subject = new X509Certificate(der).subject;
    return /(?:^|\n)CN=([^\n]*)/.exec(subject)?.[1] ?? subject;
  } catch {
    return null;
  }
}

/**
 * Our documents carry one signature. With more than one, the first signed one is judged and
 * everything after its signed part counts as changed after signing: a second signature
 * appended later (anyone's) does not make a changed packet whole again.
 */
export function inspectSignedPdf(pdf: Uint8Array): SignatureFindings {
  const base = { sha256: sha256(pdf), fileBytes: pdf.length };
  const first = findSignatures(pdf)[0];
  if (!first) return { ...base, signature: null };
  const cms = checkCms(first.cms, pdf, first.ranges);
  return {
    ...base,
    signature: {
      valid: cms.valid,
      signedBytes: first.end,
      signedRevisionSha256: first.end === pdf.length ? base.sha256 : sha256(pdf.subarray(0, first.end)),
      certificateFingerprint: cms.signerCertificate ? sha256(cms.signerCertificate) : null,
      signer: cms.signerCertificate ? commonName(cms.signerCertificate) : null,
      claimedTime: first.claimedTime,
    },
  };
}
