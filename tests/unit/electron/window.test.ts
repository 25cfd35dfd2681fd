import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from './fake-electron';
import { APP_INDEX_URL } from '../../../electron/main/protocol';
import { createMainWindow, mainWindowOptions } from '../../../electron/main/window';

vi.mock('electron', () => import('./fake-electron'));

const preloadPath = '/opt/avrr/out/preload/index.cjs';

describe('main window options', () => {
  const prefs = mainWindowOptions({ preloadPath, devTools: false }).webPreferences;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['plugins', false],
    ['spellcheck', false],
    ['navigateOnDragDrop', false],
    ['enableWebSQL', false],
    ['devTools', false],
  ] as const)('sets %s to %s explicitly', (flag, expected) => {
    expect(prefs).toBeDefined();
    expect(prefs?.[flag]).toBe(expected);
  });

  it('uses the built CommonJS preload and nothing else injects code', () => {
    expect(prefs?.preload).toBe(preloadPath);
    expect(prefs?.preload?.endsWith('.cjs')).toBe(true);
  });

  it('keeps DevTools for unpackaged builds only when asked', () => {
    expect(mainWindowOptions({ preloadPath, devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('starts hidden so it is shown on ready-to-show', () => {
    expect(mainWindowOptions({ preloadPath, devTools: false }).show).toBe(false);
  });
});

describe('createMainWindow', () => {
  beforeEach(() => {
    FakeBrowserWindow.instances.length = 0;
  });

  it('loads app://avrr/index.html, never a file:// URL', () => {
    const window = createMainWindow({ preloadPath, url: APP_INDEX_URL, devTools: false });
    expect(APP_INDEX_URL).toBe('app://avrr/index.html');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const fake = FakeBrowserWindow.instances[0];
    expect(fake?.loadedUrls).toEqual(['app://avrr/index.html']);
    expect(fake?.loadedUrls.some((url) => url.startsWith('file:'))).toBe(false);
    expect(window).toBe(fake);
  });

  it('passes the pure options to the BrowserWindow constructor', () => {
    createMainWindow({ preloadPath, url: APP_INDEX_URL, devTools: false });
    expect(FakeBrowserWindow.instances[0]?.options).toEqual(mainWindowOptions({ preloadPath, devTools: false }));
  });

  it('turns content protection on before the window is first shown, so a screen capture shows nothing', () => {
    createMainWindow({ preloadPath, url: APP_INDEX_URL, devTools: false });
    const fake = FakeBrowserWindow.instances[0];
    expect(fake?.contentProtected).toBe(true);
    expect(fake?.protectedBeforeShown).toBe(true);
    fake?.emit('ready-to-show');
    expect(fake?.contentProtected).toBe(true);
  });

  it('shows the window only on ready-to-show', () => {
    createMainWindow({ preloadPath, url: APP_INDEX_URL, devTools: false });
    const fake = FakeBrowserWindow.instances[0];
    expect(fake?.visible).toBe(false);
    fake?.emit('ready-to-show');
    expect(fake?.visible).toBe(true);
  });
});
