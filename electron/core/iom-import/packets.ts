import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open';
import { documents } from '../db/schema';

/**
 * Which case a referral packet number names (reads the `documents` table only; its writes stay
 * in register/document-rows.ts). Many numbers in one query per chunk: a file names thousands.
 */
export interface PacketRef {
  caseId: string;
  superseded: boolean;
}

export function packetsByNumber(db: Db, numbers: readonly string[]): Map<string, PacketRef> {
  const out = new Map<string, PacketRef>();
  const unique = [...new Set(numbers)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = db
      .select({ number: documents.number, caseId: documents.caseId, supersededAt: documents.supersededAt })
      .from(documents)
      .where(and(eq(documents.type, 'referral_packet'), inArray(documents.number, unique.slice(i, i + 500))))
      .all();
    for (const r of rows) out.set(r.number, { caseId: r.caseId, superseded: r.supersededAt !== null });
  }
  return out;
}
