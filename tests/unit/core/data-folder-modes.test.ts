/**
 * Issue 12 point 10: the data folder is its owner's only. protectDataFolder tightens a folder an
 * older version or another tool left open (nested folders too), and the anchor file written after
 * every audited write is private even when the process umask is not.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_ANCHOR_FILE, writeAnchorFile } from '../../../electron/core/audit/anchor-file';
import { protectDataFolder } from '../../../electron/core/data-folder';

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);

describe('data folder modes', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('a new folder is created 0700; an open one, its files and its sub-folders become 0700 / 0600', () => {
    const parent = mkdtempSync(join(tmpdir(), 'avrr-modes-'));
    dirs.push(parent);
    const fresh = join(parent, 'new-data');
    protectDataFolder(fresh);
    expect(mode(fresh)).toBe('700');

    const open = join(parent, 'old-data');
    mkdirSync(join(open, 'exports'), { recursive: true, mode: 0o755 });
    for (const f of ['avrr.db', 'avrr.db-wal', 'keyslots.json', AUDIT_ANCHOR_FILE, join('exports', 'cases.csv')]) {
      writeFileSync(join(open, f), 'x');
      chmodSync(join(open, f), 0o644);
    }
    chmodSync(open, 0o755);
    protectDataFolder(open);
    expect([open, join(open, 'exports')].map(mode)).toEqual(['700', '700']);
    expect(['avrr.db', 'avrr.db-wal', 'keyslots.json', AUDIT_ANCHOR_FILE, join('exports', 'cases.csv')].map((f) => mode(join(open, f)))).toEqual(['600', '600', '600', '600', '600']);
  });

  it('the audit anchor is written 0600 whatever the umask', () => {
    const dir = mkdtempSync(join(tmpdir(), 'avrr-modes-'));
    dirs.push(dir);
    const before = process.umask(0o022);
    try {
      writeAnchorFile(join(dir, AUDIT_ANCHOR_FILE), { seq: 1, mac: 'ab'.repeat(32) });
    } finally {
      process.umask(before);
    }
    expect(mode(join(dir, AUDIT_ANCHOR_FILE))).toBe('600');
  });
});
