import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../db/helpers';
import { withOneSlot } from './helpers';
import { churn } from './key-slots-churn';

/** Accounts each process creates; it then disables half of them: 1,000 slot-file writes in all. */
const PER_PROCESS = 334;

interface Churned {
  kept: string[];
  removed: string[];
}

function childChurn(file: string, dbKey: Buffer): Promise<Churned> {
  const args = ['--import', 'tsx', 'tests/unit/auth/key-slots-child.ts', file, dbKey.toString('hex'), 'child', String(PER_PROCESS)];
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`child exited ${code}: ${err}`));
      const parsed: unknown = JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
      if (typeof parsed !== 'object' || parsed === null || !('kept' in parsed) || !('removed' in parsed)) return reject(new Error(`child printed ${out}`));
      const { kept, removed } = parsed;
      if (!Array.isArray(kept) || !Array.isArray(removed)) return reject(new Error(`child printed ${out}`));
      resolve({ kept: kept.map(String), removed: removed.map(String) });
    });
  });
}

describe('the key-slot file with two processes writing it (the app and a tool on one data folder)', () => {
  it('loses no new account and revives no disabled one over 1,000 writes side by side', async () => {
    const f = await withOneSlot();
    const [here, there] = await Promise.all([churn(f.store, f.dbKey, 'app', PER_PROCESS), childChurn(f.file, f.dbKey)]);
    const present = new Set(f.store.listSlots().map((s) => s.userId));
    const lost = [...here.kept, ...there.kept, f.userId].filter((id) => !present.has(id));
    const revived = [...here.removed, ...there.removed].filter((id) => present.has(id));
    expect({ lost: lost.length, revived: revived.length, slots: present.size }).toEqual({ lost: 0, revived: 0, slots: 1 + here.kept.length + there.kept.length });
    expect(existsSync(`${f.file}.lock`)).toBe(false);
  }, 180_000);
});
