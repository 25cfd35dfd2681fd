import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { contentTypeFor } from './content-types';

export const APP_SCHEME = 'app';
export const APP_HOST = 'avrr';
/** Where the main window starts. Never file://: file URLs share one origin with the whole disk. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Re-exported: the tests and the window read the policy from here. */
export { CONTENT_SECURITY_POLICY };

/** Headers on every app:// response, 404s included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Static bundle only, but keep Chromium from writing anything of ours into its disk cache.
  'Cache-Control': 'no-store',
};

/**
 * Must run before `app` is ready. `standard` gives app://avrr a real origin (so 'self' in the CSP
 * means something and relative URLs resolve), `secure` makes it a secure context, and
 * `supportFetchAPI` lets the bundle load its own module chunks.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export type AppRequestResolution =
  | { kind: 'file'; file: string; contentType: string }
  | { kind: 'not-found'; reason: string };

/**
 * Map an app:// URL to a file inside `rootDir`, or refuse. Pure (no file system access) so the
 * traversal rules can be tested exhaustively. Only "/" maps to index.html: the renderer keeps its
 * screen in state, not in the URL, so there is no client-side route to fall back for.
 */
export function resolveAppRequest(rootDir: string, requestUrl: string): AppRequestResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'not-found', reason: 'unparsable URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { kind: 'not-found', reason: 'foreign host' };

  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'not-found', reason: 'malformed percent-encoding' };
  }
  // Backslashes are separators on Windows and NUL truncates paths in some APIs: never legitimate here.
  if (path.includes('\\') || path.includes('\0')) return { kind: 'not-found', reason: 'forbidden character' };
  if (path.split('/').some((segment) => segment === '..')) return { kind: 'not-found', reason: 'dot-dot segment' };

  const relative = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const file = resolve(root, relative);
  // The real guard: whatever the decoding did, the file must sit strictly inside the root.
  if (!file.startsWith(root + sep)) return { kind: 'not-found', reason: 'outside the renderer folder' };

  const contentType = contentTypeFor(file);
  if (contentType === null) return { kind: 'not-found', reason: 'type not served' };
  return { kind: 'file', file, contentType };
}

export type ReadFile = (file: string) => Promise<Uint8Array>;

function notFound(status: 404 | 405 = 404): Response {
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The app:// handler: GET/HEAD of files from the built renderer folder, nothing else. */
export function createAppProtocolHandler(rootDir: string, read: ReadFile = readFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);
    const resolved = resolveAppRequest(rootDir, request.url);
    if (resolved.kind === 'not-found') return notFound();
    let body: Uint8Array;
    try {
      body = await read(resolved.file);
    } catch {
      // Missing file or a directory: same answer, no detail leaked to the page.
      return notFound();
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': resolved.contentType },
    });
  };
}

/** Serve the built renderer on app://avrr (default session). Call once, after `ready`. */
export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
