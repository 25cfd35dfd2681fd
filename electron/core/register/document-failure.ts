import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { DocumentError } from '../documents';

/**
 * The document engine's errors carry their own English and French text (e.g. which character
 * of which name no bundled font covers); they cross the boundary as `rejected` with both texts,
 * which the UI shows in its language.
 */
export function asIpcFailure(e: unknown): unknown {
  if (e instanceof DocumentError) {
    const { key, en, fr } = e.toJSON();
    return new IpcFailure(ipcError('rejected', { messageKey: 'errors.document_failed', params: { key, en, fr } }));
  }
  return e;
}

export async function documentStep<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw asIpcFailure(e);
  }
}
