import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { consentSigner } from '../../../shared/schema/documents-api';
import type { ConsentRecord } from '../../../shared/schema/documents-api';
import type { Db, Sqlite } from '../db/open';
import { consents } from '../db/schema';

/**
 * The `consents` table: consent recorded by the officer. Row type from the drizzle schema; the
 * `signers` JSON column parsed with its zod schema as it is read. (The case's lifecycle reads
 * the latest consent with its form through cases/rows.ts.)
 */
export type ConsentRow = typeof consents.$inferSelect;

const signers = z.array(consentSigner);

/** Inside the caller's transaction. */
export function insertConsent(db: Db, row: { caseId: string; documentId: string; signedOn: string; signers: z.input<typeof signers>; recordedAt: string; recordedBy: string }): void {
  db.insert(consents)
    .values({ id: randomUUID(), ...row, signers: JSON.stringify(signers.parse(row.signers)) })
    .run();
}

/** Who recorded the case's latest consent, and when. */
export function latestConsentRecorded(db: Db, caseId: string): { recordedAt: string; recordedBy: string } | undefined {
  return db
    .select({ recordedAt: consents.recordedAt, recordedBy: consents.recordedBy })
    .from(consents)
    .where(eq(consents.caseId, caseId))
    .orderBy(desc(consents.recordedAt))
    .limit(1)
    .get();
}

const consentWithForm = z.object({
  document_id: z.string(),
  signed_on: z.string(),
  signers: z.string().transform((s) => signers.parse(JSON.parse(s))),
  recorded_at: z.string(),
  recorded_by: z.string(),
  number: z.string(),
});

/** The case's latest consent with its form's number (`consent.get`). */
export function consentOf(sqlite: Sqlite, caseId: string): (ConsentRecord & { formNumber: string }) | null {
  const row: unknown = sqlite
    .prepare(`SELECT c.document_id, c.signed_on, c.signers, c.recorded_at, c.recorded_by, d.number FROM consents c JOIN documents d ON d.id = c.document_id WHERE c.case_id = ? ORDER BY c.recorded_at DESC LIMIT 1`)
    .get(caseId);
  if (row === undefined) return null;
  const r = consentWithForm.parse(row);
  return { documentId: r.document_id, signedOn: r.signed_on, signers: r.signers, recordedAt: r.recorded_at, recordedBy: r.recorded_by, formNumber: r.number };
}
