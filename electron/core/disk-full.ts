/**
 * True when a write failed because the disk (or the database's size limit) is full: SQLite's
 * SQLITE_FULL (better-sqlite3 sets `code`, extended codes start with it) or the OS's ENOSPC.
 * The office then needs to free space, which "something went wrong" would not tell them.
 */
export function isDiskFull(e: unknown): boolean {
  if (typeof e !== 'object' || e === null || !('code' in e)) return false;
  const code = (e as { code: unknown }).code;
  return typeof code === 'string' && (code === 'ENOSPC' || code === 'SQLITE_FULL' || code.startsWith('SQLITE_FULL_'));
}
