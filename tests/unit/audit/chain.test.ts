import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_MAC, computeMac, deriveAuditKey, encodeEntry } from '../../../electron/core/audit/chain';
import type { AuditRow } from '../../../electron/core/audit/entry';
import { readAllAuditRows } from '../../../electron/core/audit/read';
import { verifyAuditChain } from '../../../electron/core/audit/verify';
import type { TamperKind } from '../../../electron/core/audit/verify';
import { appendMany, freshDb, sampleEntry } from './helpers';

const N = 30;

function trail(): { rows: AuditRow[]; auditKey: Buffer } {
  const f = freshDb();
  appendMany(f, N);
  return { rows: readAllAuditRows(f.open.sqlite), auditKey: f.auditKey };
}

describe('the chain', () => {
  it('derives the audit key with HKDF (not the database key itself) and starts from 32 zero bytes', () => {
    const dbKey = randomBytes(32);
    const k = deriveAuditKey(dbKey);
    expect(k).toHaveLength(32);
    expect(k.equals(dbKey)).toBe(false);
    expect(deriveAuditKey(dbKey).equals(k)).toBe(true);
    expect(GENESIS_MAC.equals(Buffer.alloc(32))).toBe(true);
  });

  it('encodes entries injectively: moving characters between fields or nulling a field changes the bytes', () => {
    const e = sampleEntry(1);
    const shifted = { ...e, username: `${e.username ?? ''}a`, workstation: e.workstation.slice(1) };
    expect(encodeEntry(1, e).equals(encodeEntry(1, shifted))).toBe(false);
    expect(encodeEntry(1, e).equals(encodeEntry(1, { ...e, caseId: null }))).toBe(false);
    expect(encodeEntry(1, e).equals(encodeEntry(2, e))).toBe(false);
  });

  it('stores mac_n = HMAC(key, mac_{n-1} || encode(n, entry_n))', () => {
    const { rows, auditKey } = trail();
    let prev = GENESIS_MAC;
    rows.forEach((r, i) => {
      expect(r.seq).toBe(i + 1);
      expect(r.mac).toBe(computeMac(auditKey, prev, r.seq, sampleEntry(i)).toString('hex'));
      prev = Buffer.from(r.mac, 'hex');
    });
  });

  it('an untouched trail verifies, and so does an empty one', () => {
    const { rows, auditKey } = trail();
    const last = rows[rows.length - 1];
    expect(verifyAuditChain(rows, auditKey)).toEqual({ ok: true, count: N, head: { seq: N, mac: last?.mac } });
    expect(verifyAuditChain([], auditKey)).toEqual({ ok: true, count: 0, head: null });
  });

  it('an entry without a detail has the MAC it had before details existed (older trails still verify); a detail is covered', () => {
    const key = Buffer.alloc(32, 7);
    const e = { at: '2026-03-02T13:00:00.000Z', userId: '6f1c2d3e-4b5a-4c6d-8e7f-0123456789ab', username: 'mlavoie', role: 'supervisor', action: 'user.disable', caseId: null, outcome: 'ok', workstation: 'CBSA-WS-0001' };
    // Computed with the chain as it was before `detail` (commit 4f165f3).
    const before = '50445646b489f3a8fc2a6b6a827e794bc0fa166f9d4007c6d79d63508042130c';
    expect(computeMac(key, GENESIS_MAC, 1, e).toString('hex')).toBe(before);
    expect(computeMac(key, GENESIS_MAC, 1, { ...e, detail: null }).toString('hex')).toBe(before);
    const target = computeMac(key, GENESIS_MAC, 1, { ...e, detail: 'target=0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d' });
    expect(target.toString('hex')).not.toBe(before);
    expect(target.equals(computeMac(key, GENESIS_MAC, 1, { ...e, detail: 'target=1a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d' }))).toBe(false);
  });

  it('an edited detail is caught at its row', () => {
    const { rows, auditKey } = trail();
    const i = rows.findIndex((r) => r.detail !== null);
    const edited = rows.map((r, j) => (j === i ? { ...r, detail: 'target=someone-else' } : r));
    expect(verifyAuditChain(edited, auditKey)).toMatchObject({ ok: false, index: i, kind: 'edited' });
  });

  it('fails at the first row under the wrong key', () => {
    const { rows } = trail();
    expect(verifyAuditChain(rows, randomBytes(32))).toEqual({ ok: false, index: 0, seq: 1, kind: 'edited' });
  });
});

type Tamper =
  | { kind: 'edit'; index: number; field: EditableField; pick: number }
  | { kind: 'delete'; index: number }
  | { kind: 'insert'; position: number; seqOf: number; forged: AuditRow }
  | { kind: 'swap'; i: number; j: number }
  | { kind: 'swapContents'; i: number; j: number };

const editable = ['at', 'userId', 'username', 'role', 'action', 'caseId', 'outcome', 'workstation', 'mac'] as const;
type EditableField = (typeof editable)[number];

/** A different value for `field` (the attacker has no key, so a MAC can only be guessed). */
function editedValue(row: AuditRow, field: EditableField, pick: number): string | null {
  const options: Record<EditableField, (string | null)[]> = {
    at: ['2026-01-01T00:00:00.000Z', '2027-06-30T23:59:59.999Z'],
    userId: ['00000000-0000-4000-8000-000000000000', null],
    username: ['mallory', null],
    role: ['supervisor', 'clerk', null],
    action: ['case.delete', 'auth.signIn'],
    caseId: ['11111111-1111-4111-8111-111111111111', null],
    outcome: ['ok', 'denied', 'error'],
    workstation: ['EVIL-PC', 'CBSA-WS-9999'],
    mac: ['0'.repeat(64), 'f'.repeat(64)],
  };
  const choices = options[field].filter((v) => v !== row[field]);
  return choices[pick % choices.length] ?? null;
}

function apply(rows: readonly AuditRow[], t: Tamper): AuditRow[] {
  const out = rows.map((r) => ({ ...r }));
  switch (t.kind) {
    case 'edit': {
      const r = out[t.index];
      if (!r) throw new Error('bad index');
      const v = editedValue(r, t.field, t.pick);
      if (t.field === 'at' || t.field === 'action' || t.field === 'outcome' || t.field === 'workstation' || t.field === 'mac') r[t.field] = v ?? 'x';
      else r[t.field] = v;
      return out;
    }
    case 'delete':
      out.splice(t.index, 1);
      return out;
    case 'insert':
      out.splice(t.position, 0, { ...t.forged, seq: rows[t.seqOf]?.seq ?? 1 });
      return out;
    case 'swap': {
      const a = out[t.i];
      const b = out[t.j];
      if (!a || !b) throw new Error('bad index');
      out[t.i] = b;
      out[t.j] = a;
      return out;
    }
    case 'swapContents': {
      // What an UPDATE on the table would do: seq stays (it is the row id), everything else moves.
      const a = out[t.i];
      const b = out[t.j];
      if (!a || !b) throw new Error('bad index');
      out[t.i] = { ...b, seq: a.seq };
      out[t.j] = { ...a, seq: b.seq };
      return out;
    }
  }
}

function expected(t: Tamper): { index: number; kind: TamperKind } {
  switch (t.kind) {
    case 'edit':
      return { index: t.index, kind: 'edited' };
    case 'delete':
      return { index: t.index, kind: 'deleted' };
    case 'insert':
      return { index: t.position, kind: 'inserted' };
    case 'swap':
    case 'swapContents':
      return { index: Math.min(t.i, t.j), kind: 'reordered' };
  }
}

const pair = fc
  .tuple(fc.integer({ min: 0, max: N - 1 }), fc.integer({ min: 0, max: N - 1 }))
  .filter(([i, j]) => i !== j)
  .map(([i, j]) => ({ i: Math.min(i, j), j: Math.max(i, j) }));

const forgedRow: fc.Arbitrary<AuditRow> = fc.record({
  seq: fc.constant(0),
  at: fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  userId: fc.option(fc.uuid({ version: 4 }), { nil: null }),
  username: fc.option(fc.constantFrom('mallory', 'mlavoie', 'dbouchard'), { nil: null }),
  role: fc.option(fc.constantFrom('supervisor', 'clerk'), { nil: null }),
  action: fc.constantFrom('case.create', 'case.decide', 'auth.signIn'),
  caseId: fc.option(fc.uuid({ version: 4 }), { nil: null }),
  outcome: fc.constantFrom('ok', 'denied', 'error'),
  workstation: fc.constantFrom('CBSA-WS-0001', 'EVIL-PC'),
  detail: fc.option(fc.constantFrom('target=0a1b', 'dropped=3'), { nil: null }),
  mac: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
});

const tamper: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), index: fc.integer({ min: 0, max: N - 1 }), field: fc.constantFrom(...editable), pick: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), index: fc.integer({ min: 0, max: N - 1 }) }),
  fc.record({ kind: fc.constant('insert' as const), position: fc.integer({ min: 0, max: N }), seqOf: fc.integer({ min: 0, max: N - 1 }), forged: forgedRow }),
  pair.map(({ i, j }) => ({ kind: 'swap' as const, i, j })),
  pair.map(({ i, j }) => ({ kind: 'swapContents' as const, i, j })),
);

describe('tampering is detected at the right index, with the right kind', () => {
  it('1,000 random tamperings (edit a field, delete, insert a forged row, swap rows or their contents)', () => {
    const { rows, auditKey } = trail();
    const last = rows[rows.length - 1];
    if (!last) throw new Error('empty trail');
    // The head as recorded outside the database before the tampering (catches a cut-off tail).
    const head = { seq: last.seq, mac: last.mac };
    const seen = new Set<string>();
    fc.assert(
      fc.property(tamper, (t) => {
        const result = verifyAuditChain(apply(rows, t), auditKey, { head });
        const want = expected(t);
        seen.add(t.kind);
        expect(result).toMatchObject({ ok: false, ...want });
      }),
      { numRuns: 1000, seed: 20260302 },
    );
    expect([...seen].sort()).toEqual(['delete', 'edit', 'insert', 'swap', 'swapContents']);
  });

  it('reports the first missing seq when a row is deleted', () => {
    const { rows, auditKey } = trail();
    expect(verifyAuditChain(apply(rows, { kind: 'delete', index: 6 }), auditKey)).toEqual({ ok: false, index: 6, seq: 7, kind: 'deleted' });
  });

  it('a cut-off tail passes without a head anchor and is caught with one', () => {
    const { rows, auditKey } = trail();
    const last = rows[rows.length - 1];
    if (!last) throw new Error('empty trail');
    const cut = rows.slice(0, -3);
    // Documented limit: the chain alone cannot see rows missing after the last one it has.
    expect(verifyAuditChain(cut, auditKey)).toMatchObject({ ok: true, count: N - 3 });
    expect(verifyAuditChain(cut, auditKey, { head: { seq: last.seq, mac: last.mac } })).toEqual({ ok: false, index: N - 3, seq: N - 2, kind: 'deleted' });
  });
});
