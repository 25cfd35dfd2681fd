import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readAuditHead } from '../../../electron/core/audit/head';
import { appendAudit } from '../../../electron/core/audit/writer';
import { verifyTrail } from '../../../electron/core/audit/verify-trail';
import { verifyAuditChain } from '../../../electron/core/audit/verify';
import { readAllAuditRows } from '../../../electron/core/audit/read';
import type { AuditFixture } from './helpers';
import { appendMany, freshDb, sampleEntry } from './helpers';

const NUMBER = 'AVRR-2026-000123-RP-01';

/** A signed referral packet in the register whose input carries `head`, made at `at`. */
function signedPacket(f: AuditFixture, head: string, at: string): void {
  // The register row only; its case need not exist for this check (the fixture's own connection).
  f.open.sqlite.pragma('foreign_keys = OFF');
  f.open.sqlite
    .prepare(
      `INSERT INTO documents (id, number, type, case_id, version, sha256, content_hash, input, pdf, signed, certificate_id, generated_at, generated_by)
       VALUES (?, ?, 'referral_packet', ?, 1, ?, NULL, ?, x'25504446', 1, NULL, ?, ?)`,
    )
    .run(randomUUID(), NUMBER, randomUUID(), '0'.repeat(64), JSON.stringify({ caseNumber: 'AVRR-2026-000123', auditChainHead: head }), at, randomUUID());
}

/** What an insider with the key does: drop entries from..to and re-chain everything after them. */
function rewriteWithout(f: AuditFixture, from: number, to: number): void {
  const kept = readAllAuditRows(f.open.sqlite).filter((r) => r.seq > to);
  f.open.sqlite.exec('DROP TRIGGER audit_log_no_delete');
  f.open.sqlite.prepare('DELETE FROM audit_log WHERE seq >= ?').run(from);
  const tx = f.open.sqlite.transaction(() => {
    for (const r of kept) {
      appendAudit(f.open.sqlite, f.auditKey, { at: r.at, userId: r.userId, username: r.username, role: r.role, action: r.action, caseId: r.caseId, outcome: r.outcome, workstation: r.workstation, detail: r.detail });
    }
  });
  tx();
}

describe('the audit heads printed in signed documents', () => {
  it('an intact trail holds every document head', () => {
    const f = freshDb();
    appendMany(f, 5);
    const head = readAuditHead(f.open.sqlite);
    signedPacket(f, head?.mac ?? '', new Date(Date.parse(sampleEntry(4).at) + 1000).toISOString());
    appendMany(f, 5, 5);
    expect(verifyTrail(f.open.sqlite, f.auditKey, readAuditHead(f.open.sqlite) ?? null)).toMatchObject({ ok: true, count: 10 });
  });

  it('a trail re-chained without the entries before a document (anchor moved along) is caught, naming the document', () => {
    const f = freshDb();
    appendMany(f, 5);
    const head = readAuditHead(f.open.sqlite);
    signedPacket(f, head?.mac ?? '', new Date(Date.parse(sampleEntry(4).at) + 1000).toISOString());
    appendMany(f, 5, 5);
    rewriteWithout(f, 4, 6);
    // The chain is whole again and the insider set the anchor to the new head: only the document knows.
    const anchor = readAuditHead(f.open.sqlite) ?? null;
    // What verify checked before: the chain and the anchor, both fine after the rewrite.
    expect(verifyAuditChain(readAllAuditRows(f.open.sqlite), f.auditKey, anchor ? { head: anchor } : {})).toMatchObject({ ok: true, count: 7 });
    expect(verifyTrail(f.open.sqlite, f.auditKey, anchor)).toEqual({ ok: false, kind: 'deleted', document: NUMBER, index: 3, seq: 4 });
  });

  it('a document head found only after the document was made (the entry is not the one it saw) is caught', () => {
    const f = freshDb();
    appendMany(f, 5);
    const head = readAuditHead(f.open.sqlite);
    signedPacket(f, head?.mac ?? '', sampleEntry(0).at);
    expect(verifyTrail(f.open.sqlite, f.auditKey, null)).toMatchObject({ ok: false, kind: 'deleted', document: NUMBER });
  });

  it('unsigned documents and packets made on an empty trail are not held to it', () => {
    const f = freshDb();
    appendMany(f, 3);
    signedPacket(f, '0'.repeat(64), sampleEntry(0).at);
    unsignedPacket(f);
    expect(verifyTrail(f.open.sqlite, f.auditKey, null)).toMatchObject({ ok: true, count: 3 });
  });
});

/** An unsigned document naming a head the trail never had. */
function unsignedPacket(f: AuditFixture): void {
  f.open.sqlite
    .prepare(
      `INSERT INTO documents (id, number, type, case_id, version, sha256, content_hash, input, pdf, signed, certificate_id, generated_at, generated_by)
       VALUES (?, 'AVRR-2026-000124-RP-01', 'referral_packet', ?, 1, ?, NULL, ?, x'25504446', 0, NULL, ?, ?)`,
    )
    .run(randomUUID(), randomUUID(), '0'.repeat(64), JSON.stringify({ auditChainHead: 'ab'.repeat(32) }), sampleEntry(2).at, randomUUID());
}
