import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writing a small file so that a crash leaves the old content or the new, never a torn one: a
 * temp file in the same folder (so the rename stays on one file system), fsync, rename, fsync
 * the folder so the rename itself is durable. Owner-only (0600). The key-slot file, the audit
 * anchor, the office authority's files and a workstation's credentials are all written this way.
 */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncPath(dir);
}

/**
 * fsync a file or a folder (after a rename in it). Windows cannot open a folder for fsync: there
 * the rename is as durable as it gets, and the call does nothing.
 */
export function fsyncPath(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // A folder handle on Windows: see above.
  } finally {
    closeSync(fd);
  }
}
