import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextAnchor } from '../../../electron/core/audit/anchor-advance';
import { AuditAnchorFileError, readAnchorFile, writeAnchorFile } from '../../../electron/core/audit/anchor-file';
import { readAuditHead } from '../../../electron/core/audit/head';
import { appendMany, freshDb } from './helpers';

describe('the outside anchor', () => {
  it('is written whole (no temp file left) and read back; a hand-edited file is refused', () => {
    const f = freshDb();
    const file = join(f.dir, 'audit-anchor.json');
    expect(readAnchorFile(file)).toBeNull();
    writeAnchorFile(file, { seq: 3, mac: 'ab'.repeat(32) });
    writeAnchorFile(file, { seq: 4, mac: 'cd'.repeat(32) });
    expect(readAnchorFile(file)).toEqual({ seq: 4, mac: 'cd'.repeat(32) });
    expect(readdirSync(f.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    writeFileSync(file, '{"seq": 1}');
    expect(() => readAnchorFile(file)).toThrow(AuditAnchorFileError);
  });

  it('moves forward along the same chain only: not over a trail that lost the anchored entry', () => {
    const f = freshDb();
    appendMany(f, 5);
    const five = readAuditHead(f.open.sqlite) ?? null;
    expect(nextAnchor(f.open.sqlite, null)).toEqual(five);
    expect(nextAnchor(f.open.sqlite, five)).toBeNull(); // already there
    appendMany(f, 2, 5);
    expect(nextAnchor(f.open.sqlite, five)).toEqual(readAuditHead(f.open.sqlite));

    // Cut entries 4..7, write three new ones: seq 5 exists again, with another MAC.
    f.open.sqlite.exec('DROP TRIGGER audit_log_no_delete');
    f.open.sqlite.prepare('DELETE FROM audit_log WHERE seq >= 4').run();
    appendMany(f, 3, 20);
    expect(readAuditHead(f.open.sqlite)?.seq).toBe(6);
    expect(nextAnchor(f.open.sqlite, five)).toBeNull();
  });
});
