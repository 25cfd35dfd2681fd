import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * An exclusive lock between processes on one data folder, for the key-slot file's
 * read-modify-write (the app, `audit:verify`, `report`, backup tools). The lock is a file created
 * with O_EXCL holding "pid host time"; the section it guards is short and synchronous (read,
 * change, write and fsync one small file), so waiting is a short sleep and a retry.
 *
 * A lock left by a process that died (kill -9 inside the section) is taken over when its pid is
 * gone from this host, when it is still empty a second after it was made (killed between creating
 * and writing it), or when it is older than STALE_MS whatever its holder (another host on a
 * shared folder, a recycled pid). Taking over renames the stale file away first, so of two
 * processes that both found it stale only one removes it.
 *
 * Hand-written (no library): proper-lockfile's sync API refuses retries and keeps a timer alive
 * to refresh the lock; here the section never spans an await.
 */
export const STALE_MS = 30_000;
/**
 * The holder writes "pid host time" right after creating the file. A file still empty (or not
 * in that form) after this long was left by a process killed between the two: nothing to wait for.
 */
export const UNWRITTEN_STALE_MS = 1_000;
const WAIT_MS = 5_000;
const RETRY_MS = 3;

export class FileLockTimeoutError extends Error {
  constructor(readonly lockFile: string) {
    super(`Another process has held ${lockFile} for too long`);
    this.name = 'FileLockTimeoutError';
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function holderGone(content: string, ageMs: number): boolean {
  if (ageMs > STALE_MS) return true;
  const [pid, host] = content.split(' ');
  if (pid === undefined || !/^\d+$/.test(pid) || host === undefined) return ageMs > UNWRITTEN_STALE_MS;
  if (host !== hostname()) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return e instanceof Error && 'code' in e && e.code === 'ESRCH';
  }
}

function tryTake(lockFile: string): boolean {
  try {
    const fd = openSync(lockFile, 'wx', 0o600);
    try {
      writeSync(fd, `${process.pid} ${hostname()} ${Date.now()}`);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'EEXIST') return false;
    throw e;
  }
}

/** Remove the lock file if its holder is gone; true if this process removed it. */
function breakIfStale(lockFile: string): boolean {
  let content: string;
  let ageMs: number;
  try {
    content = readFileSync(lockFile, 'utf8');
    ageMs = Date.now() - statSync(lockFile).mtimeMs;
  } catch {
    return false; // released meanwhile
  }
  if (!holderGone(content, ageMs)) return false;
  const aside = `${lockFile}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(lockFile, aside);
  } catch {
    return false; // another process took it over first
  }
  // If what was renamed is not what was judged stale, a live holder took the lock in between: give it back.
  if (readFileSync(aside, 'utf8') !== content) {
    renameSync(aside, lockFile);
    return false;
  }
  rmSync(aside, { force: true });
  return true;
}

/** Run `fn` (synchronous) holding the lock; always released, even when `fn` throws. */
export function withFileLock<T>(lockFile: string, fn: () => T): T {
  const deadline = Date.now() + WAIT_MS;
  while (!tryTake(lockFile)) {
    if (breakIfStale(lockFile)) continue;
    if (Date.now() > deadline) throw new FileLockTimeoutError(lockFile);
    sleep(RETRY_MS);
  }
  try {
    return fn();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
