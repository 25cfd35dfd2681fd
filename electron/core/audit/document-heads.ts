import { z } from 'zod';
import type { Sqlite } from '../db/open';
import type { AuditRow } from './entry';

/**
 * Every signed document in the register carries the audit trail's head at the moment it was made
 * (the referral packet prints it, under the office signature, and IOM keeps a copy). Those heads
 * are anchors the trail cannot take back: a trail that no longer holds an entry with that MAC,
 * written at or before the document, was cut or rewritten behind the document.
 */
export interface DocumentHead {
  number: string;
  generatedAt: string;
  head: string;
}

const docRow = z.object({ number: z.string(), generated_at: z.string(), head: z.string().nullable() });

/** A packet made on an empty trail carries zeros: nothing to look for. */
const EMPTY_TRAIL_HEAD = /^0+$/;

export function readDocumentHeads(sqlite: Sqlite): DocumentHead[] {
  const rows = sqlite
    .prepare(
      `SELECT number, generated_at, json_extract(input, '$.auditChainHead') AS head
         FROM documents WHERE signed = 1 AND json_valid(input) ORDER BY generated_at, number`,
    )
    .all();
  const out: DocumentHead[] = [];
  for (const raw of rows) {
    const r = docRow.parse(raw);
    if (r.head !== null && !EMPTY_TRAIL_HEAD.test(r.head)) out.push({ number: r.number, generatedAt: r.generated_at, head: r.head });
  }
  return out;
}

export interface MissingDocumentHead {
  /** Register number of the first document whose head the trail has lost. */
  document: string;
  /** Where the lost entry should be: the first row written after the document (rows.length if none). */
  index: number;
  seq: number;
}

export function findMissingDocumentHead(rows: readonly AuditRow[], documents: readonly DocumentHead[]): MissingDocumentHead | null {
  const atByMac = new Map<string, string>();
  for (const r of rows) atByMac.set(r.mac, r.at);
  for (const d of documents) {
    const at = atByMac.get(d.head);
    // ISO-8601 UTC text of one shape on both sides: text order is time order.
    if (at !== undefined && at <= d.generatedAt) continue;
    const index = rows.findIndex((r) => r.at > d.generatedAt);
    const last = rows[rows.length - 1];
    return { document: d.number, index: index < 0 ? rows.length : index, seq: index < 0 ? (last?.seq ?? 0) + 1 : (rows[index]?.seq ?? 0) };
  }
  return null;
}
