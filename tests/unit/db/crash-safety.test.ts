import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import { createRng } from '../../../electron/core/demo/prng';
import { makeDataDir, randomKey, removeDataDir, repoRoot } from './helpers';

const ROUNDS = 20;

interface SavingChild {
  /** Let the child open the database and save; resolve with every id it reported once it was killed `delayMs` after it began. */
  run(delayMs: number): Promise<{ ids: string[]; stderr: string }>;
  /** Kill a child that was never run. */
  discard(): void;
}

/** Spawn a child that loads its modules and then waits for `run` (so the next one loads while this one works). */
function spawnSavingChild(dbFile: string, keyHex: string): SavingChild {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/db/crash-child.ts', dbFile, keyHex], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  let onReady: (() => void) | undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    // Committing: 'ready' and at least one whole id line after it (the first save pays one-time
    // costs that, on a loaded machine, can outlast a short delay counted from 'ready').
    if (onReady && /ready\n[^\n]+\n/.test(out)) {
      onReady();
      onReady = undefined;
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  return {
    async run(delayMs) {
      // The random delay starts once the child has the database open and has committed once.
      onReady = () => setTimeout(() => child.kill('SIGKILL'), delayMs);
      child.stdin.write('go\n');
      await closed;
      // Only whole lines count: a line cut by the kill was never fully reported.
      const lines = out.split('\n').slice(0, -1);
      return { ids: lines.filter((l) => l !== 'loaded' && l !== 'ready'), stderr };
    },
    discard() {
      child.kill('SIGKILL');
    },
  };
}

describe('crash safety', () => {
  const dir = makeDataDir('crash');
  afterAll(() => removeDataDir(dir));

  it('keeps every committed case, and an intact database, through repeated SIGKILLs mid-write', async () => {
    const dbFile = join(dir, 'avrr.db');
    const key = randomKey();
    const seed = Date.now() >>> 0;
    const rng = createRng(seed);
    const reported: string[] = [];
    const spawnNext = () => spawnSavingChild(dbFile, key.toString('hex'));
    const waiting = [spawnNext(), spawnNext()];
    for (let round = 0; round < ROUNDS; round++) {
      const child = waiting.shift() ?? spawnNext();
      if (round + waiting.length < ROUNDS - 1) waiting.push(spawnNext());
      const { ids, stderr } = await child.run(rng.int(20, 60));
      expect(stderr, `child failed (seed ${seed}, round ${round})`).toBe('');
      reported.push(...ids);

      const open = openEncryptedDatabase(dbFile, key);
      try {
        expect(open.sqlite.pragma('integrity_check', { simple: true }), `seed ${seed}, round ${round}`).toBe('ok');
        const present = new Set(open.sqlite.prepare('SELECT id FROM cases').pluck().all());
        const missing = reported.filter((id) => !present.has(id));
        expect(missing, `committed cases lost (seed ${seed}, round ${round})`).toEqual([]);
        // A case is never half-saved: each one has its principal.
        const orphans = open.sqlite.prepare('SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.case_id = c.id)').pluck().get();
        expect(orphans).toBe(0);
      } finally {
        open.close();
      }
    }
    waiting.forEach((c) => c.discard());
    // The kills did land mid-run: some rounds reported commits.
    expect(reported.length).toBeGreaterThan(ROUNDS);
  });
});
