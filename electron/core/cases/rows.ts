import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { caseStatus } from '../../../shared/schema/case';
import type { CaseStatus } from '../../../shared/schema/case';
import type { ConsentFormRef, ConsentRef, DecisionRecord } from '../../../shared/schema/case-api';
import { caseDecisionSchema } from '../../../shared/schema/decision';
import { consentSigner } from '../../../shared/schema/documents-api';
import { intakeDocument } from '../../../shared/schema/intake';
import type { IntakeDocument } from '../../../shared/schema/intake';
import { reviewRecord } from '../../../shared/schema/review';
import type { ReviewRecord } from '../../../shared/schema/review';
import type { Db } from '../db/open';
import { cases, consents, decisions, documents } from '../db/schema';

/**
 * The `cases` and `decisions` tables, and the consent rows a case's lifecycle reads: row types
 * from the drizzle schema, every JSON column parsed with its zod schema as it is read. Only the
 * cases module (this folder) writes the `cases` row.
 */
export type CaseRow = typeof cases.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;

/**
 * The statements read and written for every change to a case, prepared once per connection
 * (building and preparing one costs far more than running it: an IOM file touches thousands of
 * cases in one transaction). The update is prepared once per set of columns a patch names.
 */
const byConnection = new WeakMap<Db, { row: ReturnType<typeof prepareRow>; writes: Map<string, ReturnType<typeof prepareWrite>> }>();

const prepareRow = (db: Db) =>
  db
    .select()
    .from(cases)
    .where(eq(cases.id, sql.placeholder('id')))
    .prepare();

const prepareWrite = (db: Db, columns: readonly (keyof CasePatch)[], intakeChanged: boolean) =>
  db
    .update(cases)
    .set({
      ...Object.fromEntries(columns.map((k) => [k, sql`${sql.placeholder(k)}`])),
      version: sql`${sql.placeholder('version')}`,
      updatedAt: sql`${sql.placeholder('updatedAt')}`,
      updatedBy: sql`${sql.placeholder('updatedBy')}`,
      ...(intakeChanged ? { intakeVersion: sql`${cases.intakeVersion} + 1` } : {}),
    })
    .where(and(eq(cases.id, sql.placeholder('id')), eq(cases.version, sql.placeholder('baseVersion'))))
    .prepare();

function statements(db: Db) {
  let s = byConnection.get(db);
  if (!s) byConnection.set(db, (s = { row: prepareRow(db), writes: new Map() }));
  return s;
}

export function caseRow(db: Db, caseId: string): CaseRow {
  const row = statements(db).row.get({ id: caseId });
  if (!row) throw new IpcFailure(ipcError('not_found'));
  return row;
}

export function statusOf(row: CaseRow): CaseStatus {
  return caseStatus.parse(row.status);
}

export function intakeOf(row: CaseRow): IntakeDocument {
  return intakeDocument.parse(JSON.parse(row.intake));
}

export function decisionRow(db: Db, decisionId: string): DecisionRow | undefined {
  return db.select().from(decisions).where(eq(decisions.id, decisionId)).get();
}

function reviewOf(d: DecisionRow): ReviewRecord | null {
  return d.review === null ? null : reviewRecord.parse(JSON.parse(d.review));
}

export function toDecision(d: DecisionRow): DecisionRecord {
  const review = reviewOf(d);
  const result = caseDecisionSchema.parse(JSON.parse(d.result));
  return {
    id: d.id,
    outcome: result.outcome,
    policyVersion: d.policyVersion,
    result,
    decidedAt: d.decidedAt,
    decidedBy: d.decidedBy,
    override: review ? { outcome: review.outcome, reason: review.reason, reviewedAt: review.reviewedAt, reviewedBy: review.reviewedBy } : null,
    review,
  };
}

const personIds = z.array(z.string());
const signers = z.array(consentSigner);

/** The newest consent form of a case, with the intake version and persons it was made for. */
export function latestConsentForm(db: Db, caseId: string): ConsentFormRef | null {
  const d = db
    .select({ id: documents.id, number: documents.number, intakeVersion: documents.intakeVersion, personIds: documents.personIds })
    .from(documents)
    .where(and(eq(documents.caseId, caseId), eq(documents.type, 'consent_form')))
    .orderBy(desc(documents.version))
    .limit(1)
    .get();
  if (!d) return null;
  return { documentId: d.id, number: d.number, intakeVersion: d.intakeVersion, personIds: d.personIds === null ? [] : personIds.parse(JSON.parse(d.personIds)) };
}

/** The consent recorded last, with what its form covered. */
export function latestConsent(db: Db, caseId: string): ConsentRef | null {
  const c = db
    .select({ documentId: consents.documentId, signedOn: consents.signedOn, signers: consents.signers, intakeVersion: documents.intakeVersion, personIds: documents.personIds })
    .from(consents)
    .innerJoin(documents, eq(documents.id, consents.documentId))
    .where(eq(consents.caseId, caseId))
    .orderBy(desc(consents.recordedAt))
    .limit(1)
    .get();
  if (!c) return null;
  return {
    documentId: c.documentId,
    signedOn: c.signedOn,
    signers: signers.parse(JSON.parse(c.signers)),
    intakeVersion: c.intakeVersion,
    personIds: c.personIds === null ? [] : personIds.parse(JSON.parse(c.personIds)),
  };
}

/** Columns of the case row an action may set (identity, numbering and versions are not among them). */
const casePatchColumns = ['status', 'intake', 'channel', 'applicationDate', 'decisionId', 'reviewStatus', 'withdrawnAt', 'withdrawalReason', 'referredAt', 'screenedAt'] as const;
export type CasePatch = Partial<Pick<CaseRow, (typeof casePatchColumns)[number]>>;

/**
 * Write a case over `baseVersion` (optimistic concurrency: two sessions never silently
 * overwrite each other). `intakeChanged` also bumps the intake version consent forms name.
 */
export function writeCase(db: Db, caseId: string, baseVersion: number, who: { by: string; at: string }, patch: CasePatch, intakeChanged = false): void {
  // The columns the patch sets (an undefined value sets nothing, as drizzle's .set() has it).
  const columns = casePatchColumns.filter((k) => patch[k] !== undefined);
  const key = `${columns.join(',')}|${intakeChanged}`;
  const { writes } = statements(db);
  let write = writes.get(key);
  if (!write) writes.set(key, (write = prepareWrite(db, columns, intakeChanged)));
  const r = write.run({ ...Object.fromEntries(columns.map((k) => [k, patch[k]])), version: baseVersion + 1, updatedAt: who.at, updatedBy: who.by, id: caseId, baseVersion });
  if (r.changes === 0) {
    caseRow(db, caseId); // not_found if it does not exist
    throw new IpcFailure(ipcError('conflict'));
  }
}
