/**
 * The verdict: the findings of inspect.ts against one data folder's office certificates and
 * register. Pure, so the screen's channel and the CLI give the same answer for the same file.
 */
import type { CheckVerdict, DocumentCheck, RegisterMatch } from '../../../../shared/schema/document-check';
import type { SignatureFindings } from './inspect';

export interface Office {
  /** SHA-256 fingerprints (hex) of every office certificate the folder ever had: an old packet stays ours after a new certificate. */
  readonly certificateFingerprints: ReadonlySet<string>;
  /** The register's document with this SHA-256 of its PDF, if any. */
  lookup(sha256: string): RegisterMatch | null;
}

export function judge(f: SignatureFindings, office: Office): DocumentCheck {
  const s = f.signature;
  const whole = s !== null && s.signedBytes === f.fileBytes;
  const ours = s?.certificateFingerprint ? office.certificateFingerprints.has(s.certificateFingerprint) : s ? false : null;
  const document = office.lookup(f.sha256);
  // When bytes were appended, which register document the signed part was (say, packet v2).
  const signedRevision = s && s.valid && !whole ? office.lookup(s.signedRevisionSha256) : null;
  const verdict: CheckVerdict =
    s === null
      ? 'not_signed'
      : !s.valid
        ? 'signature_invalid'
        : !whole
          ? 'changed_after_signing'
          : !ours
            ? 'not_ours'
            : document === null
              ? 'not_in_register'
              : 'ok';
  return {
    verdict,
    sha256: f.sha256,
    fileBytes: f.fileBytes,
    signedBytes: s?.signedBytes ?? null,
    signer: s?.signer ?? null,
    signedAt: s?.claimedTime?.toISOString() ?? null,
    ours,
    // Same bytes as a register document: it is that document, even one generated unsigned
    // (before an office certificate was set up), whose verdict stays "not signed".
    document,
    signedRevision,
  };
}
