import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppCoreOptions } from '../../../electron/core/app-core';
import type { IpcResult } from '../../../shared/ipc/errors';
import type * as FakeElectronModule from './fake-electron';

type FakeElectron = typeof FakeElectronModule;

// index.ts acts on import, so each test re-imports it after vi.resetModules(). The fakes must
// survive the reset (the mock factory runs again), so the first instance is kept here.
const shared = vi.hoisted(() => ({ fake: null as FakeElectron | null }));

async function fakeElectron(): Promise<FakeElectron> {
  shared.fake ??= await import('./fake-electron');
  return shared.fake;
}

vi.mock('electron', () => fakeElectron());

const core = vi.hoisted(() => ({
  options: [] as AppCoreOptions[],
  invoked: [] as Array<{ channel: string; input: unknown }>,
  closed: 0,
}));

vi.mock('../../../electron/core/app-core', () => ({
  createAppCore: (options: AppCoreOptions) => {
    core.options.push(options);
    return {
      invoke: (channel: string, input: unknown): Promise<IpcResult<unknown>> => {
        core.invoked.push({ channel, input });
        return Promise.resolve({ ok: true, value: channel });
      },
      close: () => {
        core.closed++;
      },
    };
  },
}));

/** Load electron/main/index.ts afresh (it acts on import) with the fakes it will see. */
async function boot(setup: (fake: FakeElectron) => void = () => undefined) {
  vi.resetModules();
  const fake = await fakeElectron();
  fake.app.calls.length = 0;
  fake.app.readyWaiters.length = 0;
  fake.app.listeners.clear();
  fake.FakeBrowserWindow.instances.length = 0;
  // userData in a temp folder where "this computer only" was chosen at first run (deployment.test.ts has the choice itself).
  fake.app.getPath.mockImplementation((name: string) => (name === 'userData' ? userData : join(userData, name)));
  setup(fake);
  await import('../../../electron/main/index');
  // index.ts must have seen these very fakes, or every assertion below would be vacuous.
  expect((await import('electron')).app).toBe(fake.app);
  return fake;
}

async function ready(fake: FakeElectron): Promise<void> {
  for (const resolve of fake.app.readyWaiters) resolve();
  await new Promise((r) => setTimeout(r, 0));
}

let userData = '';

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'avrr-userdata-'));
  writeFileSync(join(userData, 'workstation-mode.json'), JSON.stringify({ mode: 'local' }));
  core.options.length = 0;
  core.invoked.length = 0;
  core.closed = 0;
  vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
});

afterEach(() => {
  rmSync(userData, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('main process lifecycle', () => {
  it('sandboxes, registers app:// and installs guards before ready', async () => {
    const fake = await boot();
    const readyAt = fake.app.whenReady.mock.invocationCallOrder[0] ?? 0;
    expect(fake.app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(readyAt);
    expect(fake.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(readyAt);
    expect(fake.app.calls.indexOf('on:web-contents-created')).toBeLessThan(fake.app.calls.indexOf('whenReady'));
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(core.options).toHaveLength(0);
  });

  it('on ready: OS-keystore core with the packaged migrations, protocol, bridge, one app:// window', async () => {
    const fake = await boot();
    await ready(fake);

    expect(core.options).toHaveLength(1);
    const options = core.options[0];
    expect(options?.sealer.kind).toBe('os-keystore');
    expect(options?.dataDir).toBe(join(userData, 'data'));
    expect(options?.migrationsDir).toBe('/opt/avrr/resources/app.asar/out/main/migrations');
    expect(options?.fontsDir).toBe('/opt/avrr/resources/app.asar/out/main/fonts');
    expect(typeof options?.printer).toBe('function');
    expect(options?.workstation).toBe(hostname());

    expect(fake.protocol.handle.mock.calls.map(([scheme]) => scheme)).toEqual(['app']);
    expect(fake.session.defaultSession.permissionCheckHandler?.({}, 'media')).toBe(false);
    expect(fake.ipcMain.handle.mock.calls.map(([channel]) => channel)).toEqual(['avrr:invoke']);

    expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
    const window = fake.FakeBrowserWindow.instances[0];
    // Packaged: the dev-server variable is ignored.
    expect(window?.loadedUrls).toEqual(['app://avrr/index.html']);
    expect(window?.options).toMatchObject({ webPreferences: { preload: '/opt/avrr/resources/app.asar/out/preload/index.cjs', sandbox: true, devTools: false } });
  });

  it('first run: no core until the choice is made; "this computer only" starts the local core', async () => {
    const fake = await boot(() => rmSync(join(userData, 'workstation-mode.json')));
    await ready(fake);
    expect(core.options).toHaveLength(0);
    const handler = fake.ipcMain.handle.mock.calls[0]?.[1];
    const window = fake.FakeBrowserWindow.instances[0];
    if (!handler || !window) throw new Error('bridge or window missing');
    const from = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    await expect(handler(from, 'deployment.status', {})).resolves.toEqual({ ok: true, value: { state: 'undecided' } });
    await expect(handler(from, 'auth.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'rejected', messageKey: 'deployment.errors.undecided' } });
    await expect(handler(from, 'deployment.chooseLocal', {})).resolves.toEqual({ ok: true, value: { state: 'local' } });
    expect(core.options).toHaveLength(1);
    await expect(handler(from, 'auth.status', {})).resolves.toEqual({ ok: true, value: 'auth.status' });
    await expect(handler(from, 'deployment.chooseLocal', {})).resolves.toMatchObject({ ok: false, error: { messageKey: 'deployment.errors.alreadyChosen' } });
  });

  it('the registered bridge serves the main window and refuses any other web contents', async () => {
    const fake = await boot();
    await ready(fake);
    const handler = fake.ipcMain.handle.mock.calls[0]?.[1];
    const window = fake.FakeBrowserWindow.instances[0];
    if (!handler || !window) throw new Error('bridge or window missing');

    const good = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    await expect(handler(good, 'case.list', { page: 1 })).resolves.toEqual({ ok: true, value: 'case.list' });
    expect(core.invoked).toEqual([{ channel: 'case.list', input: { page: 1 } }]);

    const other = new fake.FakeWebContents('app://avrr/index.html');
    await expect(handler({ sender: other, senderFrame: other.mainFrame }, 'case.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.invoked).toHaveLength(1);
  });

  it('closes the core on quit and quits when the last window closes', async () => {
    const fake = await boot();
    await ready(fake);
    for (const listener of fake.app.listeners.get('window-all-closed') ?? []) listener();
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    for (const listener of fake.app.listeners.get('will-quit') ?? []) listener();
    expect(core.closed).toBe(1);
  });

  it('refuses to start without a usable OS key store: no core, no window, exit 1', async () => {
    const fake = await boot((f) => {
      f.safeStorage.available = false;
    });
    await ready(fake);
    expect(core.options).toHaveLength(0);
    expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
    expect(fake.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(fake.dialog.showErrorBox.mock.calls[0]?.[1]).toContain('key store');
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    fake.safeStorage.available = true;
  });

  it('a second instance quits at once and never waits for ready', async () => {
    const fake = await boot((f) => {
      f.app.singleInstance = false;
    });
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    fake.app.singleInstance = true;
  });
});
