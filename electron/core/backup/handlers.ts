import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { Handlers } from '../dispatch';

// SCAFFOLD (being built this session; replaced before the session ends).
const todo = (): never => {
  throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.internal' }));
};
export function backupHandlers() {
  return {
    'backup.status': todo,
    'backup.setSettings': todo,
    'backup.run': todo,
    'backup.delete': todo,
    'backup.history': todo,
    'restore.preview': todo,
    'restore.switch': todo,
  } satisfies Pick<Handlers, 'backup.status' | 'backup.setSettings' | 'backup.run' | 'backup.delete' | 'backup.history' | 'restore.preview' | 'restore.switch'>;
}
