/**
 * Key-derivation benchmark: `npm run bench -- kdf` (issue 12 point 7).
 *
 * - guessing: what one core of this machine gets through against a copied data folder, with the
 *   parameters slots were made with before (the OWASP floor) and with today's: argon2id hashes
 *   run back to back on one thread (the attacker's inner loop; the AES-GCM check is negligible).
 * - signIn: KeySlotStore.unlock with today's parameters (argon2id + unwrap + slot-file
 *   bookkeeping under the lock), what a user waits for before the database opens. Target p95 <
 *   500 ms on the 2-core office PC. firstSignInAfterUpgrade: the one sign-in that also re-wraps
 *   an old slot (old argon2 + new argon2 + one more write).
 * The machine's load average is printed too: on a shared machine it explains slow figures.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_KDF_PARAMS, OWASP_MIN_KDF_PARAMS, deriveKek, newSalt } from '../../electron/core/auth/kdf';
import type { KdfParams } from '../../electron/core/auth/kdf';
import { KeySlotStore } from '../../electron/core/auth/key-slots';
import { devPlaintextSealer } from '../../electron/core/keys/sealer';
import { sample, summarize } from './stats';

const PASSWORD = 'benchmark passphrase for the sign-in path';
const TARGET_SIGN_IN_P95_MS = 500;

export default async function kdfBench(): Promise<object> {
  const dir = mkdtempSync(join(tmpdir(), 'avrr-bench-kdf-'));
  try {
    const loadBefore = loadavg()[0];
    const previous = await guessing(OWASP_MIN_KDF_PARAMS, 60);
    const current = await guessing(DEFAULT_KDF_PARAMS, 30);
    const signIn = await signInTimes(dir);
    return {
      cores: availableParallelism(),
      loadAverage1m: { before: round(loadBefore ?? NaN), after: round(loadavg()[0] ?? NaN) },
      guessing: {
        previous,
        current,
        costFactor: round(previous.guessesPerSecondPerCore / current.guessesPerSecondPerCore),
      },
      signIn: { ...signIn, targetP95Ms: TARGET_SIGN_IN_P95_MS, meetsTarget: signIn.unlockMs.p95 < TARGET_SIGN_IN_P95_MS },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Back-to-back derivations on one thread: guesses per second per core, and each one's time. */
async function guessing(params: KdfParams, n: number) {
  const salt = newSalt();
  const t0 = performance.now();
  const each = await sample(n, (i) => deriveKek(`${PASSWORD} ${i}`, salt, params));
  const seconds = (performance.now() - t0) / 1000;
  // sample() runs 3 untimed warm-ups first: count only the timed hashes.
  const timedSeconds = each.reduce((a, b) => a + b, 0) / 1000;
  return {
    params: { memoryMiB: params.memoryKiB / 1024, iterations: params.iterations, parallelism: params.parallelism },
    guessesPerSecondPerCore: round(n / timedSeconds),
    hashMs: summarize(each),
    wallSeconds: round(seconds),
  };
}

async function signInTimes(dir: string) {
  const dbKey = randomBytes(32);
  const file = join(dir, 'keyslots.json');
  const store = KeySlotStore.open(file, devPlaintextSealer);
  await store.createSlot(randomUUID(), 'officer1', PASSWORD, dbKey);
  const unlock = await sample(40, async () => {
    const r = await store.unlock('officer1', PASSWORD);
    if (!r.ok) throw new Error('bench sign-in failed');
  });

  // One old slot per sample, made by a store still on the old parameters (a data folder from
  // before the upgrade), then opened by today's store.
  const legacy = KeySlotStore.open(file, devPlaintextSealer, { kdfParams: OWASP_MIN_KDF_PARAMS });
  const names: string[] = [];
  for (let i = 0; i < 8; i++) {
    const name = `legacy${i}`;
    await legacy.createSlot(randomUUID(), name, PASSWORD, dbKey);
    names.push(name);
  }
  const upgrade = await sample(
    5,
    async (i) => {
      const r = await store.unlock(names[i + 3] ?? '', PASSWORD);
      if (!r.ok) throw new Error('bench upgrade sign-in failed');
    },
    3,
  );
  return { kdf: DEFAULT_KDF_PARAMS, unlockMs: summarize(unlock), firstSignInAfterUpgradeMs: summarize(upgrade) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
