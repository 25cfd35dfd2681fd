import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { Handlers } from '../dispatch';

// SCAFFOLD (being built this session; replaced before the session ends).
const todo = (): never => {
  throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.internal' }));
};
export function retentionHandlers() {
  return {
    'retention.get': todo,
    'retention.setYears': todo,
    'retention.dispose': todo,
  } satisfies Pick<Handlers, 'retention.get' | 'retention.setYears' | 'retention.dispose'>;
}
