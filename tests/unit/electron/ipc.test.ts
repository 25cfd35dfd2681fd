import { describe, expect, it, vi } from 'vitest';
import { ipcMain } from './fake-electron';
import type { FakeFrame } from './fake-electron';
import { BRIDGE_IPC_CHANNEL } from '../../../shared/ipc/bridge';
import type { IpcResult } from '../../../shared/ipc/errors';
import { createBridgeHandler, registerBridge } from '../../../electron/main/ipc';
import type { BridgeDeps, BridgeInvokeEvent } from '../../../electron/main/ipc';
import { isTrustedRendererUrl, resolveRendererSource } from '../../../electron/main/renderer-source';

vi.mock('electron', () => import('./fake-electron'));

const APP_WEB_CONTENTS_ID = 7;
const production = resolveRendererSource(true, undefined);

function setup(invokeImpl?: (channel: string, input: unknown) => Promise<IpcResult<unknown>>) {
  const invoke = vi.fn(invokeImpl ?? ((channel: string, _input: unknown): Promise<IpcResult<unknown>> => Promise.resolve({ ok: true, value: `served ${channel}` })));
  const deps: BridgeDeps = {
    core: { invoke },
    isAppWebContents: (sender) => sender.id === APP_WEB_CONTENTS_ID,
    isTrustedUrl: (url) => isTrustedRendererUrl(url, production),
  };
  return { invoke, handler: createBridgeHandler(deps) };
}

/** An invoke event from the top frame of a web contents showing `url`. */
function topFrameEvent(url: string, webContentsId = APP_WEB_CONTENTS_ID): BridgeInvokeEvent {
  const mainFrame: FakeFrame = { url, parent: null };
  return { sender: { id: webContentsId, mainFrame }, senderFrame: mainFrame };
}

const FORBIDDEN = { ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } };

describe('IPC bridge sender check', () => {
  it('the app page in the main window reaches core.invoke with channel and input', async () => {
    const { invoke, handler } = setup();
    const input = { caseId: 'c-1' };
    await expect(handler(topFrameEvent('app://avrr/index.html'), 'case.get', input)).resolves.toEqual({ ok: true, value: 'served case.get' });
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith('case.get', input);
  });

  it.each([
    ['another origin', 'https://attacker.example/index.html'],
    ['a file:// page', 'file:///opt/avrr/out/renderer/index.html'],
    ['the Vite dev server in a packaged app', 'http://localhost:5173/'],
    ['another app:// host', 'app://evil/index.html'],
    ['app:// with credentials', 'app://user:pw@avrr/index.html'],
    ['about:blank', 'about:blank'],
    ['a data: URL', 'data:text/html,<script>1</script>'],
  ])('%s gets forbidden and never reaches core', async (_label, url) => {
    const { invoke, handler } = setup();
    await expect(handler(topFrameEvent(url), 'case.list', {})).resolves.toEqual(FORBIDDEN);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('a subframe of the app page is forbidden, even on app://avrr', async () => {
    const { invoke, handler } = setup();
    const mainFrame: FakeFrame = { url: 'app://avrr/index.html', parent: null };
    const subframe: FakeFrame = { url: 'app://avrr/index.html', parent: mainFrame };
    await expect(handler({ sender: { id: APP_WEB_CONTENTS_ID, mainFrame }, senderFrame: subframe }, 'case.list', {})).resolves.toEqual(FORBIDDEN);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('a frame with a parent is refused even if the sender claims it as its main frame', async () => {
    const { invoke, handler } = setup();
    const top: FakeFrame = { url: 'app://avrr/index.html', parent: null };
    const nested: FakeFrame = { url: 'app://avrr/index.html', parent: top };
    await expect(handler({ sender: { id: APP_WEB_CONTENTS_ID, mainFrame: nested }, senderFrame: nested }, 'case.list', {})).resolves.toEqual(FORBIDDEN);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('a top-level frame that is not the sender\'s main frame is forbidden', async () => {
    const { invoke, handler } = setup();
    const mainFrame: FakeFrame = { url: 'app://avrr/index.html', parent: null };
    const impostor: FakeFrame = { url: 'app://avrr/index.html', parent: null };
    await expect(handler({ sender: { id: APP_WEB_CONTENTS_ID, mainFrame }, senderFrame: impostor }, 'case.list', {})).resolves.toEqual(FORBIDDEN);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('a destroyed or navigated-away frame (senderFrame null) is forbidden', async () => {
    const { invoke, handler } = setup();
    const mainFrame: FakeFrame = { url: 'app://avrr/index.html', parent: null };
    await expect(handler({ sender: { id: APP_WEB_CONTENTS_ID, mainFrame }, senderFrame: null }, 'case.list', {})).resolves.toEqual(FORBIDDEN);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('another window (e.g. the print window) is forbidden even with an app:// URL', async () => {
    const { invoke, handler } = setup();
    await expect(handler(topFrameEvent('app://avrr/index.html', APP_WEB_CONTENTS_ID + 1), 'case.list', {})).resolves.toEqual(FORBIDDEN);
    expect(invoke).not.toHaveBeenCalled();
  });

  it.each([[42], [null], [undefined], [{ toString: () => 'case.list' }], [['case.list']]])('a non-string channel (%o) is refused', async (channel) => {
    const { invoke, handler } = setup();
    const result = await handler(topFrameEvent('app://avrr/index.html'), channel, {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown_channel', messageKey: 'errors.unknown_channel' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('a core exception becomes an internal error value, not a rejection', async () => {
    const { handler } = setup(() => Promise.reject(new Error('SQLITE_CORRUPT at /secret/path')));
    const result = await handler(topFrameEvent('app://avrr/index.html'), 'case.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
  });

  it('is registered on the single bridge channel', () => {
    registerBridge({ core: { invoke: () => Promise.resolve({ ok: true, value: null }) }, isAppWebContents: () => true, isTrustedUrl: () => true });
    expect(BRIDGE_IPC_CHANNEL).toBe('avrr:invoke');
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle.mock.calls[0]?.[0]).toBe('avrr:invoke');
  });
});

describe('renderer source', () => {
  it('a packaged app always uses app://avrr, whatever ELECTRON_RENDERER_URL says', () => {
    expect(resolveRendererSource(true, 'http://localhost:5173/')).toEqual({ kind: 'app-protocol', url: 'app://avrr/index.html' });
  });

  it('an unpackaged dev run may use the local Vite server', () => {
    const source = resolveRendererSource(false, 'http://localhost:5173/');
    expect(source).toEqual({ kind: 'dev-server', url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', source)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', source)).toBe(false);
    expect(isTrustedRendererUrl('app://avrr/index.html', source)).toBe(false);
  });

  it.each(['https://localhost:5173/', 'http://attacker.example:5173/', 'file:///tmp/index.html', 'not a url'])(
    'an unpackaged run ignores a non-local dev URL (%s)',
    (url) => {
      expect(resolveRendererSource(false, url).kind).toBe('app-protocol');
    },
  );
});
