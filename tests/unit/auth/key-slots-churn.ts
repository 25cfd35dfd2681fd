import { randomUUID } from 'node:crypto';
import type { KdfParams } from '../../../electron/core/auth/kdf';
import type { KeySlotStore } from '../../../electron/core/auth/key-slots';

/** Cheap argon2id for the child (helpers.ts's TEST_KDF needs vitest, which the child does not run). */
export const CHURN_KDF: KdfParams = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 };

/**
 * One process's share of the two-process key-slot test (key-slots-two-processes.test.ts and its
 * child): create `count` accounts named `<prefix>-<n>`, then disable every other one. Returns the
 * user ids it expects to remain and those it removed.
 */
export async function churn(store: KeySlotStore, dbKey: Buffer, prefix: string, count: number): Promise<{ kept: string[]; removed: string[] }> {
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const id = randomUUID();
    await store.createSlot(id, `${prefix}-${n}`, `lantern harbour ${prefix} ${n} maple`, dbKey);
    ids.push(id);
  }
  const removed = ids.filter((_, i) => i % 2 === 1);
  for (const id of removed) store.removeSlot(id);
  return { kept: ids.filter((_, i) => i % 2 === 0), removed };
}
