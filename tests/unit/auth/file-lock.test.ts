import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UNWRITTEN_STALE_MS, withFileLock } from '../../../electron/core/auth/file-lock';

/**
 * The key-slot file's lock between processes (electron/core/auth/file-lock.ts): a lock left by a
 * process killed inside its section must not keep everyone from signing in. Found by the
 * rotation crash test: a child killed between creating the lock file and writing its pid left an
 * empty file, and every sign-in after it failed for 30 s.
 */
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function lockFileAged(content: string, ageMs: number): string {
  dir = mkdtempSync(join(tmpdir(), 'avrr-file-lock-'));
  const file = join(dir, 'keyslots.json.lock');
  writeFileSync(file, content);
  const then = (Date.now() - ageMs) / 1000;
  utimesSync(file, then, then);
  return file;
}

describe('the key-slot file lock', () => {
  it('takes over a lock left empty by a process killed before it wrote its pid', () => {
    const file = lockFileAged('', UNWRITTEN_STALE_MS + 1_000);
    expect(withFileLock(file, () => 'signed in')).toBe('signed in');
    expect(existsSync(file)).toBe(false);
  });

  it('takes over a lock whose holder on this host has exited', () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const file = lockFileAged(`${gone} ${hostname()} ${Date.now()}`, 0);
    expect(withFileLock(file, () => 'signed in')).toBe('signed in');
  });
});
