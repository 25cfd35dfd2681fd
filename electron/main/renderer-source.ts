import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './protocol';

/**
 * Where the main window's page comes from, and therefore which page URLs the IPC bridge trusts.
 * Production (and any packaged build) is always app://avrr. Only an unpackaged `electron-vite dev`
 * run may point at the local Vite dev server, which electron-vite announces in
 * ELECTRON_RENDERER_URL; a packaged app ignores that variable, so nobody can redirect the real
 * app to another origin by setting an environment variable.
 */
export type RendererSource =
  | { kind: 'app-protocol'; url: string }
  | { kind: 'dev-server'; url: string; origin: string };

const DEV_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function resolveRendererSource(isPackaged: boolean, devServerUrl: string | undefined): RendererSource {
  const production: RendererSource = { kind: 'app-protocol', url: APP_INDEX_URL };
  if (isPackaged || devServerUrl === undefined || devServerUrl === '') return production;
  let url: URL;
  try {
    url = new URL(devServerUrl);
  } catch {
    return production;
  }
  if (url.protocol !== 'http:' || !DEV_HOSTS.has(url.hostname)) return production;
  return { kind: 'dev-server', url: url.href, origin: url.origin };
}

/** Is this page URL the app's own page for the given source? */
export function isTrustedRendererUrl(pageUrl: string, source: RendererSource): boolean {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return false;
  }
  if (source.kind === 'dev-server') return url.origin === source.origin;
  // app: is not a WHATWG "special" scheme, so URL.origin is "null" here: compare the parts.
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}
