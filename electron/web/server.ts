import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AppCore } from '../core/app-core';
import { bridgeScript } from './bridge-script';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

import { MAX_ATTACHMENT_BASE64 } from '../../shared/schema/attachments';

/** The largest call: a scan at the attachment limit, base64 in JSON, plus room for the rest of the call. */
export const MAX_BODY_BYTES = MAX_ATTACHMENT_BASE64 + 256 * 1024;
/**
 * An oversized body is read to its end (and dropped) so the client gets its 413 rather than a
 * connection reset; past this much more, the sender is not a browser tab: the socket is cut.
 */
const MAX_DRAINED_BYTES = 4 * MAX_BODY_BYTES;
/** The answer to an oversized call, in the shape of every other answer (an IpcResult). */
const TOO_LARGE_BODY = JSON.stringify({
  ok: false,
  error: { code: 'invalid_input', messageKey: 'errors.invalid_input', issues: [{ path: [], messageKey: 'validation.input_too_large' }] },
});
const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};

export interface HarnessServer {
  /** Where to open the app: the origin with the token in the fragment (`#token=…`), printed once. */
  url: string;
  /** `http://127.0.0.1:PORT`: the server's own address, without the token. */
  origin: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serve the built renderer and the core's handler map on 127.0.0.1 only. Every API call must
 * carry the per-run token and come with this server's own Host header (no DNS rebinding). The
 * token is in no page this server serves: it is given once, in the fragment of `url`, to whoever
 * started the harness (bridge-script.ts takes it from there).
 */
export async function startHarnessServer(core: AppCore, opts: { rendererDir: string; port: number }): Promise<HarnessServer> {
  const token = randomBytes(32).toString('hex');
  const root = resolve(opts.rendererDir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`No built renderer at ${root} (run npm run build:web)`);
  const indexHtml = readFileSync(indexFile, 'utf8').replace('<head>', `<head>\n    <script src="/harness-bridge.js"></script>`);
  let hostOk = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('[harness]', e);
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== hostOk) return send(res, 421, 'text/plain', 'wrong host');
    const url = new URL(req.url ?? '/', `http://${hostOk}`);
    if (url.pathname === '/api/invoke') return api(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    if (url.pathname === '/harness-bridge.js') return send(res, 200, mime['.js']!, bridgeScript);
    if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, mime['.html']!, indexHtml);
    const file = resolve(root, '.' + normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      // Single-page app: unknown paths get the app, which shows its own "not found".
      return send(res, 200, mime['.html']!, indexHtml);
    }
    res.writeHead(200, { ...securityHeaders(), 'content-type': mime[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  }

  async function api(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'method not allowed');
    const given = Buffer.from(String(req.headers['x-avrr-token'] ?? ''));
    const want = Buffer.from(token);
    if (given.length !== want.length || !timingSafeEqual(given, want)) return send(res, 403, 'text/plain', 'forbidden');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'text/plain', 'json only');
    const body = await readBody(req);
    if (body === null) return send(res, 413, 'application/json', TOO_LARGE_BODY, { connection: 'close' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(res, 400, 'text/plain', 'bad json');
    }
    const { channel, input } = (parsed && typeof parsed === 'object' ? parsed : {}) as { channel?: unknown; input?: unknown };
    const result = await core.invoke(typeof channel === 'string' ? channel : '', input ?? {});
    send(res, 200, 'application/json', JSON.stringify(result));
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, '127.0.0.1', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  hostOk = `127.0.0.1:${port}`;
  return {
    url: `http://${hostOk}/#token=${token}`,
    origin: `http://${hostOk}`,
    token,
    server,
    // Stops at once: a browser still holding a connection open (a keepalive request, a tab left
    // open) must not keep the harness, and its data folder, alive.
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...securityHeaders(), ...extra, 'content-type': type });
  res.end(body);
}

/** The body as text, or null when it is larger than MAX_BODY_BYTES (read to its end, not kept). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_DRAINED_BYTES) {
      // Too large to drain: answer at once; the client may still see the reset while sending.
      req.resume();
      ok(null);
      return;
    }
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_DRAINED_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => ok(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}
