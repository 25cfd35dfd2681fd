import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childArgs } from '../child-bundle';
import { makeCore, withAccounts } from '../core/helpers';

const ROUNDS = 20;
const repoRoot = join(__dirname, '..', '..', '..');

/** Start the child, wait for "ready", let it rotate for `ms`, then SIGKILL it. */
async function rotateThenKill(dataDir: string, account: { username: string; password: string }, ms: number): Promise<void> {
  const child = spawn(process.execPath, [...(await childArgs('tests/unit/keys/rotation-crash-child.ts')), dataDir, account.username, account.password], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended ${code}: ${err}`))));
  });
}

describe('a crash in the middle of a rotation', () => {
  it(`(SIGKILL at random points, ${ROUNDS} rounds) leaves the old key or the new one working, never neither`, async () => {
    const t = makeCore();
    try {
      const accounts = await withAccounts(t);
      await t.ok('auth.signOut', {});
      t.core.close();
      for (let round = 0; round < ROUNDS; round++) {
        // Somewhere within the first few rotations: copy, re-key, slot file, rename, finish.
        await rotateThenKill(t.dataDir, accounts.supervisor, Math.floor(Math.random() * 400));
        const again = makeCoreOn(t.dataDir);
        try {
          for (const a of Object.values(accounts)) await again.ok('auth.signIn', a);
          await again.ok('auth.signIn', accounts.supervisor);
          expect(await again.ok('audit.verify', {}), `round ${round}`).toMatchObject({ ok: true });
          const stray = readdirSync(t.dataDir).filter((f) => f.includes('.rotating'));
          expect(stray, `round ${round}: ${stray.join(',')}`).toEqual([]);
          await again.ok('auth.signOut', {});
        } finally {
          again.core.close();
        }
      }
    } finally {
      t.dispose();
    }
  }, 240_000);
});

function makeCoreOn(dataDir: string) {
  return makeCore({}, dataDir);
}
