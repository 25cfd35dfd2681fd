import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open';
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
