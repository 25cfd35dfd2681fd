import type { WebPreferences } from 'electron';

/**
 * The isolation every window of the app gets: the page cannot reach Node, runs sandboxed in its
 * own JavaScript world, keeps the same-origin policy, and has no webview, no insecure content and
 * no experimental features. Windows add only what they need on top (preload, PDF plugin).
 */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  // On Linux the spell checker downloads dictionaries, and it reads every field typed: off.
  spellcheck: false,
} as const satisfies WebPreferences;
