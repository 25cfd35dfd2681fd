import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Small HTTP helpers shared by the office's two listeners (invoke and enrolment), in the
 * style of electron/web/server.ts: every answer is JSON, nothing is cached.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...extra, 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

/** The answer to a refused call, in the shape of every other answer (an IpcResult). */
export function failure(code: string, messageKey: string, issues?: unknown[]): { ok: false; error: Record<string, unknown> } {
  return { ok: false, error: { code, messageKey, ...(issues ? { issues } : {}) } };
}

export const TOO_LARGE = failure('invalid_input', 'errors.invalid_input', [{ path: [], messageKey: 'validation.input_too_large' }]);

/**
 * The body as text, or null when it is larger than `max` bytes. An oversized body is read to
 * its end (and dropped) so the client gets its 413 rather than a reset; past four times the
 * limit the sender is not a workstation behaving: the socket is cut.
 */
export function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  const drainLimit = 4 * max;
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    if (Number(req.headers['content-length'] ?? 0) > drainLimit) {
      req.resume();
      ok(null);
      return;
    }
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > drainLimit) req.destroy();
      else if (size <= max) chunks.push(c);
    });
    req.on('end', () => ok(size > max ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

/** JSON.parse that answers undefined instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
