import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { deriveAuditKey } from '../../../electron/core/audit/chain';
import type { AuditEntry } from '../../../electron/core/audit/entry';
import { appendAudit } from '../../../electron/core/audit/writer';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import type { OpenDatabase } from '../../../electron/core/db/open';
import { roles } from '../../../shared/roles';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

export interface AuditFixture {
  dir: string;
  file: string;
  dbKey: Buffer;
  auditKey: Buffer;
  open: OpenDatabase;
}

export function freshDb(): AuditFixture {
  const dir = mkdtempSync(join(tmpdir(), 'avrr-audit-'));
  const file = join(dir, 'avrr.db');
  const dbKey = randomBytes(32);
  const open = openEncryptedDatabase(file, dbKey);
  cleanups.push(() => {
    if (open.sqlite.open) open.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, file, dbKey, auditKey: deriveAuditKey(dbKey), open };
}

const users = [
  { userId: randomUUID(), username: 'mlavoie' },
  { userId: randomUUID(), username: 'dbouchard' },
  { userId: randomUUID(), username: 'éloïse.gagnon' },
];
const actions = ['case.create', 'case.edit', 'case.read', 'document.print', 'user.resetPassword', 'auth.signIn'];
const cases = [randomUUID(), randomUUID(), null];

/** A plausible entry n, deterministic in n. */
export function sampleEntry(n: number, start = Date.parse('2026-03-02T13:00:00.000Z')): AuditEntry {
  const u = users[n % users.length] ?? users[0];
  if (!u) throw new Error('no users');
  return {
    at: new Date(start + n * 61_000).toISOString(),
    userId: u.userId,
    username: u.username,
    role: roles[n % roles.length] ?? null,
    action: actions[n % actions.length] ?? 'case.read',
    caseId: cases[n % cases.length] ?? null,
    outcome: n % 7 === 0 ? 'denied' : 'ok',
    workstation: `CBSA-WS-${String(n % 3).padStart(4, '0')}`,
    detail: n % 5 === 0 ? `target=${u.userId}` : null,
  };
}

/** Append `count` entries, one transaction each (as the handler map does). */
export function appendMany(f: AuditFixture, count: number, from = 0): void {
  const tx = f.open.sqlite.transaction((e: AuditEntry) => appendAudit(f.open.sqlite, f.auditKey, e));
  for (let i = from; i < from + count; i++) tx(sampleEntry(i));
}
