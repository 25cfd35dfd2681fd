import { generateKeyPair, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import type { RequestOptions } from 'node:https';
import { isIP } from 'node:net';
import { connect } from 'node:tls';
import { join } from 'node:path';
import forge from 'node-forge';
import { z } from 'zod';
import { ipcError, ipcErrorCodes } from '../../shared/ipc/errors';
import type { IpcResult } from '../../shared/ipc/errors';
import type { SecretSealer } from '../core/keys/sealer';
import { workstationNameSchema, writeAtomic } from './authority';
import { enrolResponseSchema } from './enrolment';

/**
 * The workstation's side: enrol once (make a key pair, send a CSR with the one-time code, keep
 * the certificate and the office CA), then forward every `invoke` over mutual TLS. The private
 * key is stored sealed by the given SecretSealer (the OS key store in Electron); certificates
 * are public and stored as they are.
 */

export interface WorkstationCredentials {
  /** PEM private key (PKCS#8), unsealed in memory only. */
  readonly key: string;
  readonly cert: string;
  /** The office CA: the only authority the workstation trusts for the server. */
  readonly ca: string;
}

export interface EnrolledWorkstation {
  readonly id: string;
  readonly name: string;
  readonly credentials: WorkstationCredentials;
}

/** The files of an enrolled workstation, inside the folder given to enrolWorkstation. */
export const credentialFiles = {
  key: 'workstation-key.sealed',
  cert: 'workstation-cert.pem',
  ca: 'office-ca.pem',
  info: 'workstation.json',
} as const;

/** What enrolment refused, as an error the setup screen can show (i18n key under `office`). */
export class EnrolmentError extends Error {
  constructor(readonly messageKey: string, cause?: unknown) {
    super(messageKey, { cause });
    this.name = 'EnrolmentError';
  }
}

const infoSchema = z.object({ id: z.string(), name: z.string(), enrolledAt: z.string() }).strict();

/**
 * Enrols this workstation with the office server at `url` (the enrolment port, https://host:port).
 * `caFingerprint`, when given (read out from the server's console with the code), must match the
 * CA that signed the server's certificate before the code is sent; without it the first
 * connection is trusted as it is and the CA is pinned from then on.
 */
export async function enrolWorkstation(opts: {
  url: string;
  code: string;
  name: string;
  folder: string;
  sealer: SecretSealer;
  caFingerprint?: string;
}): Promise<EnrolledWorkstation> {
  if (!workstationNameSchema.safeParse(opts.name).success) throw new EnrolmentError('office.badName');
  const { privateKey, publicKey } = await new Promise<{ privateKey: string; publicKey: string }>((ok, fail) =>
    generateKeyPair(
      'rsa',
      { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } },
      (e, pub, priv) => (e ? fail(e) : ok({ privateKey: priv, publicKey: pub })),
    ),
  );
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.publicKeyFromPem(publicKey);
  csr.setSubject([{ shortName: 'CN', value: 'AVRR workstation' }]);
  csr.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());

  const endpoint = new URL('/enrol', opts.url);
  const serverCa = await serverAuthority(endpoint, opts.caFingerprint);
  let reply;
  try {
    reply = await postJson(
      endpoint,
      { code: opts.code, name: opts.name, csr: forge.pki.certificationRequestToPem(csr) },
      { ca: [serverCa.toString()], minVersion: 'TLSv1.3', timeout: 30_000 },
    );
  } catch (e) {
    throw new EnrolmentError('office.unreachable', e);
  }
  const { status, body } = reply;
  if (status === 403) throw new EnrolmentError('office.codeRefused');
  const parsed = enrolResponseSchema.safeParse(body);
  if (status !== 200 || !parsed.success) throw new EnrolmentError('office.enrolFailed');
  const issued = parsed.data.value;

  // What came back must be the CA the TLS connection showed, and must certify the key made here.
  const ca = new X509Certificate(issued.caCertificate);
  const cert = new X509Certificate(issued.certificate);
  if (ca.fingerprint256 !== serverCa.fingerprint256 || !cert.verify(ca.publicKey) || cert.publicKey.export({ type: 'spki', format: 'pem' }).toString() !== publicKey) {
    throw new EnrolmentError('office.enrolFailed');
  }

  writeAtomic(join(opts.folder, credentialFiles.key), opts.sealer.seal(Buffer.from(privateKey, 'utf8')));
  writeAtomic(join(opts.folder, credentialFiles.cert), issued.certificate);
  writeAtomic(join(opts.folder, credentialFiles.ca), issued.caCertificate);
  writeAtomic(join(opts.folder, credentialFiles.info), JSON.stringify({ id: issued.id, name: issued.name, enrolledAt: new Date().toISOString() }, null, 2));
  return { id: issued.id, name: issued.name, credentials: { key: privateKey, cert: issued.certificate, ca: issued.caCertificate } };
}

/** The credentials enrolWorkstation stored in `folder`, or null if it was never enrolled. */
export function loadWorkstationCredentials(folder: string, sealer: SecretSealer): (EnrolledWorkstation & { enrolledAt: string }) | null {
  const path = (name: keyof typeof credentialFiles): string => join(folder, credentialFiles[name]);
  if (!(['key', 'cert', 'ca', 'info'] as const).every((k) => existsSync(path(k)))) return null;
  const info = infoSchema.parse(JSON.parse(readFileSync(path('info'), 'utf8')));
  return {
    ...info,
    credentials: {
      key: sealer.unseal(readFileSync(path('key'))).toString('utf8'),
      cert: readFileSync(path('cert'), 'utf8'),
      ca: readFileSync(path('ca'), 'utf8'),
    },
  };
}

/** Forwards one call to the office server. Never throws: a network failure is an error value. */
export type OfficeInvoker = ((channel: string, input: unknown) => Promise<IpcResult<unknown>>) & {
  /** Drops the kept-alive connections (at sign-out or when the app quits). */
  close(): void;
};

const fieldIssueSchema = z.object({ path: z.array(z.union([z.string(), z.number()])), messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
const ipcResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(ipcErrorCodes),
      messageKey: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      issues: z.array(fieldIssueSchema).optional(),
      gaps: z.array(z.object({ key: z.string(), section: z.string().nullable(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })).optional(),
    }),
  }),
]);

/**
 * `invoke` over mutual TLS to `url` (the office server's main port). The server is trusted only
 * if its certificate chains to the pinned office CA and names the host in `url`.
 */
export function officeInvoker(opts: { url: string; credentials: WorkstationCredentials; timeoutMs?: number }): OfficeInvoker {
  const agent = new Agent({
    keepAlive: true,
    key: opts.credentials.key,
    cert: opts.credentials.cert,
    ca: [opts.credentials.ca],
    minVersion: 'TLSv1.3',
    maxVersion: 'TLSv1.3',
    // An idle kept-alive connection is closed here after 30 s, before the server's 65 s.
    timeout: 30_000,
  });
  const endpoint = new URL('/invoke', opts.url);
  const invoke = async (channel: string, input: unknown): Promise<IpcResult<unknown>> => {
    try {
      const { status, body } = await postJson(endpoint, { channel, input }, { agent, timeout: opts.timeoutMs ?? 30_000 });
      const result = ipcResultSchema.safeParse(body);
      if (result.success) return result.data;
      return { ok: false, error: ipcError('internal', { messageKey: 'office.badAnswer', params: { status } }) };
    } catch (e) {
      // No new error code (shared/ipc/errors.ts is shared): 'internal' with its own message key.
      const cause = e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : 'network';
      return { ok: false, error: ipcError('internal', { messageKey: 'office.unreachable', params: { cause } }) };
    }
  };
  return Object.assign(invoke, { close: () => agent.destroy() });
}

/** POSTs JSON; answers the status and the parsed body (undefined if not JSON). */
function postJson(url: URL, payload: unknown, options: RequestOptions): Promise<{ status: number; body: unknown }> {
  const data = Buffer.from(JSON.stringify(payload), 'utf8');
  return new Promise((ok, fail) => {
    const req = request(url, { ...options, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(data.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        } catch {
          body = undefined;
        }
        ok({ status: res.statusCode ?? 0, body });
      });
      res.on('error', fail);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', fail);
    req.end(data);
  });
}

/**
 * Enrolment's first look at the server, before the code is sent anywhere: a TLS handshake that
 * only reads the chain. Answers the self-signed CA at its end if the server certificate really is
 * signed by it (and, with `caFingerprint`, if it is that CA); the request itself then verifies
 * the server against this CA and the host name, as every later call does.
 */
function serverAuthority(url: URL, caFingerprint: string | undefined): Promise<X509Certificate> {
  const wanted = caFingerprint?.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return new Promise((ok, fail) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = connect({ host, port: Number(url.port || 443), servername: isIP(host) ? undefined : host, rejectUnauthorized: false, minVersion: 'TLSv1.3' }, () => {
      // In this order: after getPeerX509Certificate(), Node 22 no longer gives the issuer chain.
      const issuer = socket.getPeerCertificate(true).issuerCertificate;
      const leaf = socket.getPeerX509Certificate();
      socket.destroy();
      const ca = issuer?.raw ? new X509Certificate(issuer.raw) : null;
      if (!leaf || !ca || !ca.ca || !ca.verify(ca.publicKey) || !leaf.verify(ca.publicKey)) return fail(new EnrolmentError('office.caMismatch'));
      if (wanted !== undefined && ca.fingerprint256.replace(/:/g, '') !== wanted) return fail(new EnrolmentError('office.caMismatch'));
      ok(ca);
    });
    socket.on('error', (e) => fail(new EnrolmentError('office.unreachable', e)));
  });
}
