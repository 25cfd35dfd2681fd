import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/open';
import { GENESIS_MAC, computeMac } from './chain';
import { parseAuditEntry } from './entry';

/** appendAudit was called outside a transaction: the entry must commit (or roll back) with the change it records. */
export class AuditOutsideTransactionError extends Error {
  constructor() {
    super('appendAudit must run inside the transaction of the change it records');
    this.name = 'AuditOutsideTransactionError';
  }
}

interface Statements {
  last: Statement<[], { seq: number; mac: string }>;
  insert: Statement<[number, string, string | null, string | null, string | null, string, string | null, string, string, string | null, string]>;
}

// Prepared once per connection. The last (seq, mac) is deliberately NOT cached: a cached value
// goes stale when the caller's transaction rolls back or another connection appends, and the
// read it would save is a single b-tree descent on the rowid (microseconds).
const statements = new WeakMap<Sqlite, Statements>();

function prepared(sqlite: Sqlite): Statements {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      last: sqlite.prepare<[], { seq: number; mac: string }>('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insert: sqlite.prepare(
        'INSERT INTO audit_log (seq, at, user_id, username, role, action, case_id, outcome, workstation, detail, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
    };
    statements.set(sqlite, s);
  }
  return s;
}

/**
 * Append one entry to the chained trail, inside the caller's transaction (refused otherwise).
 * The entry is checked against the whitelist first (AuditEntryError, nothing written).
 *
 * Concurrency: the previous MAC is read inside the same transaction, and `seq` is the primary
 * key, so two connections can never both append seq n+1: the second gets SQLITE_BUSY or a
 * constraint error and its transaction fails rather than forking the chain. Use immediate
 * transactions (`sqlite.transaction(fn).immediate()`) when several connections write.
 */
export function appendAudit(sqlite: Sqlite, auditKey: Buffer, entry: unknown): { seq: number; mac: string } {
  if (!sqlite.inTransaction) throw new AuditOutsideTransactionError();
  const e = parseAuditEntry(entry);
  const s = prepared(sqlite);
  const last = s.last.get();
  const seq = last ? last.seq + 1 : 1;
  const prev = last ? Buffer.from(last.mac, 'hex') : GENESIS_MAC;
  const mac = computeMac(auditKey, prev, seq, e).toString('hex');
  s.insert.run(seq, e.at, e.userId, e.username, e.role, e.action, e.caseId, e.outcome, e.workstation, e.detail, mac);
  return { seq, mac };
}
