import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { documentTypes } from '../../../shared/schema/documents-api';
import type { Db, Sqlite } from '../db/open';
import { printLog } from '../db/schema';

/** The `print_log` table: every print, reprint and download of a document. */
export type PrintLogRow = typeof printLog.$inferSelect;

/** How many times the document was printed (downloads and views do not count). */
export function printCount(db: Db, documentId: string): number {
  return db.select({ n: count() }).from(printLog).where(and(eq(printLog.documentId, documentId), inArray(printLog.kind, ['print', 'reprint']))).get()?.n ?? 0;
}

/** Inside the caller's transaction. */
export function logPrint(db: Db, documentId: string, kind: 'print' | 'reprint', by: string, at: string): void {
  db.insert(printLog).values({ id: randomUUID(), documentId, kind, at, by }).run();
}

/**
 * The prints and reprints logged between two instants (an office day), oldest first, each with
 * its document and case numbers, who printed it, and which print of the document it was (counted
 * over the whole log, so the first copy printed today says 2 even if the original was printed
 * yesterday). Hand-written SQL, parsed with zod as it is read.
 */
const printedRow = z.object({
  at: z.string(),
  kind: z.enum(['print', 'reprint']),
  document_number: z.string(),
  case_number: z.string(),
  type: z.enum(documentTypes),
  by_name: z.string(),
  print_number: z.number().int(),
});
const printedRows = z.array(printedRow);
export type PrintedRow = z.infer<typeof printedRow>;

export function printsBetween(sqlite: Sqlite, from: string, to: string): PrintedRow[] {
  return printedRows.parse(
    sqlite
      .prepare(
        `SELECT l.at, l.kind, d.number AS document_number, c.case_number, d.type, COALESCE(u.display_name, l.by) AS by_name,
                (SELECT count(*) FROM print_log p
                  WHERE p.document_id = l.document_id AND p.kind IN ('print', 'reprint') AND (p.at < l.at OR (p.at = l.at AND p.rowid <= l.rowid))) AS print_number
           FROM print_log l
           JOIN documents d ON d.id = l.document_id
           JOIN cases c ON c.id = d.case_id
           LEFT JOIN users u ON u.id = l.by
          WHERE l.kind IN ('print', 'reprint') AND l.at >= ? AND l.at < ?
          ORDER BY l.at, l.rowid`,
      )
      .all(from, to),
  );
}
