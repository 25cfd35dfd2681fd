import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { Handlers } from '../dispatch';

/**
 * Where the core itself answers the first-run channels (the browser harness, the office server):
 * there is no choice to make. In the Electron app the main process answers them before any core
 * exists (electron/main/deployment.ts).
 */
export function deploymentHandlers() {
  const fixed = (): never => {
    throw new IpcFailure(ipcError('rejected', { messageKey: 'deployment.errors.fixed' }));
  };
  return {
    'deployment.status': () => ({ state: 'fixed' as const }),
    'deployment.chooseLocal': fixed,
    'deployment.connect': fixed,
  } satisfies Pick<Handlers, 'deployment.status' | 'deployment.chooseLocal' | 'deployment.connect'>;
}
