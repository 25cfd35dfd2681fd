import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, packetContentHash, packetQrPayload, renderReferralPacket } from '../../../electron/core/documents';
import { ReferralPacketSchema } from '../../../shared/schema/documents';
import { PACKET } from './support/fixtures';
import { normaliseExtracted, pdftotext } from './support/tools';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Reverses key order at every level: the hash must not depend on it. */
function shuffleKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shuffleKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, shuffleKeys(v)]));
  }
  return value;
}

describe('canonical JSON', () => {
  it('sorts keys at every level, drops undefined, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x', u: undefined } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
  });
});

describe('packet content hash', () => {
  it('is the SHA-256 of the canonical JSON of the validated packet, whatever the key order', () => {
    const expected = createHash('sha256').update(canonicalJson(ReferralPacketSchema.parse(PACKET))).digest('hex');
    expect(packetContentHash(PACKET)).toBe(expected);
    expect(packetContentHash(shuffleKeys(PACKET))).toBe(expected);
    expect(packetContentHash({ ...PACKET, countryOfReturn: 'Lebanon' })).not.toBe(expected);
  });

  it('is printed in the packet and carried by the QR payload', async () => {
    const hash = packetContentHash(PACKET);
    const file = join(mkdtempSync(join(tmpdir(), 'avrr-hash-')), 'p.pdf');
    writeFileSync(file, await renderReferralPacket(PACKET));
    expect(normaliseExtracted(pdftotext(file))).toContain(hash);
    expect(JSON.parse(packetQrPayload(PACKET.packetNumber, hash, 2, 4))).toMatchObject({ packet: PACKET.packetNumber, sha256: hash, page: 2 });
  });
});
