import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { KdfParams } from '../../../electron/core/auth/kdf';
import { KeySlotStore } from '../../../electron/core/auth/key-slots';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';

/**
 * Cheap argon2id parameters for tests of the store's LOGIC (throttling, events, file handling).
 * Tests about the cryptography itself use DEFAULT_KDF_PARAMS.
 */
export const TEST_KDF: KdfParams = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'avrr-auth-'));
  dirs.push(d);
  return d;
}

export interface Fixture {
  dir: string;
  file: string;
  store: KeySlotStore;
  dbKey: Buffer;
  userId: string;
  username: string;
  password: string;
}

/** A store in a fresh directory with one account ("mlavoie"). */
export async function withOneSlot(kdfParams: KdfParams = TEST_KDF): Promise<Fixture> {
  const dir = tempDir();
  const file = join(dir, 'keyslots.json');
  const store = KeySlotStore.open(file, devPlaintextSealer, { kdfParams });
  const dbKey = randomBytes(32);
  const userId = randomUUID();
  const username = 'mlavoie';
  const password = 'blue heron over the Ottawa river';
  await store.createSlot(userId, username, password, dbKey);
  return { dir, file, store, dbKey, userId, username, password };
}
