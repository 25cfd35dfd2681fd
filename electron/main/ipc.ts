import { ipcMain } from 'electron';
import { BRIDGE_IPC_CHANNEL } from '../../shared/ipc/bridge';
import { ipcError } from '../../shared/ipc/errors';
import type { IpcResult } from '../../shared/ipc/errors';
import { logMain, originForLog } from './log';

/** The part of AppCore the bridge needs (kept local so this file does not depend on core). */
export interface BridgeCore {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
}

/** The slice of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

/** The slice of IpcMainInvokeEvent the sender check reads. */
export interface BridgeInvokeEvent {
  readonly sender: { readonly id: number; readonly mainFrame: SenderFrame };
  readonly senderFrame: SenderFrame | null;
}

export interface BridgeDeps {
  core: BridgeCore;
  /** True only for the web contents of the app's main window. */
  isAppWebContents(sender: { readonly id: number }): boolean;
  /** True only for the app's own page URL (app://avrr, see renderer-source.ts). */
  isTrustedUrl(url: string): boolean;
}

/**
 * Who may call the back end: the top frame of the main window, showing our own page. A subframe,
 * another window (the print window, a future one), or a page that somehow navigated elsewhere
 * gets nothing, whatever it sends.
 */
export function isTrustedSender(event: BridgeInvokeEvent, deps: Pick<BridgeDeps, 'isAppWebContents' | 'isTrustedUrl'>): boolean {
  const frame = event.senderFrame;
  // null: the frame navigated or was destroyed while the message was in flight.
  if (frame === null) return false;
  if (frame.parent !== null || frame !== event.sender.mainFrame) return false;
  if (!deps.isAppWebContents(event.sender)) return false;
  return deps.isTrustedUrl(frame.url);
}

/**
 * The ipcMain handler body. Every outcome is an IpcResult value: a refusal or a back-end crash is
 * `{ ok: false }`, never an exception, because Electron would forward a thrown error's message
 * (and with it internal details) to the renderer.
 */
export function createBridgeHandler(deps: BridgeDeps) {
  return async (event: BridgeInvokeEvent, channel: unknown, input: unknown): Promise<IpcResult<unknown>> => {
    if (!isTrustedSender(event, deps)) {
      logMain('warn', 'IPC refused from untrusted frame', originForLog(event.senderFrame?.url ?? ''));
      return { ok: false, error: ipcError('forbidden') };
    }
    if (typeof channel !== 'string') return { ok: false, error: ipcError('unknown_channel') };
    try {
      return await deps.core.invoke(channel, input);
    } catch (error) {
      // Core is meant to turn every failure into a value; this is the last line of defence.
      logMain('error', `core.invoke threw on ${channel}`, error);
      return { ok: false, error: ipcError('internal') };
    }
  };
}

/** Register the single bridge channel. Call once, after `ready`. */
export function registerBridge(deps: BridgeDeps): void {
  ipcMain.handle(BRIDGE_IPC_CHANNEL, createBridgeHandler(deps));
}
