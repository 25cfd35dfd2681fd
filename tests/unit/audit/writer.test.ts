import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuditEntryError } from '../../../electron/core/audit/entry';
import { readAllAuditRows } from '../../../electron/core/audit/read';
import { verifyAuditChain } from '../../../electron/core/audit/verify';
import { AuditOutsideTransactionError, appendAudit } from '../../../electron/core/audit/writer';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import { appendMany, freshDb, sampleEntry } from './helpers';

const count = (f: ReturnType<typeof freshDb>) => (f.open.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

describe('appendAudit', () => {
  it('numbers entries 1, 2, 3… and the result verifies', () => {
    const f = freshDb();
    const tx = f.open.sqlite.transaction(() => appendAudit(f.open.sqlite, f.auditKey, sampleEntry(0)));
    expect(tx()).toMatchObject({ seq: 1 });
    expect(tx()).toMatchObject({ seq: 2 });
    expect(verifyAuditChain(readAllAuditRows(f.open.sqlite), f.auditKey)).toMatchObject({ ok: true, count: 2 });
  });

  it('is refused outside a transaction: the entry must commit or roll back with its change', () => {
    const f = freshDb();
    expect(() => appendAudit(f.open.sqlite, f.auditKey, sampleEntry(0))).toThrow(AuditOutsideTransactionError);
    expect(count(f)).toBe(0);
  });

  it('leaves no row when the surrounding transaction rolls back, and the chain goes on intact', () => {
    const f = freshDb();
    appendMany(f, 3);
    const failing = f.open.sqlite.transaction(() => {
      appendAudit(f.open.sqlite, f.auditKey, sampleEntry(3));
      f.open.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('x', '1');
      throw new Error('the change failed');
    });
    expect(() => failing()).toThrow('the change failed');
    expect(count(f)).toBe(3);
    expect(f.open.sqlite.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
    appendMany(f, 2, 3);
    const rows = readAllAuditRows(f.open.sqlite);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(verifyAuditChain(rows, f.auditKey)).toMatchObject({ ok: true, count: 5 });
  });

  it('stays correct when another connection appended in between', () => {
    const f = freshDb();
    const other = openEncryptedDatabase(f.file, f.dbKey);
    try {
      for (let i = 0; i < 6; i++) {
        const conn = i % 2 === 0 ? f.open.sqlite : other.sqlite;
        conn.transaction(() => appendAudit(conn, f.auditKey, sampleEntry(i))).immediate();
      }
    } finally {
      other.close();
    }
    expect(verifyAuditChain(readAllAuditRows(f.open.sqlite), f.auditKey)).toMatchObject({ ok: true, count: 6 });
  });

  it('refuses anything outside the whitelist (personal data, free text), writing nothing', () => {
    const f = freshDb();
    const tx = f.open.sqlite.transaction((e: unknown) => appendAudit(f.open.sqlite, f.auditKey, e));
    const base = sampleEntry(0);
    const bad: unknown[] = [
      { ...base, note: 'client said he fears persecution' },
      { ...base, action: 'case.create Ahmed Khan DOB 1984-02-11' },
      { ...base, action: 'CASE.create' },
      { ...base, action: 'case' },
      { ...base, caseId: 'AVRR-2026-000123' },
      { ...base, userId: 'mlavoie' },
      { ...base, username: 'Ahmed Khan' },
      { ...base, role: 'admin' },
      { ...base, outcome: 'maybe' },
      { ...base, workstation: 'Desk near the window, 2nd floor' },
      { ...base, at: '2026-03-02' },
      { ...base, at: '2026-03-02T13:00:00+01:00' },
    ];
    for (const e of bad) expect(() => tx(e), JSON.stringify(e)).toThrow(AuditEntryError);
    expect(count(f)).toBe(0);
    // The null forms used before sign-in are fine.
    expect(() => tx({ ...base, userId: null, username: null, role: null, caseId: null, action: 'auth.signInFailed', outcome: 'denied' })).not.toThrow();
  });

  it('the table itself refuses UPDATE and DELETE; edits made around the triggers are caught by verify', () => {
    const f = freshDb();
    appendMany(f, 10);
    const db = f.open.sqlite;
    expect(() => db.prepare("UPDATE audit_log SET outcome = 'ok' WHERE seq = 3").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);

    // Nor can a row go in before the end, plainly or as INSERT OR REPLACE (which deletes without the delete trigger).
    const row = db.prepare<[], { mac: string }>('SELECT mac FROM audit_log WHERE seq = 3').get();
    const insert = (verb: string, seq: number) =>
      db.prepare(`${verb} INTO audit_log (seq, at, action, outcome, workstation, mac) VALUES (?, '2026-03-02T13:00:00.000Z', 'auth.signIn', 'ok', 'WS', ?)`).run(seq, row?.mac ?? '');
    expect(() => insert('INSERT OR REPLACE', 3)).toThrow(/append-only/);
    expect(() => insert('INSERT', 0)).toThrow(/append-only/);
    expect(count(f)).toBe(10);

    // Someone with the database key drops the triggers and rewrites history.
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.prepare("UPDATE audit_log SET outcome = 'ok', username = 'dbouchard' WHERE seq = 4").run();
    expect(verifyAuditChain(readAllAuditRows(db), f.auditKey)).toEqual({ ok: false, index: 3, seq: 4, kind: 'edited' });
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAuditChain(readAllAuditRows(db), f.auditKey)).toEqual({ ok: false, index: 1, seq: 2, kind: 'deleted' });
  });

  it('swapping the contents of two stored rows reads as reordered', () => {
    const f = freshDb();
    appendMany(f, 8);
    const db = f.open.sqlite;
    db.exec('DROP TRIGGER audit_log_no_update;');
    const cols = 'at, user_id, username, role, action, case_id, outcome, workstation, detail, mac';
    const get = db.prepare(`SELECT ${cols} FROM audit_log WHERE seq = ?`);
    const a = get.get(3) as Record<string, unknown>;
    const b = get.get(6) as Record<string, unknown>;
    const set = db.prepare(
      'UPDATE audit_log SET at = @at, user_id = @user_id, username = @username, role = @role, action = @action, case_id = @case_id, outcome = @outcome, workstation = @workstation, detail = @detail, mac = @mac WHERE seq = @seq',
    );
    db.transaction(() => {
      set.run({ ...b, seq: 3 });
      set.run({ ...a, seq: 6 });
    })();
    expect(verifyAuditChain(readAllAuditRows(db), f.auditKey)).toEqual({ ok: false, index: 2, seq: 3, kind: 'reordered' });
  });

  it('accepts the sign-in events the key-slot store queues', () => {
    const f = freshDb();
    const tx = f.open.sqlite.transaction(() =>
      appendAudit(f.open.sqlite, f.auditKey, {
        at: new Date().toISOString(),
        userId: randomUUID(),
        username: 'கமலா',
        role: 'clerk',
        action: 'auth.accountLocked',
        caseId: null,
        outcome: 'denied',
        workstation: 'CBSA-WS-0001',
      }),
    );
    expect(tx()).toMatchObject({ seq: 1 });
  });
});
