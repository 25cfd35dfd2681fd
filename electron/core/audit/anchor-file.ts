import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../durable-file';
import { z } from 'zod';
import type { AuditHead } from './verify';

/**
 * The audit trail's head kept outside the database, in a file of its own next to it. It is
 * rewritten after every audited write, so it must be small and cheap, and it must never be seen
 * half-written (a torn file would look like tampering): temp file, fsync, rename.
 */
export const AUDIT_ANCHOR_FILE = 'audit-anchor.json';

const anchorSchema = z
  .object({
    format: z.literal('avrr-audit-anchor'),
    seq: z.number().int().min(1),
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

/** The anchor file exists but is not an anchor: someone wrote it by hand. */
export class AuditAnchorFileError extends Error {
  constructor(file: string, reason: string) {
    super(`${file} is not a valid audit anchor: ${reason}`);
    this.name = 'AuditAnchorFileError';
  }
}

/** The recorded head, or null when no anchor was ever written (a new or older data folder). */
export function readAnchorFile(file: string): AuditHead | null {
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AuditAnchorFileError(file, e instanceof Error ? e.message : String(e));
  }
  const r = anchorSchema.safeParse(json);
  if (!r.success) throw new AuditAnchorFileError(file, r.error.issues.map((i) => i.message).join('; '));
  return { seq: r.data.seq, mac: r.data.mac };
}

export function writeAnchorFile(file: string, head: AuditHead): void {
  writeFileAtomic(file, JSON.stringify(anchorSchema.parse({ format: 'avrr-audit-anchor', seq: head.seq, mac: head.mac })));
}
