import { OWASP_MIN_KDF_PARAMS } from '../../../electron/core/auth/kdf';
import { randomUUID } from 'node:crypto';
import { blankIntake } from '../../../shared/schema/intake';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore } from '../../../electron/core/app-core';
import type { AppCore, AppCoreOptions } from '../../../electron/core/app-core';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import type { IpcResult } from '../../../shared/ipc/errors';
import type { Role } from '../../../shared/roles';

export interface TestCore {
  core: AppCore;
  dataDir: string;
  clock: { now: Date; advanceMinutes(m: number): void };
  call(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  ok<T = unknown>(channel: string, input: unknown): Promise<T>;
  dispose(): void;
}

export const SUPERVISOR = { username: 'sup.ervisor', displayName: 'Sam Supervisor', password: 'a long enough passphrase 42' };
export const SUPERVISOR_LOGIN = { username: SUPERVISOR.username, password: SUPERVISOR.password };

/** A real core (real key slots, real encrypted database) in a temp folder, with a clock the test moves. */
export function makeCore(options: Pick<AppCoreOptions, 'keySlots' | 'printer'> = {}, existingDataDir?: string): TestCore {
  const dataDir = existingDataDir ?? mkdtempSync(join(tmpdir(), 'avrr-core-'));
  const clock = {
    now: new Date('2026-11-21T14:00:00Z'),
    advanceMinutes(m: number) {
      this.now = new Date(this.now.getTime() + m * 60_000);
    },
  };
  // The KDF floor the packaged app still accepts (OWASP's minimum), not the production default: the
  // suite signs in hundreds of times, and a test of the stronger parameters passes them itself.
  const keySlots = { kdfParams: OWASP_MIN_KDF_PARAMS, ...options.keySlots };
  const core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'test-ws', now: () => clock.now, ...options, keySlots });
  const call = (channel: string, input: unknown) => core.invoke(channel, input);
  return {
    core,
    dataDir,
    clock,
    call,
    async ok<T>(channel: string, input: unknown): Promise<T> {
      const r = await call(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.value as T;
    },
    dispose() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Set up the supervisor, then create one signed-in-able account per role; returns their passwords. */
export async function withAccounts(t: TestCore): Promise<Record<Role, { username: string; password: string }>> {
  await t.ok('auth.setup', SUPERVISOR);
  const out = { supervisor: { username: SUPERVISOR.username, password: SUPERVISOR.password } } as Record<Role, { username: string; password: string }>;
  for (const role of ['front_counter', 'interview_officer', 'clerk'] as const) {
    const username = `user.${role}`;
    const badge = role === 'interview_officer' ? { badgeNumber: 'CBSA-40417' } : {};
    const r = await t.ok<{ oneTimePassword: string }>('user.create', { username, displayName: `Test ${role}`, role, ...badge });
    out[role] = { username, password: r.oneTimePassword };
  }
  // Each new account changes its one-time password once, so it can work.
  for (const role of ['front_counter', 'interview_officer', 'clerk'] as const) {
    await t.ok('auth.signIn', out[role]);
    const newPassword = `another unrelated passphrase ${role.length}`;
    await t.ok('auth.changePassword', { currentPassword: out[role].password, newPassword });
    out[role] = { username: out[role].username, password: newPassword };
  }
  await t.ok('auth.signIn', out.supervisor);
  return out;
}

/** A valid intake for a new case with this principal (every other fact unknown). */
export function intakeWith(principal: { nameAsWritten: string; nameLatin: string; dateOfBirth: string; nationality: string; uci?: string | null }, channel: 'walk_in' | 'reporting_interview' | 'email' | 'phone' = 'walk_in', applicationDate = '2026-11-20') {
  const blank = blankIntake(randomUUID(), channel, applicationDate);
  return { ...blank, persons: [{ ...blank.persons[0]!, ...principal, uci: principal.uci ?? null }] };
}
