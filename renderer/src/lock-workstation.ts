import type { QueryClient } from '@tanstack/react-query';
import type { AuthStatus } from '../../shared/schema/auth';
import { isUnreachable } from './connection';
import { flushAll } from './flush';
import { call, errorOf } from './ipc';

/**
 * Locks the workstation: what was typed last is sent as the draft first, then the back end
 * locks the session. If the office server cannot be reached, the screen locks here all the same
 * (an idle screen never stays open because the network is down); App tells the server once it
 * answers again.
 */
export async function lockWorkstation(qc: QueryClient): Promise<AuthStatus> {
  await flushAll();
  try {
    return await call('auth.lock', {});
  } catch (e) {
    const s = qc.getQueryData<AuthStatus>(['auth']);
    if (s?.user && isUnreachable(errorOf(e))) return { ...s, locked: true };
    throw e;
  }
}
