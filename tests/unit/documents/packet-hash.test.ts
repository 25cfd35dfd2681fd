import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, packetContentHash, packetQrPayload, renderReferralPacket } from '../../../electron/core/documents';
import { ReferralPacketSchema } from '../../../shared/schema/documents';
import { FAMILY, PACKET } from './support/fixtures';
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

/**
 * A one-person packet, and its facts typed out by hand from the paper by the recipe of
 * docs/documents.md ("Recomputing the content hash from the paper"): the test holds the recipe,
 * not the code that implements it.
 */
const ONE = {
  ...PACKET,
  persons: [FAMILY[0]!],
  eligibility: { ...PACKET.eligibility, reasons: PACKET.eligibility.reasons.slice(0, 1) },
  preferences: PACKET.preferences.slice(0, 2),
  consent: { ...PACKET.consent, signedBy: PACKET.consent.signedBy.slice(0, 1) },
  attachments: [{ kind: 'signed_consent' as const, sha256: 'ab'.repeat(32), addedOn: '2013-04-19' }],
};
const ONE_TYPED_FROM_PAPER = [
  'AVRR-IOM-REFERRAL v2',
  'Packet number: AVRR-GTA-2013-000742',
  'Case number: C-2013-004211',
  'Referral date: 2013-04-22',
  'Office: Canada Border Services Agency (CBSA) / Agence des services frontaliers du Canada (ASFC)',
  'Office address: 6900 Airport Road, Entrance 2B, Mississauga, Ontario',
  'Referring officer: Officer Émilie Tremblay (CBSA-40417)',
  'Country of return: Jordan / Jordanie',
  'Final destination: Irbid, Jordan (onward by road from Amman)',
  'Persons referred: 1',
  'Person 1 name: محمد الأحمد',
  'Person 1 Latin transliteration: Mohammed AL-AHMAD',
  'Person 1 date of birth: 1979-03-14',
  'Person 1 nationality: Syria / Syrie',
  'Person 1 relationship: Principal applicant',
  'Person 1 minor: No',
  'Person 1 travel document: Expired passport',
  'Person 1 travel document notes: Passport expired 2023-01; renewal requested from the embassy.',
  'Person 1 medical escort: No',
  'Person 1 non-medical escort: No',
  'Person 1 special needs notes: —',
  'Person 1 tier: T1',
  'Person 1 basis of the tier (EN): The person had not applied for Federal Court leave on 2013-04-02: in-kind reintegration assistance of up to $2,000.',
  "Person 1 basis of the tier (FR): La personne n'avait pas demandé l'autorisation de la Cour fédérale au 2013-04-02 : aide à la réintégration en nature jusqu'à 2 000 $.",
  'Person 1 maximum (CAD): $2,000',
  'Family total (CAD): $2,000',
  'Language used: Arabic / arabe',
  'Interpreter: Samir Haddad — Accredited interpreter, in person',
  'Decision: Eligible',
  'Policy version: avrr-policy-2013.02',
  'AVRR application date: 2013-04-02',
  'Decided on: 2013-04-18',
  'Decided by: Officer Jean-François Côté (CBSA-31877)',
  'Reviewed by: Supervisor Aisha Rahman (CBSA-20051)',
  'Reason 1 code: E1',
  'Reason 1 (EN): Failed refugee claimant: negative decision of the Refugee Protection Division.',
  "Reason 1 (FR): Demandeur d'asile débouté : décision défavorable de la Section de la protection des réfugiés.",
  'Preference 1: Small business support',
  'Preference 1 notes: Wishes to reopen a tailoring workshop.',
  'Preference 2: Temporary accommodation and housing',
  'Preference 2 notes: —',
  'Preferences notes: —',
  'Consent form: CF-2013-000318',
  'Consent signed on: 2013-04-19',
  'Consent signed by 1: محمد الأحمد (Mohammed AL-AHMAD)',
  'Consent officer: Officer Émilie Tremblay (CBSA-40417)',
  'Consent language used: Arabic / arabe',
  'Consent interpreter: Samir Haddad — Accredited interpreter, in person',
  'Scan 1 kind: Signed consent form',
  `Scan 1 SHA-256: ${'ab'.repeat(32)}`,
  'Scan 1 added on: 2013-04-19',
  'Audit chain head: 9f2c4e0b7a61d8f35c2b1e0a9d8c7b6a5f4e3d2c1b0a99887766554433221100',
];

const sha256Of = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('packet content hash (recipe v2: the printed facts)', () => {
  it('recomputed from the facts typed off the paper, it is the hash the packet prints and its QR code carries', async () => {
    const recomputed = sha256Of(ONE_TYPED_FROM_PAPER.join('\n'));
    expect(packetContentHash(ONE)).toBe(recomputed);
    const file = join(mkdtempSync(join(tmpdir(), 'avrr-hash-')), 'one.pdf');
    writeFileSync(file, await renderReferralPacket(ONE));
    const paper = normaliseExtracted(pdftotext(file));
    expect(paper).toContain(recomputed);
    // Every word of every value typed is on the paper (a table cell wraps, and pdftotext may read
    // a neighbouring cell in the middle of it, so word by word).
    for (const line of ONE_TYPED_FROM_PAPER.slice(1)) {
      const value = normaliseExtracted(line.slice(line.indexOf(': ') + 2));
      expect(value.split(' ').filter((w) => !paper.includes(w)), line).toEqual([]);
    }
    expect(JSON.parse(packetQrPayload(ONE.packetNumber, recomputed, 1, 4))).toEqual({ t: 'AVRR-IOM-REFERRAL', v: 2, packet: ONE.packetNumber, sha256: recomputed, page: 1, pages: 4 });
  });

  it('covers what is printed and nothing else: not the person ids, nor the key order or the line breaks of a value', () => {
    const base = packetContentHash(PACKET);
    expect(packetContentHash(shuffleKeys(PACKET))).toBe(base);
    expect(packetContentHash({ ...PACKET, persons: FAMILY.map((p, i) => ({ ...p, personId: `other-${i}` })) })).toBe(base);
    expect(packetContentHash({ ...PACKET, finalDestination: 'Irbid, Jordan\n(onward by road  from Amman)' })).toBe(base);
    expect(packetContentHash({ ...PACKET, countryOfReturn: 'Lebanon' })).not.toBe(base);
    expect(packetContentHash({ ...PACKET, persons: FAMILY.map((p, i) => (i === 0 ? { ...p, minor: true } : p)) })).not.toBe(base);
  });

  it('covers the attached scans: their kind, hash and date added', () => {
    const sha256 = 'ab'.repeat(32);
    const before = { ...PACKET, attachments: [{ kind: 'signed_consent' as const, sha256 }] };
    // Nothing is defaulted in: a packet made before dates were printed reprints as it was stored.
    expect(ReferralPacketSchema.parse(before).attachments).toEqual([{ kind: 'signed_consent', sha256 }]);
    const now = { ...PACKET, attachments: [{ kind: 'signed_consent' as const, sha256, addedOn: '2026-11-20' }] };
    const hashes = new Set([
      packetContentHash(PACKET),
      packetContentHash(before),
      packetContentHash(now),
      packetContentHash({ ...now, attachments: [{ ...now.attachments[0]!, addedOn: '2026-11-21' }] }),
      packetContentHash({ ...now, attachments: [{ ...now.attachments[0]!, sha256: 'cd'.repeat(32) }] }),
      packetContentHash({ ...now, attachments: [{ ...now.attachments[0]!, kind: 'other' as const }] }),
    ]);
    expect(hashes.size).toBe(6);
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
