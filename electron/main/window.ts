import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';
import { HARDENED_WEB_PREFERENCES } from './hardened-web-preferences';
import { logMain } from './log';

export interface MainWindowConfig {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** app://avrr/index.html, or the Vite dev server in an unpackaged dev run. */
  url: string;
  /** DevTools only in unpackaged builds: a packaged app handling Protected B data ships without them. */
  devTools: boolean;
}

/**
 * The main window's options. Pure so that every security flag is asserted by a test; each one is
 * spelled out even where it is Electron's default, so a future default change cannot weaken us.
 */
export function mainWindowOptions(config: Pick<MainWindowConfig, 'preloadPath' | 'devTools'>): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'AVRR Intake',
    // Shown on ready-to-show, so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      ...HARDENED_WEB_PREFERENCES,
      preload: config.preloadPath,
      plugins: false,
      enableWebSQL: false,
      // Dropping a file on the window would navigate to it.
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click opens links in new windows; we have none to open.
      disableBlinkFeatures: 'Auxclick',
      devTools: config.devTools,
    },
  };
}

export function createMainWindow(config: MainWindowConfig): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(config));
  // Protected B on screen: screen capture and screen sharing get a blank window (Windows
  // WDA_EXCLUDEFROMCAPTURE, macOS NSWindowSharingNone). Set before anything is shown.
  window.setContentProtection(true);
  window.once('ready-to-show', () => window.show());
  window.loadURL(config.url).catch((error: unknown) => {
    logMain('error', 'main window failed to load', error);
  });
  return window;
}
