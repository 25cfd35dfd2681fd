import type { IpcResult } from './errors';

/**
 * The one function the renderer sees (`window.avrr.invoke`), exposed by the Electron preload
 * or, in the browser harness, by its HTTP bridge script. Untyped at this hop on purpose: the
 * renderer's typed wrapper (`renderer/ipc`) narrows it with the contract.
 */
export interface AvrrBridge {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
}

/** Name of the Electron IPC channel that carries every contract call. */
export const BRIDGE_IPC_CHANNEL = 'avrr:invoke';
