import { createHash } from 'node:crypto';
import type { ReferralPacket } from '../../../shared/schema/documents';
import { ReferralPacketSchema } from '../../../shared/schema/documents';
import { printedFactsText } from './packet-facts';
import { parseDocumentInput } from './validate';

/**
 * The referral packet's content hash: SHA-256 (lower-case hex) of the facts the packet prints,
 * written out by the recipe of packet-facts.ts (version 2), so anyone holding the paper can
 * recompute it. Printed on the cover and in the integrity section, carried by the QR code of
 * every page and by the embedded data.
 */
export function packetContentHash(data: unknown): string {
  const packet: ReferralPacket = parseDocumentInput(ReferralPacketSchema, data, 'referral packet');
  return hashValidatedPacket(packet);
}

export function hashValidatedPacket(packet: ReferralPacket): string {
  return createHash('sha256').update(printedFactsText(packet), 'utf8').digest('hex');
}

/**
 * What the QR code of each page holds (compact JSON, parseable by any QR reader app). v2: the
 * hash is over the printed facts (v1, before, was over the packet's JSON).
 */
export function packetQrPayload(packetNumber: string, sha256: string, page: number, pages: number): string {
  return JSON.stringify({ t: 'AVRR-IOM-REFERRAL', v: 2, packet: packetNumber, sha256, page, pages });
}
