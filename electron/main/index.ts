import { app, dialog, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createAppCore } from '../core/app-core';
import { privateUmask } from '../core/data-folder';
import { printPdf } from './printing';
import { createDeploymentRouter } from './deployment';
import type { DeploymentRouter } from './deployment';
import { installWebContentsGuards, lockDownSession } from './guards';
import { registerBridge } from './ipc';
import { logMain } from './log';
import { appPaths } from './paths';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { isTrustedRendererUrl, resolveRendererSource } from './renderer-source';
import { createSafeStorageSealer } from './safe-storage-sealer';
import { createMainWindow } from './window';

/*
 * App lifecycle only: everything here is wiring. Business rules live in electron/core.
 */

// Before anything else: every renderer sandboxed, whatever a window's options say.
app.enableSandbox();
// Privileged schemes can only be registered before `ready`.
registerAppScheme();
// Guards attach from the very first web contents.
installWebContentsGuards(app);

let core: DeploymentRouter | null = null;
let mainWindow: BrowserWindow | null = null;

function start(): void {
  const paths = appPaths(app.getAppPath());
  const source = resolveRendererSource(app.isPackaged, process.env['ELECTRON_RENDERER_URL']);

  // Throws OsKeystoreUnavailableError when the OS cannot protect the key: caught below, app quits.
  const sealer = createSafeStorageSealer();
  privateUmask();
  const userData = app.getPath('userData');
  const dataDir = join(userData, 'data');
  // This computer only (the local core), or a workstation of the office server (every call
  // forwarded over mutual TLS, its key sealed by the OS key store): chosen at first run.
  // Printing goes through the system print dialog; a cancelled dialog logs nothing.
  const printer = async (pdf: Uint8Array) => ({ printed: (await printPdf(pdf)).printed });
  core = createDeploymentRouter({
    userData,
    dataDir,
    sealer,
    printer,
    localCore: () =>
      createAppCore({
        dataDir,
        sealer,
        migrationsDir: paths.migrationsDir,
        fontsDir: paths.fontsDir,
        workstation: hostname(),
        printer,
      }),
  });

  lockDownSession(session.defaultSession);
  registerAppProtocol(paths.rendererDir);
  const appCore = core;
  registerBridge({
    core: appCore,
    isAppWebContents: (sender) => mainWindow !== null && !mainWindow.isDestroyed() && mainWindow.webContents.id === sender.id,
    isTrustedUrl: (url) => isTrustedRendererUrl(url, source),
  });

  mainWindow = createMainWindow({ preloadPath: paths.preload, url: source.url, devTools: !app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same encrypted database: hand over to the first one.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logMain('error', 'startup failed', error);
      dialog.showErrorBox('AVRR Intake cannot start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });

  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', () => {
    core?.close();
    core = null;
  });
}
