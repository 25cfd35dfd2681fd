import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/core/app-core';
import { MAX_BODY_BYTES, startHarnessServer } from '../../../electron/web/server';
import type { HarnessServer } from '../../../electron/web/server';

/** POST a body of `bytes` bytes (streamed, without a content-length) to /api/invoke. */
function post(h: HarnessServer, bytes: number): Promise<{ status: number; type: string; body: string }> {
  const url = new URL('/api/invoke', h.url);
  return new Promise((ok, fail) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-avrr-token': h.token, 'transfer-encoding': 'chunked' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', fail);
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let left = bytes;
    const write = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!req.write(chunk.subarray(0, n))) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

describe('harness server: an oversized body', () => {
  let h: HarnessServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'avrr-harness-'));
    writeFileSync(join(dir, 'index.html'), '<html><head></head><body></body></html>');
    const core = { invoke: () => Promise.resolve({ ok: true, value: null }), close: () => undefined } as unknown as AppCore;
    h = await startHarnessServer(core, { rendererDir: dir, port: 0 });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 413 with a JSON error body, not a connection reset', async () => {
    const r = await post(h, MAX_BODY_BYTES + 1024);
    expect(r.status).toBe(413);
    expect(r.type).toBe('application/json');
    expect(JSON.parse(r.body)).toEqual({
      ok: false,
      error: { code: 'invalid_input', messageKey: 'errors.invalid_input', issues: [{ path: [], messageKey: 'validation.input_too_large' }] },
    });
  });
});
