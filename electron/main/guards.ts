import { logMain, originForLog } from './log';

/*
 * Navigation, window, webview, permission and download guards. The interfaces below are the
 * slices of Electron's WebContents / Session / App that the guards touch: index.ts passes the
 * real objects (the compiler checks they fit), tests pass small fakes.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

export interface GuardableWebContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface DownloadItemLike {
  getURL(): string;
}

export interface LockableSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  /** Present in every Electron we support; optional so an older runtime does not crash us. */
  setDevicePermissionHandler?(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: PreventableEvent, item: DownloadItemLike) => void): unknown;
}

export interface WebContentsCreatedSource {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardableWebContents) => void): unknown;
}

/**
 * The app is one page that never leaves app://avrr: every renderer-initiated navigation or
 * redirect is refused (main-process `loadURL` does not raise these events, so our own loads
 * still work), every window.open is denied, and <webview> can never attach.
 */
export function guardWebContents(contents: GuardableWebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    logMain('warn', 'navigation refused', originForLog(url));
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    logMain('warn', 'redirect refused', originForLog(url));
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logMain('warn', 'webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    logMain('warn', 'window.open refused', originForLog(url));
    return { action: 'deny' };
  });
}

/** Apply guardWebContents to every web contents the app ever creates, from the first one on. */
export function installWebContentsGuards(app: WebContentsCreatedSource): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

/**
 * No web permission is ever granted: no camera, microphone, geolocation, notifications, clipboard
 * read, USB/HID/serial devices, fullscreen requests by the page... The intake app needs none.
 *
 * Downloads: the app never uses Chromium downloads (exports are written by the main process via
 * a save dialog), so any download a page starts is cancelled. If one is ever needed it must be
 * started by main code and allowed here explicitly.
 */
export function lockDownSession(session: LockableSession): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    logMain('warn', 'permission request refused', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.on('will-download', (event, item) => {
    event.preventDefault();
    logMain('warn', 'download refused', originForLog(item.getURL()));
  });
}
