import { describe, expect, it, vi } from 'vitest';
import { FakeSession, preventableEvent } from './fake-electron';
import type { PreventableFakeEvent } from './fake-electron';
import { guardWebContents, installWebContentsGuards, lockDownSession } from '../../../electron/main/guards';
import type { GuardableWebContents } from '../../../electron/main/guards';

vi.mock('electron', () => import('./fake-electron'));

type ContentsListener = (event: PreventableFakeEvent, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, ContentsListener[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents = {
    on(event: string, listener: ContentsListener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      windowOpenHandler = handler;
    },
  } satisfies GuardableWebContents;
  return {
    contents,
    /** Fire an event the way Electron would; returns whether the default action was prevented. */
    emit(event: string, url = 'https://attacker.example/phish'): boolean {
      const evt = preventableEvent();
      for (const listener of listeners.get(event) ?? []) listener(evt, url);
      return evt.defaultPrevented;
    },
    listenerCount: (event: string) => listeners.get(event)?.length ?? 0,
    openWindow: (url: string) => windowOpenHandler?.({ url }) ?? null,
  };
}

describe('web contents guards', () => {
  it.each(['https://attacker.example/', 'file:///etc/passwd', 'app://avrr/index.html', 'http://localhost:5173/', 'javascript:alert(1)'])(
    'will-navigate to %s is prevented',
    (url) => {
      const fake = fakeContents();
      guardWebContents(fake.contents);
      expect(fake.emit('will-navigate', url)).toBe(true);
    },
  );

  it('will-redirect is prevented', () => {
    const fake = fakeContents();
    guardWebContents(fake.contents);
    expect(fake.emit('will-redirect', 'https://attacker.example/')).toBe(true);
  });

  it('will-attach-webview is prevented', () => {
    const fake = fakeContents();
    guardWebContents(fake.contents);
    expect(fake.listenerCount('will-attach-webview')).toBe(1);
    expect(fake.emit('will-attach-webview')).toBe(true);
  });

  it.each(['https://attacker.example/', 'app://avrr/index.html', 'about:blank'])('window.open(%s) is denied', (url) => {
    const fake = fakeContents();
    guardWebContents(fake.contents);
    expect(fake.openWindow(url)).toEqual({ action: 'deny' });
  });

  it('an event nobody guarded is not prevented (the fake really reports)', () => {
    const fake = fakeContents();
    guardWebContents(fake.contents);
    expect(fake.emit('did-finish-load')).toBe(false);
  });

  it('every web contents the app creates gets the guards', () => {
    const captured: { created: ((event: unknown, contents: GuardableWebContents) => void) | null } = { created: null };
    const app = {
      on(event: 'web-contents-created', listener: (event: unknown, contents: GuardableWebContents) => void) {
        expect(event).toBe('web-contents-created');
        captured.created = listener;
      },
    };
    installWebContentsGuards(app);
    const first = fakeContents();
    const second = fakeContents();
    expect(captured.created).not.toBeNull();
    captured.created?.({}, first.contents);
    captured.created?.({}, second.contents);
    expect(first.emit('will-navigate')).toBe(true);
    expect(second.emit('will-navigate')).toBe(true);
    expect(second.openWindow('https://attacker.example/')).toEqual({ action: 'deny' });
  });
});

/** Every permission name Electron 45's Session handlers can be asked about. */
const PERMISSIONS = [
  'ar', 'automatic-fullscreen', 'background-fetch', 'background-sync', 'captured-surface-control', 'clipboard-read',
  'clipboard-sanitized-write', 'deprecated-sync-clipboard-read', 'display-capture', 'fileSystem', 'fullscreen', 'geolocation',
  'geolocation-approximate', 'hand-tracking', 'hid', 'idle-detection', 'keyboardLock', 'local-fonts', 'local-network',
  'local-network-access', 'loopback-network', 'media', 'mediaKeySystem', 'midi', 'midiSysex', 'nfc', 'notifications',
  'openExternal', 'payment-handler', 'periodic-background-sync', 'persistent-storage', 'pointerLock', 'screen-wake-lock',
  'sensors', 'serial', 'smart-card', 'speaker-selection', 'storage-access', 'system-wake-lock', 'top-level-storage-access',
  'usb', 'vr', 'web-app-installation', 'web-printing', 'window-management', 'unknown',
];

describe('session lock-down', () => {
  it.each(PERMISSIONS)('a request for %s is answered false', (permission) => {
    const session = new FakeSession();
    lockDownSession(session);
    const answers: boolean[] = [];
    session.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
  });

  it.each(PERMISSIONS)('a check for %s returns false', (permission) => {
    const session = new FakeSession();
    lockDownSession(session);
    expect(session.permissionCheckHandler).not.toBeNull();
    expect(session.permissionCheckHandler?.({}, permission)).toBe(false);
  });

  it('device permissions are refused', () => {
    const session = new FakeSession();
    lockDownSession(session);
    expect(session.devicePermissionHandler).not.toBeNull();
    expect(session.devicePermissionHandler?.()).toBe(false);
  });

  it('works on a runtime without setDevicePermissionHandler', () => {
    const session = new FakeSession();
    const { setDevicePermissionHandler: _omitted, ...withoutDevices } = {
      setPermissionRequestHandler: session.setPermissionRequestHandler.bind(session),
      setPermissionCheckHandler: session.setPermissionCheckHandler.bind(session),
      setDevicePermissionHandler: session.setDevicePermissionHandler.bind(session),
      on: session.on.bind(session),
    };
    expect(() => lockDownSession(withoutDevices)).not.toThrow();
    expect(session.permissionCheckHandler?.({}, 'media')).toBe(false);
  });

  it('downloads started by a page are cancelled', () => {
    const session = new FakeSession();
    lockDownSession(session);
    expect(session.downloadListeners).toHaveLength(1);
    const event = preventableEvent();
    for (const listener of session.downloadListeners) listener(event, { getURL: () => 'blob:app://avrr/1234' });
    expect(event.defaultPrevented).toBe(true);
  });
});
