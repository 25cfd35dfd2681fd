import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { workstationNameSchema } from './authority';
import type { OfficeAuthority, Workstation } from './authority';
import { failure, parseJson, readBody, sendJson, TOO_LARGE } from './http';

/**
 * One-time enrolment codes, and the enrolment listener's single route. A supervisor makes a
 * code on the server; whoever sets up the workstation types it there; the workstation sends it
 * with its public key (in a CSR) and gets its client certificate and the office CA back.
 * Codes live in memory only: a server restart forgets them, which is the safe way to fail.
 */

/** Crockford base32: no I, L, O, U, so what is read aloud is what is typed. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;
export const CODE_TTL_MS = 15 * 60_000;
/** Wrong codes tried (against any code) before every live code is burnt. */
export const MAX_WRONG_TRIES = 5;
/** More live codes than this is a mistake, not an office enrolling desks. */
const MAX_LIVE_CODES = 10;
const MAX_ENROL_BODY = 64 * 1024;

export interface EnrolmentCode {
  /** As shown: two groups of five, e.g. `7KQ2M-XW9RT`. */
  readonly code: string;
  readonly expiresAt: Date;
}

export interface EnrolmentCodes {
  create(): EnrolmentCode;
  /** True once for a live code; any wrong try counts against every live code. */
  redeem(given: string): boolean;
  /** How many codes can still be used. */
  live(): number;
}

interface LiveCode {
  digest: Buffer;
  expiresAt: number;
}

export function createEnrolmentCodes(opts: { ttlMs?: number; now?: () => number } = {}): EnrolmentCodes {
  const ttl = opts.ttlMs ?? CODE_TTL_MS;
  const now = opts.now ?? Date.now;
  let codes: LiveCode[] = [];
  let wrongTries = 0;
  const prune = (): void => {
    codes = codes.filter((c) => c.expiresAt > now());
    if (codes.length === 0) wrongTries = 0;
  };
  return {
    create() {
      prune();
      if (codes.length >= MAX_LIVE_CODES) throw new Error(`at most ${MAX_LIVE_CODES} enrolment codes can be waiting at once`);
      let raw = '';
      for (let i = 0; i < CODE_LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
      const expiresAt = now() + ttl;
      codes.push({ digest: digest(raw), expiresAt });
      return { code: `${raw.slice(0, 5)}-${raw.slice(5)}`, expiresAt: new Date(expiresAt) };
    },
    redeem(given) {
      prune();
      const wanted = digest(normalise(given));
      // Compare with every live code, in constant time (digests of equal length), before deciding.
      let match = -1;
      codes.forEach((c, i) => {
        if (timingSafeEqual(c.digest, wanted) && match < 0) match = i;
      });
      if (match >= 0) {
        codes.splice(match, 1);
        return true;
      }
      wrongTries += 1;
      if (wrongTries >= MAX_WRONG_TRIES) {
        codes = [];
        wrongTries = 0;
      }
      return false;
    },
    live() {
      prune();
      return codes.length;
    },
  };
}

/** What was typed, in the form the code was made: upper case, no separators, the look-alikes read as digits. */
function normalise(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

function digest(code: string): Buffer {
  return createHash('sha256').update(code, 'utf8').digest();
}

export const enrolRequestSchema = z
  .object({
    code: z.string().min(1).max(32),
    name: workstationNameSchema,
    csr: z.string().max(16_384).optional(),
    publicKey: z.string().max(16_384).optional(),
  })
  .strict()
  .refine((r) => (r.csr === undefined) !== (r.publicKey === undefined), { error: 'send either a CSR or a public key' });

export const enrolResponseSchema = z
  .object({
    ok: z.literal(true),
    value: z.object({ id: z.string(), name: z.string(), certificate: z.string(), caCertificate: z.string() }).strict(),
  })
  .strict();
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

/**
 * The enrolment listener's request handler: POST /enrol, nothing else (404). A request that is
 * not well formed is refused before its code is looked at (no try used, nothing learnt); a
 * well-formed one uses its try whatever follows.
 */
export function enrolmentRequestListener(
  authority: OfficeAuthority,
  codes: EnrolmentCodes,
  onEnrolled: (w: Workstation) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url !== '/enrol') {
      req.resume();
      return sendJson(res, 404, failure('not_found', 'errors.not_found'));
    }
    const body = await readBody(req, MAX_ENROL_BODY);
    if (body === null) return sendJson(res, 413, TOO_LARGE, { connection: 'close' });
    const parsed = enrolRequestSchema.safeParse(parseJson(body));
    if (!parsed.success) return sendJson(res, 400, failure('invalid_input', 'errors.invalid_input'));
    if (!codes.redeem(parsed.data.code)) return sendJson(res, 403, failure('forbidden', 'office.codeRefused'));
    let issued;
    try {
      issued = authority.issueWorkstation({ name: parsed.data.name, csr: parsed.data.csr, publicKey: parsed.data.publicKey });
    } catch {
      // The code is spent all the same: a bad CSR after a good code is not worth a second chance.
      return sendJson(res, 400, failure('invalid_input', 'office.badKey'));
    }
    onEnrolled(issued.workstation);
    const answer: EnrolResponse = {
      ok: true,
      value: { id: issued.workstation.id, name: issued.workstation.name, certificate: issued.certificate, caCertificate: issued.caCertificate },
    };
    sendJson(res, 200, answer);
  }
  return (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, failure('internal', 'errors.internal'));
    });
  };
}
