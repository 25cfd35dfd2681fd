import { createHash } from 'node:crypto';
import type { ReferralPacket } from '../../../shared/schema/documents';
import { ReferralPacketSchema } from '../../../shared/schema/documents';
import { canonicalJson } from './canonical-json';
import { parseDocumentInput } from './validate';

/**
 * SHA-256 (lower-case hex) of the referral packet's content data: the canonical JSON of the
 * input *after* validation (defaults filled in, text trimmed). Printed on the cover and carried
 * by the QR code of every page; IOM recomputes it from the packet JSON to check the paper copy.
 */
export function packetContentHash(data: unknown): string {
  const packet: ReferralPacket = parseDocumentInput(ReferralPacketSchema, data, 'referral packet');
  return hashValidatedPacket(packet);
}

export function hashValidatedPacket(packet: ReferralPacket): string {
  return createHash('sha256').update(canonicalJson(packet), 'utf8').digest('hex');
}

/** What the QR code of each page holds (compact JSON, parseable by any QR reader app). */
export function packetQrPayload(packetNumber: string, sha256: string, page: number, pages: number): string {
  return JSON.stringify({ t: 'AVRR-IOM-REFERRAL', v: 1, packet: packetNumber, sha256, page, pages });
}
