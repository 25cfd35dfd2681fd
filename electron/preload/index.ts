import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_IPC_CHANNEL } from '../../shared/ipc/bridge';
import type { AvrrBridge } from '../../shared/ipc/bridge';
import type { IpcResult } from '../../shared/ipc/errors';

/*
 * The renderer's only door to the back end: one function, `window.avrr.invoke`. The wrapper
 * passes plain arguments and returns the plain result, so no ipcRenderer, IpcRendererEvent or
 * other Electron object ever reaches the page. Bundled to CommonJS: a sandboxed preload cannot
 * be an ES module, and may only require 'electron'.
 */
const bridge: AvrrBridge = {
  invoke: (channel: string, input: unknown): Promise<IpcResult<unknown>> => ipcRenderer.invoke(BRIDGE_IPC_CHANNEL, channel, input),
};

contextBridge.exposeInMainWorld('avrr', bridge);
