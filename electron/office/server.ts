import { randomBytes } from 'node:crypto';
import { createServer } from 'node:https';
import type { Server, ServerOptions } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { TLSSocket } from 'node:tls';
import { z } from 'zod';
import { MAX_ATTACHMENT_BASE64 } from '../../shared/schema/attachments';
import { openAuthority } from './authority';
import type { Workstation } from './authority';
import { createEnrolmentCodes, enrolmentRequestListener } from './enrolment';
import type { EnrolmentCode } from './enrolment';
import { failure, parseJson, readBody, sendJson, TOO_LARGE } from './http';

/**
 * The office server's transport: HTTPS, TLS 1.3 only, mutual TLS against the office CA with its
 * revocation list. It knows nothing of the core: each call is handed to `handler` with the
 * workstation its certificate names. A second listener, server-authenticated only, serves the
 * enrolment route. There is no plaintext listener, and no option to make one.
 */

/** The largest call: a scan at the attachment limit, base64 in JSON, plus room for the rest (as in web/server.ts). */
export const MAX_INVOKE_BODY_BYTES = MAX_ATTACHMENT_BASE64 + 256 * 1024;

/** The workstation a call came from, as its certificate and the registry say. */
export interface OfficeWorkstation {
  /** The certificate's serial, lower-case hex. */
  readonly id: string;
  readonly name: string;
  /** SHA-256 of the certificate, lower-case hex. */
  readonly fingerprint: string;
}

export interface OfficeRequest {
  readonly workstation: OfficeWorkstation;
  readonly path: '/invoke';
  readonly body: { channel: string; input: unknown };
}

/** Answers one call; its value (an IpcResult) is sent back as JSON. */
export type OfficeHandler = (request: OfficeRequest) => Promise<unknown>;

/** Events for the server's console or log, as i18n keys under `office.log` with their values. */
export type OfficeLog = (key: string, params: Record<string, string>) => void;

export interface OfficeTransportOptions {
  readonly dataDir: string;
  /** Address to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** Names and addresses the server certificate must carry; default localhost, 127.0.0.1 and `host`. */
  readonly serverNames?: readonly string[];
  /** 0: any free port. */
  readonly port: number;
  readonly enrolPort: number;
  readonly handler: OfficeHandler;
  readonly log?: OfficeLog;
  /** Lifetime of enrolment codes (tests shorten it). */
  readonly codeTtlMs?: number;
  /** A workstation was just enrolled (the office server audits it). */
  readonly onEnrolled?: (workstation: Workstation) => void;
}

export interface OfficeTransport {
  readonly port: number;
  readonly enrolPort: number;
  /** SHA-256 of the office CA certificate (`AB:CD:…`), to read out when enrolling a workstation. */
  readonly caFingerprint: string;
  createEnrolmentCode(): EnrolmentCode;
  /** Refused from the next handshake on; its open connections are cut now. False if unknown. */
  revokeWorkstation(id: string): boolean;
  listWorkstations(): Workstation[];
  close(): Promise<void>;
}

const invokeBodySchema = z.object({ channel: z.string().min(1).max(200), input: z.unknown() }).strict();

export async function startOfficeTransport(opts: OfficeTransportOptions): Promise<OfficeTransport> {
  const host = opts.host ?? '127.0.0.1';
  const log: OfficeLog = opts.log ?? (() => {});
  const names = new Set(opts.serverNames ?? ['localhost', '127.0.0.1']);
  if (isIP(host) && host !== '0.0.0.0' && host !== '::') names.add(host);
  const authority = openAuthority(opts.dataDir, { hosts: [...names] });
  const codes = createEnrolmentCodes({ ttlMs: opts.codeTtlMs });
  /** Open mutual-TLS connections by workstation id, so a revocation can cut them. */
  const openSockets = new Map<string, Set<TLSSocket>>();

  const tlsOptions = (): ServerOptions => {
    const pems = authority.pems();
    return {
      key: pems.serverKey,
      // The chain includes the CA so a workstation enrolling can check it against the fingerprint read out.
      cert: pems.serverCert + pems.caCert,
      ca: [pems.caCert],
      crl: pems.crl,
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.3',
      maxVersion: 'TLSv1.3',
    };
  };

  const server: Server = createServer(tlsOptions(), (req, res) => {
    handle(req, res).catch((e: unknown) => {
      // The error's name only: its message may quote what was being saved (Protected B).
      log('office.log.internalError', { error: e instanceof Error ? e.name : typeof e });
      if (!res.headersSent) sendJson(res, 500, failure('internal', 'errors.internal'));
    });
  });

  // Longer than the workstation agent's idle timeout (client.ts), so it is the client that closes
  // an idle connection: never the server just as the client sends a call on it.
  server.keepAliveTimeout = 65_000;

  server.on('secureConnection', (socket: TLSSocket) => {
    const who = peerOf(socket);
    const known = who ? authority.find(who.id) : undefined;
    // The TLS layer has checked the chain and the CRL; this also refuses a resumed session of a
    // certificate revoked since, and one the registry does not know (a CA file put back from elsewhere).
    if (!who || !known || known.revokedAt !== null || known.fingerprint !== who.fingerprint) {
      log('office.log.refused', { reason: 'not enrolled or revoked', id: who?.id ?? '-' });
      socket.destroy();
      return;
    }
    const set = openSockets.get(who.id) ?? new Set<TLSSocket>();
    set.add(socket);
    openSockets.set(who.id, set);
    socket.once('close', () => {
      set.delete(socket);
      if (set.size === 0) openSockets.delete(who.id);
    });
  });
  server.on('tlsClientError', (e: Error, socket: TLSSocket) => {
    log('office.log.refused', { reason: socket.authorizationError ? String(socket.authorizationError) : e.message, id: '-' });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const socket = req.socket;
    const who = socket instanceof TLSSocket ? peerOf(socket) : null;
    const known = who ? authority.find(who.id) : undefined;
    if (!who || !known || known.revokedAt !== null || known.fingerprint !== who.fingerprint) {
      // Not reachable through the TLS checks above; kept so no call is ever answered without a workstation.
      socket.destroy();
      return;
    }
    if (req.method !== 'POST' || req.url !== '/invoke') {
      req.resume();
      return sendJson(res, 404, failure('not_found', 'errors.not_found'));
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      req.resume();
      return sendJson(res, 415, failure('invalid_input', 'errors.invalid_input'));
    }
    const text = await readBody(req, MAX_INVOKE_BODY_BYTES);
    if (text === null) return sendJson(res, 413, TOO_LARGE, { connection: 'close' });
    const body = invokeBodySchema.safeParse(parseJson(text));
    if (!body.success) return sendJson(res, 400, failure('invalid_input', 'errors.invalid_input'));
    const result = await opts.handler({
      workstation: { id: known.id, name: known.name, fingerprint: known.fingerprint },
      path: '/invoke',
      body: { channel: body.data.channel, input: body.data.input ?? {} },
    });
    sendJson(res, 200, result);
  }

  const enrolServer: Server = createServer(
    { key: authority.pems().serverKey, cert: authority.pems().serverCert + authority.pems().caCert, minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' },
    enrolmentRequestListener(authority, codes, (w) => {
      log('office.log.enrolled', { name: w.name, id: w.id });
      opts.onEnrolled?.(w);
    }),
  );

  await listen(server, opts.port, host);
  try {
    await listen(enrolServer, opts.enrolPort, host);
  } catch (e) {
    await closeServer(server);
    throw e;
  }
  const port = portOf(server);
  const enrolPort = portOf(enrolServer);
  log('office.log.listening', { host, port: String(port), enrolPort: String(enrolPort), ca: authority.caFingerprint() });

  return {
    port,
    enrolPort,
    caFingerprint: authority.caFingerprint(),
    createEnrolmentCode() {
      const code = codes.create();
      log('office.log.code', { code: code.code, expiresAt: code.expiresAt.toISOString(), ca: authority.caFingerprint() });
      return code;
    },
    revokeWorkstation(id) {
      if (!authority.revoke(id)) return false;
      server.setSecureContext(tlsOptions());
      // New ticket keys: a session ticket issued before the revocation cannot skip the certificate check.
      server.setTicketKeys(randomBytes(48));
      for (const socket of openSockets.get(id.toLowerCase()) ?? []) socket.destroy();
      log('office.log.revoked', { id: id.toLowerCase() });
      return true;
    },
    listWorkstations: () => authority.list(),
    close: async () => {
      await Promise.all([closeServer(server), closeServer(enrolServer)]);
    },
  };
}

/** The client certificate's serial and fingerprint as this module writes them, or null. */
function peerOf(socket: TLSSocket): { id: string; fingerprint: string } | null {
  const cert = socket.getPeerCertificate();
  if (!cert || !cert.serialNumber || !cert.fingerprint256) return null;
  return { id: cert.serialNumber.toLowerCase(), fingerprint: cert.fingerprint256.replace(/:/g, '').toLowerCase() };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
}

function portOf(server: Server): number {
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the office server is not listening');
  return address.port;
}

/** Stops at once: open keep-alive connections do not hold the server (and its data folder). */
function closeServer(server: Server): Promise<void> {
  return new Promise((ok) => {
    server.close(() => ok());
    server.closeAllConnections();
  });
}
