/**
 * The verdict: the findings of inspect.ts against one data folder's office certificates and
 * register. Pure, so the screen's channel and the CLI give the same answer for the same file.
 */
import type { CheckVerdict, DocumentCheck, EmbeddedDataCheck, RegisterMatch } from '../../../../shared/schema/document-check';
import type { PacketData } from '../../../../shared/schema/packet-data';
import { canonicalJson } from '../canonical-json';
import type { EmbeddedFinding } from './embedded';
import type { SignatureFindings } from './inspect';

export interface Office {
  /** SHA-256 fingerprints (hex) of every office certificate the folder ever had: an old packet stays ours after a new certificate. */
  readonly certificateFingerprints: ReadonlySet<string>;
  /** The register's document with this SHA-256 of its PDF, if any. */
  lookup(sha256: string): RegisterMatch | null;
  /** The data the register's referral packet of this number embeds (built from its stored input), if there is one. */
  packetData(packetNumber: string): PacketData | null;
}

/** The embedded data against the register: the same canonical JSON as its packet of that number would embed. */
function embeddedAgainst(e: EmbeddedFinding | null, office: Office): EmbeddedDataCheck | null {
  if (e === null) return null;
  if (e.data === null) return { ...e, register: null };
  const ours = office.packetData(e.data.packetNumber);
  return { ...e, register: ours === null ? 'not_found' : canonicalJson(ours) === canonicalJson(e.data) ? 'matches' : 'differs' };
}

/** `embedded`: what readEmbeddedPacketData found in the file. */
export function judge(f: SignatureFindings, office: Office, embedded: EmbeddedFinding | null = null): DocumentCheck {
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
    embeddedData: embeddedAgainst(embedded, office),
  };
}
