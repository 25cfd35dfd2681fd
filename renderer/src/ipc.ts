import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/contract';
import type { IpcError } from '../../shared/ipc/errors';
import { reportAnswer } from './connection';

/** A call that came back as an error value; carries it for the UI to localize. */
export class IpcCallError extends Error {
  constructor(readonly error: IpcError) {
    super(error.messageKey);
    this.name = 'IpcCallError';
  }
}

/** Listeners told when any call answers `locked` (the idle lock happened elsewhere). */
const lockedListeners = new Set<() => void>();
export function onLocked(fn: () => void): () => void {
  lockedListeners.add(fn);
  return () => lockedListeners.delete(fn);
}

/** The typed face of `window.avrr.invoke`: input and output types come from the contract. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await window.avrr.invoke(channel, input);
  // Whether the office server answered: the banner and its retries (connection.ts).
  reportAnswer(result);
  if (result.ok) return result.value as ChannelOutput<C>;
  if (result.error.code === 'locked' || result.error.code === 'not_signed_in') lockedListeners.forEach((fn) => fn());
  throw new IpcCallError(result.error);
}

export function errorOf(e: unknown): IpcError {
  return e instanceof IpcCallError ? e.error : { code: 'internal', messageKey: 'errors.internal' };
}
