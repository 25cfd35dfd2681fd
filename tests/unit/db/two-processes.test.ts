import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';
import { repoRoot } from './helpers';
import { mixedCalls } from './two-process-load';

const CALLS = 150;

/** Run the child's share of the load; resolves with its failures by error code. */
function secondProcess(dataDir: string, username: string, password: string): Promise<Record<string, number>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/db/two-process-child.ts', dataDir, username, password, String(CALLS)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`child exited ${code}: ${err}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>);
    });
  });
}

describe('two processes on one data folder (the app and a tool, later the office server)', () => {
  let t: TestCore;
  let accounts: Awaited<ReturnType<typeof withAccounts>>;
  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
    await t.ok('auth.signIn', accounts.interview_officer);
  });
  afterAll(() => t.dispose());

  it('serve a mix of reads and writes side by side without "database is locked" (writes begin immediate)', async () => {
    const [here, there] = await Promise.all([mixedCalls(t.call, CALLS), secondProcess(t.dataDir, accounts.front_counter.username, accounts.front_counter.password)]);
    expect({ here, there }).toEqual({ here: {}, there: {} });
  }, 120_000);
});
