import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { protocol } from './fake-electron';
import {
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  registerAppProtocol,
  registerAppScheme,
  resolveAppRequest,
} from '../../../electron/main/protocol';

vi.mock('electron', () => import('./fake-electron'));

const SECRET = 'root:x:0:0:secret-outside-the-renderer-folder';
let base = '';
let root = '';

beforeAll(() => {
  // base/secret.txt sits next to (outside) the renderer folder base/renderer.
  base = mkdtempSync(join(tmpdir(), 'avrr-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(base, 'passwd'), SECRET);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>AVRR</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'p{}');
  writeFileSync(join(root, 'assets', 'tool.exe'), 'MZ');
});

function directives(): Map<string, string> {
  return new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

async function get(url: string, method = 'GET'): Promise<Response> {
  return createAppProtocolHandler(root)(new Request(url, { method }));
}

describe('Content-Security-Policy', () => {
  it.each([
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ])('%s is exactly %s', (name, value) => {
    expect(directives().get(name)).toBe(value);
  });

  it('has exactly the ten directives above', () => {
    expect(directives().size).toBe(10);
  });

  it.each(['http:', 'https:', 'ws:', "'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", '*', 'localhost'])('never allows %s', (source) => {
    expect(CONTENT_SECURITY_POLICY).not.toContain(source);
  });
});

describe('app:// scheme', () => {
  it('is registered as standard, secure and fetch-capable', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('is handled by the renderer-folder handler', () => {
    registerAppProtocol(root);
    expect(protocol.handle).toHaveBeenCalledTimes(1);
    expect(protocol.handle.mock.calls[0]?.[0]).toBe('app');
  });
});

describe('served responses', () => {
  it('carry the CSP, nosniff and the right type on index.html', async () => {
    const response = await get('app://avrr/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>AVRR</title>');
  });

  it.each([
    ['app://avrr/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://avrr/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['app://avrr/', 'text/html; charset=utf-8'],
  ])('%s is served as %s', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('404s carry the CSP too', async () => {
    const response = await get('app://avrr/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('refuses file types it does not serve', async () => {
    expect((await get('app://avrr/assets/tool.exe')).status).toBe(404);
  });

  it('has no fallback: an unknown path is a 404, not index.html', async () => {
    expect((await get('app://avrr/cases/123')).status).toBe(404);
    expect((await get('app://avrr/assets')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://avrr/index.html', 'POST')).status).toBe(405);
    const head = await get('app://avrr/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('path traversal', () => {
  const attacks = [
    'app://avrr/../../etc/passwd',
    'app://avrr/../secret.txt',
    'app://avrr/%2e%2e/secret.txt',
    'app://avrr/%2E%2E/%2E%2E/secret.txt',
    'app://avrr/..%2fsecret.txt',
    'app://avrr/assets/..%2f..%2fsecret.txt',
    'app://avrr/..%5csecret.txt',
    'app://avrr/assets/..%5C..%5Csecret.txt',
    'app://avrr/..\\secret.txt',
    'app://avrr/assets\\..\\..\\secret.txt',
    'app://avrr/%252e%252e/secret.txt',
    'app://avrr/index.html%00.js',
    'app://avrr/%2e%2e%2f%2e%2e%2fpasswd',
    `app://avrr/${'..%2f'.repeat(12)}etc%2fpasswd`,
  ];

  it.each(attacks)('%s never serves a file outside the renderer folder', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each(attacks)('%s never resolves outside the renderer folder', (url) => {
    const resolved = resolveAppRequest(root, url);
    if (resolved.kind === 'file') expect(resolved.file.startsWith(root + sep)).toBe(true);
  });

  it.each(['app://avrr/..%2fsecret.txt', 'app://avrr/..%5csecret.txt', 'app://avrr/index.html%00.js', 'app://avrr/%E0%A4%A'])(
    '%s is refused by the resolver itself',
    (url) => {
      expect(resolveAppRequest(root, url).kind).toBe('not-found');
    },
  );

  it.each(['app://evil/index.html', 'app://avrr.evil/index.html', 'https://avrr/index.html', 'file:///etc/passwd'])(
    '%s (foreign origin) is refused',
    (url) => {
      expect(resolveAppRequest(root, url)).toEqual({ kind: 'not-found', reason: 'foreign host' });
    },
  );

  it('refuses any decoded dot-dot segment, even one that would land back inside the folder', () => {
    expect(resolveAppRequest(root, 'app://avrr/assets/..%2findex.html')).toEqual({ kind: 'not-found', reason: 'dot-dot segment' });
  });

  // The prefix check is the guard for what the segment check cannot see: drive letters on Windows.
  it.runIf(process.platform === 'win32')('refuses an absolute Windows path smuggled in the URL', () => {
    expect(resolveAppRequest(root, 'app://avrr/C:/Windows/win.ini')).toEqual({ kind: 'not-found', reason: 'outside the renderer folder' });
  });

  it('a normal file resolves inside the folder', () => {
    expect(resolveAppRequest(root, 'app://avrr/assets/index-abc.js')).toEqual({
      kind: 'file',
      file: join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });
});
