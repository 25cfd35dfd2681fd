import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { Handlers } from '../dispatch';

// SCAFFOLD (being built this session; replaced before the session ends).
const todo = (): never => {
  throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.internal' }));
};
export function privacyHandlers() {
  return { 'privacy.export': todo } satisfies Pick<Handlers, 'privacy.export'>;
}
