import { createHmac, hkdfSync } from 'node:crypto';
import type { AuditEntry } from './entry';

/**
 * The HMAC chain over the audit trail: mac_n = HMAC-SHA256(auditKey, mac_{n-1} || encode(n, entry_n)),
 * mac_0 = 32 zero bytes. The audit key is derived from the database key and never stored, so a
 * person who edits the database file without the key cannot forge entries; a person with the key
 * can, which is why the head should also be anchored outside the database (see verify.ts).
 */
export const AUDIT_KEY_INFO = 'avrr-audit-v1';
export const GENESIS_MAC: Buffer = Buffer.alloc(32);

/** HKDF-SHA256(dbKey, info "avrr-audit-v1") -> 32 bytes. Domain-separated from the page key. */
export function deriveAuditKey(dbKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), AUDIT_KEY_INFO, 32));
}

const MAGIC = Buffer.from('avrr-audit-entry-v1\u0000', 'utf8');
const FIELDS = ['at', 'userId', 'username', 'role', 'action', 'caseId', 'outcome', 'workstation'] as const satisfies readonly (keyof AuditEntry)[];

/** The fields the MAC covers, as plain strings: an AuditEntry, or a stored row as read back (valid or not). */
export type ChainFields = { readonly [K in (typeof FIELDS)[number]]: string | null } & { readonly detail?: string | null };

/**
 * Canonical bytes of entry `seq`: a version tag, the seq as a big-endian u64, then each field in
 * a fixed order as null (0x00) or present (0x01, u32 byte length, UTF-8). Length-prefixing makes
 * the encoding injective (no "ab"+"c" = "a"+"bc"), and including the seq makes a row's MAC valid
 * at one position only, which is how verify tells a moved row from an edited one.
 */
export function encodeEntry(seq: number, entry: ChainFields): Buffer {
  const parts: Buffer[] = [MAGIC];
  const head = Buffer.alloc(8);
  head.writeBigUInt64BE(BigInt(seq));
  parts.push(head);
  for (const field of FIELDS) {
    const value = entry[field];
    if (value === null) {
      parts.push(Buffer.of(0));
      continue;
    }
    parts.push(...present(value));
  }
  // Entries written before `detail` existed end here, so their MACs still verify; one with a
  // detail carries it as a ninth present field (the encoding stays injective: every field is
  // length-prefixed, so an entry with a detail is never the bytes of one without).
  if (entry.detail !== undefined && entry.detail !== null) parts.push(...present(entry.detail));
  return Buffer.concat(parts);
}

function present(value: string): Buffer[] {
  const bytes = Buffer.from(value, 'utf8');
  const len = Buffer.alloc(5);
  len.writeUInt8(1, 0);
  len.writeUInt32BE(bytes.length, 1);
  return [len, bytes];
}

export function computeMac(auditKey: Buffer, prevMac: Buffer, seq: number, entry: ChainFields): Buffer {
  return createHmac('sha256', auditKey).update(prevMac).update(encodeEntry(seq, entry)).digest();
}
