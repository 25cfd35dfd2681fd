import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connection } from '../../../renderer/src/connection';
import { IpcCallError } from '../../../renderer/src/ipc';
import { lockWorkstation } from '../../../renderer/src/lock-workstation';
import { ipcError } from '../../../shared/ipc/errors';
import type { IpcResult } from '../../../shared/ipc/errors';
import type { AuthStatus } from '../../../shared/schema/auth';

const signedIn: AuthStatus = {
  setupNeeded: false,
  user: { userId: 'u-awa', username: 'awa.diallo', displayName: 'Awa Diallo', badgeNumber: null, role: 'supervisor', mustChangePassword: false },
  locked: false,
  idleLockMinutes: 10,
  officeTimeZone: 'America/Toronto',
  sealerKind: 'dev-plaintext',
  officeServer: true,
};
const unreachable: IpcResult<unknown> = { ok: false, error: ipcError('internal', { messageKey: 'office.unreachable', params: { cause: 'ECONNREFUSED' } }) };

/** The page's bridge, answering every call with `answer`; the status App holds in its cache. */
function page(answer: IpcResult<unknown>, known: AuthStatus | null) {
  const invoke = vi.fn(async () => answer);
  vi.stubGlobal('window', { avrr: { invoke } });
  const qc = new QueryClient();
  if (known) qc.setQueryData(['auth'], known);
  return { qc, invoke };
}

afterEach(() => {
  // The monitor's tries (scheduled by an unreachable answer) end here.
  connection.report('answered');
  vi.unstubAllGlobals();
});

describe('locking the workstation', () => {
  it('answers the back end’s status when the server locks the session', async () => {
    const { qc, invoke } = page({ ok: true, value: { ...signedIn, locked: true } }, signedIn);
    await expect(lockWorkstation(qc)).resolves.toEqual({ ...signedIn, locked: true });
    expect(invoke).toHaveBeenCalledWith('auth.lock', {});
  });

  it('locks the screen here all the same when the office server cannot be reached (an idle screen never stays open)', async () => {
    const { qc } = page(unreachable, signedIn);
    await expect(lockWorkstation(qc)).resolves.toEqual({ ...signedIn, locked: true });
    expect(connection.getState().reachable).toBe(false);
  });

  it('any other refusal is the caller’s to show, and nobody signed in is nothing to lock', async () => {
    const refused = page({ ok: false, error: ipcError('internal') }, signedIn);
    await expect(lockWorkstation(refused.qc)).rejects.toBeInstanceOf(IpcCallError);
    const nobody = page(unreachable, { ...signedIn, user: null });
    await expect(lockWorkstation(nobody.qc)).rejects.toBeInstanceOf(IpcCallError);
  });
});
