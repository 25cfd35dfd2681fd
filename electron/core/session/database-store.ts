import type { AuditRecord } from '../dispatch';
import type { OpenDatabase, Sqlite } from '../db/open';
import { derivedKeysOf } from '../keys/derived-keys';
import type { DerivedKeys } from '../keys/derived-keys';
import { ChangeLog } from '../live/change-log';

/**
 * The open database and its key, held by the sessions that use it. On a workstation one session
 * holds it (the key lives from a sign-in to the sign-out, as before); on the office server every
 * workstation's session holds the same one: one connection, one key in memory, opened by the
 * first sign-in and closed when the last session that holds it ends. A rotation of the key
 * replaces the connection for all of them at once. The store also keeps the log of recent
 * writes (live/change-log.ts), so every workstation's session sees the others' changes.
 */
export class DatabaseStore {
  readonly changes = new ChangeLog();
  open: OpenDatabase | null = null;
  dbKey: Buffer | null = null;
  derived: DerivedKeys | null = null;
  writeAudit: ((sqlite: Sqlite, record: AuditRecord) => void) | null = null;
  private readonly holders = new Set<object>();

  constructor(private readonly auditWriterFor: (auditKey: Buffer) => (sqlite: Sqlite, record: AuditRecord) => void) {}

  isHeldBy(holder: object): boolean {
    return this.holders.has(holder);
  }

  /** The database just opened (or reopened under a new key): every holder uses it from now on. */
  set(open: OpenDatabase, dbKey: Buffer): void {
    this.dbKey?.fill(0);
    this.open = open;
    this.dbKey = Buffer.from(dbKey);
    this.derived = derivedKeysOf(open.db, this.dbKey);
    this.writeAudit = this.auditWriterFor(this.derived.audit);
  }

  hold(holder: object): void {
    this.holders.add(holder);
  }

  /** Let go of it; true when no one holds it any more (the caller then anchors and closes). */
  release(holder: object): boolean {
    this.holders.delete(holder);
    return this.holders.size === 0;
  }

  close(): void {
    this.open?.close();
    this.open = null;
    this.dbKey?.fill(0);
    this.dbKey = null;
    this.derived?.audit.fill(0);
    this.derived?.certificate.fill(0);
    this.derived = null;
    this.writeAudit = null;
  }
}
