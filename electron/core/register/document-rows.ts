import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { documentTypes } from '../../../shared/schema/documents-api';
import type { DocumentInfo, DocumentType } from '../../../shared/schema/documents-api';
import { forIomTypes } from '../../../shared/print/for-iom';
import type { Db, Sqlite } from '../db/open';
import { cases, documents } from '../db/schema';

/**
 * The `documents` table (the register): its row type from the drizzle schema, every read and
 * write of it. The list rows keep their hand-written SQL (a join with print-log subqueries) and
 * are parsed with zod as they are read.
 */
export type DocumentRow = typeof documents.$inferSelect;
export type NewDocumentRow = typeof documents.$inferInsert;

const documentType = z.enum(documentTypes);

/** How many documents of this type the case has (the next one's version is this + 1). */
export function countDocuments(db: Db, caseId: string, type: DocumentType): number {
  return db.select({ n: count() }).from(documents).where(and(eq(documents.caseId, caseId), eq(documents.type, type))).get()?.n ?? 0;
}

/** Inside the caller's transaction. */
export function insertDocument(db: Db, row: NewDocumentRow): void {
  db.insert(documents).values(row).run();
}

/** A withdrawn case's referral packets: out of the print queue, never printed again as current (inside the caller's transaction). */
export function supersedePackets(db: Db, caseId: string, at: string): void {
  db.update(documents)
    .set({ supersededAt: at })
    .where(and(eq(documents.caseId, caseId), eq(documents.type, 'referral_packet'), isNull(documents.supersededAt)))
    .run();
}

/** The number of the case's latest referral packet, if it has one. */
export function latestPacketNumber(db: Db, caseId: string): string | null {
  const r = db
    .select({ number: documents.number })
    .from(documents)
    .where(and(eq(documents.caseId, caseId), eq(documents.type, 'referral_packet')))
    .orderBy(desc(documents.version))
    .limit(1)
    .get();
  return r?.number ?? null;
}

export interface PrintableDocument {
  id: string;
  number: string;
  type: DocumentType;
  caseId: string;
  /** The validated render input, JSON (rendered again for a copy). */
  input: string;
  pdf: Buffer;
  supersededAt: string | null;
  /** The case's status (a withdrawn case's packet is printed only for the file). */
  caseStatus: string;
}

/** A document with what printing it needs to know. */
export function printableDocument(db: Db, documentId: string): PrintableDocument | undefined {
  const r = db
    .select({
      id: documents.id,
      number: documents.number,
      type: documents.type,
      caseId: documents.caseId,
      input: documents.input,
      pdf: documents.pdf,
      supersededAt: documents.supersededAt,
      caseStatus: cases.status,
    })
    .from(documents)
    .innerJoin(cases, eq(cases.id, documents.caseId))
    .where(eq(documents.id, documentId))
    .get();
  return r && { ...r, type: documentType.parse(r.type) };
}

/** A document as generated, to view. */
export function documentForView(db: Db, documentId: string): { number: string; caseId: string; pdf: Buffer } | undefined {
  return db.select({ number: documents.number, caseId: documents.caseId, pdf: documents.pdf }).from(documents).where(eq(documents.id, documentId)).get();
}

const docSelect = `SELECT d.id, d.number, d.type, d.case_id, c.case_number, d.version, d.sha256, d.content_hash, d.signed, d.generated_at, d.superseded_at,
       COALESCE(u.display_name, d.generated_by) AS generated_by,
       (SELECT count(*) FROM print_log l WHERE l.document_id = d.id AND l.kind IN ('print', 'reprint')) AS print_count,
       (SELECT max(at) FROM print_log l WHERE l.document_id = d.id AND l.kind IN ('print', 'reprint')) AS last_printed_at
  FROM documents d JOIN cases c ON c.id = d.case_id LEFT JOIN users u ON u.id = d.generated_by`;

/** A row of `docSelect`, checked as it is read and mapped to what the screens show. */
const documentInfoRow = z
  .object({
    id: z.string(),
    number: z.string(),
    type: documentType,
    case_id: z.string(),
    case_number: z.string(),
    version: z.number().int(),
    sha256: z.string(),
    content_hash: z.string().nullable(),
    signed: z.number().int(),
    generated_at: z.string(),
    generated_by: z.string(),
    superseded_at: z.string().nullable(),
    print_count: z.number().int(),
    last_printed_at: z.string().nullable(),
  })
  .transform(
    (r): DocumentInfo => ({
      id: r.id,
      number: r.number,
      type: r.type,
      caseId: r.case_id,
      caseNumber: r.case_number,
      version: r.version,
      sha256: r.sha256,
      contentHash: r.content_hash,
      signed: r.signed === 1,
      generatedAt: r.generated_at,
      generatedBy: r.generated_by,
      superseded: r.superseded_at !== null,
      printCount: r.print_count,
      lastPrintedAt: r.last_printed_at,
    }),
  );
const documentInfoRows = z.array(documentInfoRow);

export function listCaseDocuments(sqlite: Sqlite, caseId: string): DocumentInfo[] {
  return documentInfoRows.parse(sqlite.prepare(`${docSelect} WHERE d.case_id = ? ORDER BY d.generated_at`).all(caseId));
}

/** What puts a document (`d`) in the clerk's queue: for IOM, current, not printed yet. One condition for the queue and for the check. */
const queued = `d.type IN (${forIomTypes.map((t) => `'${t}'`).join(', ')}) AND d.superseded_at IS NULL AND NOT EXISTS (SELECT 1 FROM print_log l WHERE l.document_id = d.id AND l.kind IN ('print', 'reprint'))`;

/** The clerk's queue: packets and notices for IOM not printed yet, oldest first. */
export function printQueue(sqlite: Sqlite): DocumentInfo[] {
  return documentInfoRows.parse(sqlite.prepare(`${docSelect} WHERE ${queued} ORDER BY d.generated_at LIMIT 200`).all());
}

/** Whether the document waits in the print queue now. */
export function inPrintQueue(sqlite: Sqlite, documentId: string): boolean {
  return sqlite.prepare(`SELECT 1 FROM documents d WHERE d.id = ? AND ${queued}`).get(documentId) !== undefined;
}
