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

  it('covers the attached scans, and a packet whose scans carry only kind and hash (made before dates) hashes as it did', () => {
    const sha256 = 'ab'.repeat(32);
    const before = { ...PACKET, attachments: [{ kind: 'signed_consent' as const, sha256 }] };
    // Nothing is defaulted in: the validated entry is what was stored, so the hash printed then is the one computed now.
    expect(ReferralPacketSchema.parse(before).attachments).toEqual([{ kind: 'signed_consent', sha256 }]);
    expect(packetContentHash(before)).toBe(createHash('sha256').update(canonicalJson({ ...ReferralPacketSchema.parse(PACKET), attachments: [{ kind: 'signed_consent', sha256 }] })).digest('hex'));
    const now = { ...PACKET, attachments: [{ kind: 'signed_consent' as const, sha256, addedOn: '2026-11-20' }] };
    const hashes = new Set([
      packetContentHash(PACKET),
      packetContentHash(before),
      packetContentHash(now),
      packetContentHash({ ...now, attachments: [{ ...now.attachments[0]!, addedOn: '2026-11-21' }] }),
      packetContentHash({ ...now, attachments: [{ ...now.attachments[0]!, sha256: 'cd'.repeat(32) }] }),
    ]);
    expect(hashes.size).toBe(5);
  });

  it('is printed in the packet and carried by the QR payload', async () => {
    const hash = packetContentHash(PACKET);
    const file = join(mkdtempSync(join(tmpdir(), 'avrr-hash-')), 'p.pdf');
    writeFileSync(file, await renderReferralPacket(PACKET));
    expect(normaliseExtracted(pdftotext(file))).toContain(hash);
    expect(JSON.parse(packetQrPayload(PACKET.packetNumber, hash, 2, 4))).toMatchObject({ packet: PACKET.packetNumber, sha256: hash, page: 2 });
  });

  it('prints each attached scan’s hash in full on one line, even the widest (every digit a "d" or a "b")', async () => {
    const wide = ['d'.repeat(64), 'b'.repeat(64), '0123456789abcdef'.repeat(4)];
    const data = { ...PACKET, attachments: wide.map((sha256) => ({ kind: 'other' as const, sha256, addedOn: '2026-11-20' })) };
    const file = join(mkdtempSync(join(tmpdir(), 'avrr-hash-')), 'scans.pdf');
    writeFileSync(file, await renderReferralPacket(data));
    const lines = pdftotext(file).split('\n').map((l) => l.trim());
    for (const sha256 of wide) expect(lines).toContain(sha256);
  });
});
