import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { LegacySlotsError } from '../auth/key-slots';
import type { Handlers } from '../dispatch';
import type { SessionManager } from '../session/manager';

/** The supervisor's database key: when it was last rotated, and rotating it now (audited by the session). */
export function keyHandlers(sessions: SessionManager) {
  return {
    'keys.status': () => sessions.keyStatus(),
    'keys.rotate': () => {
      try {
        const r = sessions.rotateKey('manual');
        return { ...r, accounts: sessions.vault.slotCount() };
      } catch (e) {
        if (e instanceof LegacySlotsError) throw new IpcFailure(ipcError('rejected', { messageKey: 'keys.errors.legacy_accounts', params: { names: e.usernames.join(', ') } }));
        throw e;
      }
    },
  } satisfies Pick<Handlers, 'keys.status' | 'keys.rotate'>;
}
