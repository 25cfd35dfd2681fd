import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { RequestOptions } from 'node:https';
import { connect } from 'node:tls';
import type { ConnectionOptions } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuthority } from '../../../electron/office/authority';
import { credentialFiles, EnrolmentError, enrolWorkstation, loadWorkstationCredentials, officeInvoker } from '../../../electron/office/client';
import type { EnrolledWorkstation } from '../../../electron/office/client';
import { MAX_INVOKE_BODY_BYTES, startOfficeTransport } from '../../../electron/office/server';
import type { OfficeRequest, OfficeTransport } from '../../../electron/office/server';
import type { SecretSealer } from '../../../electron/core/keys/sealer';

/**
 * The office transport end to end on loopback: enrolment with a one-time code, calls over mutual
 * TLS, and every refusal the issue asks for happening in the TLS handshake (a socket error on
 * the client, never an HTTP status).
 */

/** A sealer that visibly changes what it seals, so the test can see the key was sealed. */
const testSealer: SecretSealer = {
  kind: 'os-keystore',
  seal: (plain) => Buffer.concat([Buffer.from('SEALED:'), Buffer.from(plain).reverse()]),
  unseal: (sealed) => Buffer.from(sealed.subarray(7)).reverse(),
};

let root: string;
let office: OfficeTransport;
const seen: OfficeRequest[] = [];
/** What the server logged, as `key reason`: shows which check refused a connection. */
const logged: string[] = [];
let counter: EnrolledWorkstation;

const enrolUrl = (): string => `https://localhost:${office.enrolPort}`;
const invokeUrl = (): string => `https://localhost:${office.port}`;

async function enrol(name: string, code?: string): Promise<EnrolledWorkstation> {
  return enrolWorkstation({
    url: enrolUrl(),
    code: code ?? office.createEnrolmentCode().code,
    name,
    folder: mkdtempSync(join(root, 'ws-')),
    sealer: testSealer,
    caFingerprint: office.caFingerprint,
  });
}

type Outcome = { status: number; body: string } | { error: string };

/** One HTTPS POST /invoke with the given TLS options: its HTTP answer, or the socket error that came instead. */
function attempt(tls: RequestOptions, body = JSON.stringify({ channel: 'ping', input: {} })): Promise<Outcome> {
  return new Promise((ok) => {
    const req = httpsRequest(
      { host: '127.0.0.1', servername: 'localhost', port: office.port, path: '/invoke', method: 'POST', headers: { 'content-type': 'application/json' }, agent: false, ...tls },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => ok({ error: e.code ?? e.message }));
    req.end(body);
  });
}

/** A refusal in the TLS layer: the connection is cut during or right after the handshake, no HTTP answer. */
function expectTlsRefusal(outcome: Outcome): void {
  expect(outcome).not.toHaveProperty('status');
  expect('error' in outcome ? outcome.error : '').toMatch(/^(ECONNRESET|EPIPE|ERR_SSL_\w+|ERR_TLS_\w+)$/);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'avrr-office-'));
  office = await startOfficeTransport({
    dataDir: join(root, 'server'),
    port: 0,
    enrolPort: 0,
    log: (key, params) => logged.push(`${key} ${params.reason ?? params.error ?? ''}`.trim()),
    handler: async (req) => {
      seen.push(req);
      if (req.body.channel === 'explode') throw new Error('Nguyen, born 1984-02-03');
      return { ok: true, value: { echo: req.body.channel, from: req.workstation.name } };
    },
  });
  counter = await enrol('Front counter 1');
});

afterAll(async () => {
  await office.close();
  rmSync(root, { recursive: true, force: true });
});

describe('enrolment and calls', () => {
  it('an enrolled workstation calls the handler, which sees its name and certificate fingerprint', async () => {
    const invoke = officeInvoker({ url: invokeUrl(), credentials: counter.credentials });
    try {
      const result = await invoke('cases.search', { text: 'Nguyen' });
      expect(result).toEqual({ ok: true, value: { echo: 'cases.search', from: 'Front counter 1' } });
      const call = seen.at(-1);
      const fingerprint = new X509Certificate(counter.credentials.cert).fingerprint256.replace(/:/g, '').toLowerCase();
      expect(call).toEqual({ workstation: { id: counter.id, name: 'Front counter 1', fingerprint }, path: '/invoke', body: { channel: 'cases.search', input: { text: 'Nguyen' } } });
      expect(office.listWorkstations()).toContainEqual(expect.objectContaining({ id: counter.id, name: 'Front counter 1', fingerprint, revokedAt: null }));
    } finally {
      invoke.close();
    }
  });

  it('reaches the server by its IP address too, and a failing call is an error value without its message in the log', async () => {
    const invoke = officeInvoker({ url: `https://127.0.0.1:${office.port}`, credentials: counter.credentials });
    try {
      expect(await invoke('ping', {})).toMatchObject({ ok: true });
      logged.length = 0;
      expect(await invoke('explode', {})).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
      expect(logged).toEqual(['office.log.internalError Error']);
    } finally {
      invoke.close();
    }
  });

  it('an unreachable server is an error value the screen can show', async () => {
    const invoke = officeInvoker({ url: 'https://localhost:1', credentials: counter.credentials });
    try {
      expect(await invoke('ping', {})).toEqual({ ok: false, error: { code: 'internal', messageKey: 'office.unreachable', params: { cause: 'ECONNREFUSED' } } });
    } finally {
      invoke.close();
    }
  });

  it('the workstation certificate is a client certificate naming the workstation, for two years', () => {
    const cert = new X509Certificate(counter.credentials.cert);
    expect(cert.subject).toContain('CN=Front counter 1');
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    const years = (new Date(cert.validTo).getTime() - Date.now()) / (365 * 86_400_000);
    expect(years).toBeGreaterThan(1.99);
    expect(years).toBeLessThan(2.01);
  });

  it('keys are kept owner-only; the workstation key is sealed and reloads', () => {
    const ca = join(root, 'server', 'office-ca');
    for (const file of ['ca-key.pem', 'server-key.pem', 'workstations.json', 'crl.pem']) expect(statSync(join(ca, file)).mode & 0o777).toBe(0o600);
    const folder = mkdtempSync(join(root, 'reload-'));
    return (async () => {
      const desk = await enrolWorkstation({ url: enrolUrl(), code: office.createEnrolmentCode().code, name: 'Clerk', folder, sealer: testSealer });
      const sealed = readFileSync(join(folder, credentialFiles.key));
      expect(statSync(join(folder, credentialFiles.key)).mode & 0o777).toBe(0o600);
      expect(sealed.subarray(0, 7).toString()).toBe('SEALED:');
      expect(sealed.toString()).not.toContain('PRIVATE KEY');
      const loaded = loadWorkstationCredentials(folder, testSealer);
      expect(loaded?.credentials).toEqual(desk.credentials);
      expect(loaded?.name).toBe('Clerk');
    })();
  });

  it('a wrong code and a used code are refused; a mistyped code does not burn the right one before five tries', async () => {
    const { code } = office.createEnrolmentCode();
    await expect(enrol('<Interview 1>', code)).rejects.toMatchObject({ messageKey: 'office.badName' });
    await expect(enrol('Interview 1', 'ZZZZZ-ZZZZZ')).rejects.toThrow(EnrolmentError);
    await expect(enrol('Interview 1', 'ZZZZZ-ZZZZZ')).rejects.toMatchObject({ messageKey: 'office.codeRefused' });
    // Lower case and without the dash: the same code.
    const desk = await enrol('Interview 1', code.toLowerCase().replace('-', ''));
    expect(desk.name).toBe('Interview 1');
    await expect(enrol('Interview 2', code)).rejects.toMatchObject({ messageKey: 'office.codeRefused' });
  });

  it('a server that is not the office CA named by the fingerprint is never sent the code', async () => {
    const { code } = office.createEnrolmentCode();
    const wrong = 'AB:'.repeat(31) + 'AB';
    await expect(
      enrolWorkstation({ url: enrolUrl(), code, name: 'Rogue', folder: mkdtempSync(join(root, 'ws-')), sealer: testSealer, caFingerprint: wrong }),
    ).rejects.toMatchObject({ messageKey: 'office.caMismatch' });
    // The code was not spent.
    await expect(enrol('Interview 3', code)).resolves.toMatchObject({ name: 'Interview 3' });
  });

  it('the enrolment port serves only POST /enrol, and no calls', async () => {
    const ca = counter.credentials.ca;
    for (const [method, path] of [['GET', '/'], ['POST', '/invoke'], ['GET', '/enrol']] as const) {
      const status = await new Promise<number>((ok, fail) => {
        const req = httpsRequest({ host: 'localhost', port: office.enrolPort, path, method, ca, agent: false }, (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
        });
        req.on('error', fail);
        req.end();
      });
      expect(status).toBe(404);
    }
  });

  it('an oversized call gets 413 with an input-too-large error', async () => {
    const big = JSON.stringify({ channel: 'attachments.add', input: { data: 'A'.repeat(MAX_INVOKE_BODY_BYTES + 1) } });
    const outcome = await attempt({ key: counter.credentials.key, cert: counter.credentials.cert, ca: counter.credentials.ca }, big);
    expect(outcome).toMatchObject({ status: 413 });
    expect(JSON.parse('body' in outcome ? outcome.body : '{}')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('refused in the TLS handshake', () => {
  it('a client without a certificate', async () => {
    logged.length = 0;
    expectTlsRefusal(await attempt({ ca: counter.credentials.ca }));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^office\.log\.refused /);
  });

  it("a client with a certificate from another office's authority", async () => {
    const other = openAuthority(join(root, 'other-office'));
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const issued = other.issueWorkstation({ name: 'Front counter 1', publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    logged.length = 0;
    expectTlsRefusal(await attempt({ ca: counter.credentials.ca, cert: issued.certificate, key: privateKey.export({ type: 'pkcs8', format: 'pem' }) }));
    expect(logged).toEqual(['office.log.refused UNABLE_TO_VERIFY_LEAF_SIGNATURE']);
  });

  it('a revoked workstation: its open connection is cut, its next handshake fails', async () => {
    const desk = await enrol('Interview 9');
    const invoke = officeInvoker({ url: invokeUrl(), credentials: desk.credentials });
    try {
      expect(await invoke('ping', {})).toMatchObject({ ok: true });
      expect(office.revokeWorkstation(desk.id)).toBe(true);
      const calls = seen.length;
      // Same invoker: its kept-alive connection and its cached TLS session are both of no use now.
      expect(await invoke('ping', {})).toMatchObject({ ok: false, error: { code: 'internal', messageKey: 'office.unreachable' } });
      expect(await invoke('ping', {})).toMatchObject({ ok: false, error: { messageKey: 'office.unreachable' } });
      // Its agent's reconnection went through a full handshake (no resumed session skipped the check).
      expect(logged.slice(-1)).toEqual(['office.log.refused CERT_REVOKED']);
      logged.length = 0;
      expectTlsRefusal(await attempt(desk.credentials));
      // Refused by OpenSSL's check against the reloaded CRL, not by a later check of the registry.
      expect(logged).toEqual(['office.log.refused CERT_REVOKED']);
      expect(seen.length).toBe(calls);
      expect(office.listWorkstations().find((w) => w.id === desk.id)?.revokedAt).not.toBeNull();
      // Other workstations carry on.
      expect(await attempt(counter.credentials)).toMatchObject({ status: 200 });
    } finally {
      invoke.close();
    }
  });

  it('a TLS 1.2 client, even with a valid certificate', async () => {
    const error = await new Promise<string>((ok) => {
      const options: ConnectionOptions = { host: '127.0.0.1', servername: 'localhost', port: office.port, ...counter.credentials, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' };
      const socket = connect(options, () => ok('connected'));
      socket.on('error', (e: NodeJS.ErrnoException) => ok(e.code ?? e.message));
    });
    expect(error).toMatch(/^ERR_SSL_\w+|ECONNRESET$/);
  });

  it('a plain HTTP request gets no HTTP answer at all', async () => {
    const outcome = await new Promise<Outcome>((ok) => {
      const req = httpRequest({ host: '127.0.0.1', port: office.port, path: '/invoke', method: 'POST', agent: false }, (res) => ok({ status: res.statusCode ?? 0, body: '' }));
      req.on('error', (e: NodeJS.ErrnoException) => ok({ error: e.code ?? e.message }));
      req.end('{}');
    });
    expect(outcome).not.toHaveProperty('status');
    expect(outcome).toHaveProperty('error');
  });
});

describe('after a restart', () => {
  it('the same authority: enrolled workstations still call, revoked ones are still refused; an expired code is refused', async () => {
    const desk = await enrol('Supervisor desk');
    expect(office.revokeWorkstation(desk.id)).toBe(true);
    const ca = office.caFingerprint;
    await office.close();
    // Restarted with codes that expire as soon as they are made.
    office = await startOfficeTransport({ dataDir: join(root, 'server'), port: 0, enrolPort: 0, codeTtlMs: 0, handler: async () => ({ ok: true, value: null }) });
    expect(office.caFingerprint).toBe(ca);
    expect(await attempt(counter.credentials)).toMatchObject({ status: 200 });
    expectTlsRefusal(await attempt(desk.credentials));
    await expect(enrol('Late desk')).rejects.toMatchObject({ messageKey: 'office.codeRefused' });
  });
});
