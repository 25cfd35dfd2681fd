/**
 * Pending autosaves, flushed before the workstation locks so the draft in the database is what
 * the officer last typed (the lock makes every later call fail until someone signs in again).
 */
const flushers = new Set<() => Promise<void>>();

export function registerFlush(fn: () => Promise<void>): () => void {
  flushers.add(fn);
  return () => flushers.delete(fn);
}

/** Run every pending save, but never hold the lock back for more than `timeoutMs`. */
export async function flushAll(timeoutMs = 2_000): Promise<void> {
  const all = Promise.allSettled([...flushers].map((fn) => fn()));
  await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs))]);
}
