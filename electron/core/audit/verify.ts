import { timingSafeEqual } from 'node:crypto';
import { GENESIS_MAC, computeMac } from './chain';
import type { AuditRow } from './entry';

export type TamperKind = 'edited' | 'deleted' | 'inserted' | 'reordered';

export type VerifyResult =
  | { ok: true; count: number; head: AuditHead | null }
  | {
      ok: false;
      /** Position in `rows` of the first bad entry (rows.length when entries are missing at the end). */
      index: number;
      /** The sequence number the trail expected at that position (for 'deleted', the first missing one). */
      seq: number;
      kind: TamperKind;
    };

/** The last (seq, mac) of a trail: kept outside the database, it lets verify notice a cut-off tail. */
export interface AuditHead {
  seq: number;
  mac: string;
}

/**
 * Check the chain and say where and how it was first broken.
 *
 * Walk the rows in the order given; row i must carry seq = previous seq + 1 (1 for the first) and
 * mac = HMAC(prev mac || encode(seq, entry)). At the first row that does not:
 * - its seq is what was expected but its MAC is wrong:
 *     the next row has the same seq and verifies from here -> 'inserted' (a forged row before it);
 *     its MAC is valid at another position of the trail   -> 'reordered' (rows' contents swapped);
 *     otherwise                                          -> 'edited';
 * - its seq is lower than expected (a seq seen already)   -> 'inserted';
 * - its seq is higher than expected:
 *     the expected seq comes later and this row's MAC is valid at its own seq -> 'reordered';
 *     the expected seq comes later but this row is not genuine               -> 'inserted';
 *     the expected seq is nowhere                                            -> 'deleted'.
 * Without the key nobody can make a row whose MAC verifies, so a forged row always lands in
 * 'inserted' or 'edited'. Limits: a forged row appended at the very end with the next seq reads
 * as 'edited' (nothing tells it apart), and rows cut from the end are only noticed when `head`
 * (an earlier known head of the trail) is given.
 */
export function verifyAuditChain(rows: readonly AuditRow[], auditKey: Buffer, options: { head?: AuditHead } = {}): VerifyResult {
  const macOf = (r: AuditRow): Buffer | null => (/^[0-9a-f]{64}$/.test(r.mac) ? Buffer.from(r.mac, 'hex') : null);
  // The MAC is checked over the row exactly as stored; no whitelist parse is needed here (a row
  // whose MAC verifies was whitelisted when it was written), which keeps 100k rows well under a second.
  const validAt = (r: AuditRow, seq: number, prev: Buffer | null): boolean => {
    const stored = macOf(r);
    if (!stored || !prev || !Number.isSafeInteger(seq) || seq < 1) return false;
    return timingSafeEqual(computeMac(auditKey, prev, seq, r), stored);
  };

  let prev: Buffer = GENESIS_MAC;
  let expected = 1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row) break;
    const bad = (kind: TamperKind): VerifyResult => ({ ok: false, index: i, seq: expected, kind });

    if (!Number.isSafeInteger(row.seq)) return bad('edited');
    if (row.seq === expected) {
      if (validAt(row, row.seq, prev)) {
        prev = macOf(row) ?? prev;
        expected += 1;
        continue;
      }
      const next = rows[i + 1];
      if (next && next.seq === row.seq && validAt(next, next.seq, prev)) return bad('inserted');
      if (validElsewhere(rows, i, validAt, macOf)) return bad('reordered');
      return bad('edited');
    }
    if (row.seq < expected) return bad('inserted');
    const expectedLater = rows.slice(i + 1).some((r) => r.seq === expected);
    if (!expectedLater) return bad('deleted');
    const predecessor = rows.find((r) => r.seq === row.seq - 1);
    return validAt(row, row.seq, predecessor ? macOf(predecessor) : null) ? bad('reordered') : bad('inserted');
  }

  const last = rows[rows.length - 1];
  const head = last ? { seq: last.seq, mac: last.mac } : null;
  const anchor = options.head;
  if (anchor) {
    if ((head?.seq ?? 0) < anchor.seq) return { ok: false, index: rows.length, seq: expected, kind: 'deleted' };
    const i = rows.findIndex((r) => r.seq === anchor.seq);
    if (i >= 0 && rows[i]?.mac !== anchor.mac) return { ok: false, index: i, seq: anchor.seq, kind: 'edited' };
  }
  return { ok: true, count: rows.length, head };
}

/**
 * Is row i's (content, MAC) genuine for some other position k? Position k means seq = rows[k].seq
 * and prev = the MAC before k. When the swap partner sits right after i, the MAC that originally
 * preceded k is row i's original MAC, now carried by row k itself: try that too. O(n) HMACs, and
 * only on the failure path.
 */
function validElsewhere(
  rows: readonly AuditRow[],
  i: number,
  validAt: (r: AuditRow, seq: number, prev: Buffer | null) => boolean,
  macOf: (r: AuditRow) => Buffer | null,
): boolean {
  const row = rows[i];
  if (!row) return false;
  for (let k = 0; k < rows.length; k++) {
    const at = rows[k];
    if (k === i || !at) continue;
    const before = k === 0 ? GENESIS_MAC : macOf(rows[k - 1] ?? at);
    if (validAt(row, at.seq, before)) return true;
    if (k - 1 === i && validAt(row, at.seq, macOf(at))) return true;
  }
  return false;
}
