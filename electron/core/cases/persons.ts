import { randomUUID } from 'node:crypto';
import type { CaseStatus } from '../../../shared/case/lifecycle';
import type { IntakeDocument, IntakeDocumentInput } from '../../../shared/schema/intake';
import type { Sqlite } from '../db/open';
import { foldForSearch } from './search-text';

/**
 * Write the persons rows of a case from its intake (they index the intake for search and the
 * duplicate check; the intake JSON stays the source of truth). Inside the caller's transaction.
 */
export function writePersons(sqlite: Sqlite, caseId: string, intake: IntakeDocument): void {
  sqlite.prepare('DELETE FROM persons WHERE case_id = ?').run(caseId);
  const insert = sqlite.prepare(
    `INSERT INTO persons (id, case_id, position, relationship, name_as_written, name_latin, date_of_birth, nationality, uci, search_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  intake.persons.forEach((p, i) => {
    insert.run(randomUUID(), caseId, i, p.relationship, p.nameAsWritten, p.nameLatin, p.dateOfBirth, p.nationality, p.uci, foldForSearch(`${p.nameAsWritten} ${p.nameLatin}`));
  });
}

/** Insert a new case (status draft) with its intake and persons; returns its id. Inside the caller's transaction. */
export function insertCase(sqlite: Sqlite, caseNumber: string, intake: IntakeDocument, by: string | null, at: string, id: string = randomUUID()): string {
  sqlite
    .prepare(
      `INSERT INTO cases (id, case_number, status, channel, version, created_at, created_by, updated_at, updated_by, intake, application_date)
       VALUES (?, ?, 'draft', ?, 1, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, caseNumber, intake.channel, at, by, at, by, JSON.stringify(intake), intake.applicationDate);
  writePersons(sqlite, id, intake);
  return id;
}

/** One new case for `bulkCaseWriter`: status draft, written by nobody (demo data, imports). */
export interface BulkCase {
  id: string;
  caseNumber: string;
  /** Stored as given: the caller builds it from known-good parts (the demo data skips a zod parse per case for speed). */
  intake: IntakeDocumentInput;
  /** Created and updated at (UTC instant). */
  at: string;
}

/**
 * Many new draft cases at once (the demo data: 100,000 persons in a few seconds): the same rows
 * `insertCase` writes (same columns, status draft, persons and search text folded the same way),
 * with the statements prepared once. Only the cases module writes the `cases` row, so bulk
 * writers come here too. Call the returned function inside the caller's transaction; it
 * returns how many persons rows it wrote.
 */
export function bulkCaseWriter(sqlite: Sqlite): (c: BulkCase) => number {
  const insertCaseRow = sqlite.prepare(
    `INSERT INTO cases (id, case_number, status, channel, version, created_at, created_by, updated_at, intake, application_date)
     VALUES (?, ?, 'draft', ?, 1, ?, NULL, ?, ?, ?)`,
  );
  const insertPerson = sqlite.prepare(
    `INSERT INTO persons (id, case_id, position, relationship, name_as_written, name_latin, date_of_birth, nationality, uci, search_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (c) => {
    insertCaseRow.run(c.id, c.caseNumber, c.intake.channel, c.at, c.at, JSON.stringify(c.intake), c.intake.applicationDate);
    c.intake.persons.forEach((p, position) => {
      insertPerson.run(randomUUID(), c.id, position, p.relationship, p.nameAsWritten, p.nameLatin, p.dateOfBirth, p.nationality, p.uci ?? null, foldForSearch(`${p.nameAsWritten} ${p.nameLatin}`));
    });
    return c.intake.persons.length;
  };
}

/** A decision to write with `bulkCaseProgressWriter` (the rules' result as `decideCase` stores it; a review as `reviewCase` does). */
export interface BulkDecision {
  id: string;
  outcome: string;
  policyVersion: string;
  /** JSON of the facts evaluated and of the complete result. */
  facts: string;
  result: string;
  decidedAt: string;
  decidedBy: string;
  review: { outcome: string; reason: string; at: string; by: string; json: string } | null;
}

/** How far a case written by `bulkCaseWriter` has gone: its status, version and the columns that come with it. */
export interface BulkCaseProgress {
  caseId: string;
  status: CaseStatus;
  version: number;
  updatedAt: string;
  decision: BulkDecision | null;
  reviewStatus: 'pending' | 'resolved' | null;
  withdrawn: { on: string; reason: string | null } | null;
  /** When it was referred to IOM (the instant `commitReferred` records). */
  referredAt: string | null;
  /** When the front counter first screened it (the instant `screenCase` records). */
  screenedAt: string | null;
}

/**
 * Many cases moved on at once (the demo data): the decision row and the case row's status,
 * version, review state and withdrawal, the same columns `decideCase`, `reviewCase` and
 * `commitWithdrawn` write, with the statements prepared once. For cases just written by
 * `bulkCaseWriter`, inside the caller's transaction.
 */
export function bulkCaseProgressWriter(sqlite: Sqlite): (p: BulkCaseProgress) => void {
  const insertDecision = sqlite.prepare(
    `INSERT INTO decisions (id, case_id, outcome, policy_version, facts, result, decided_at, decided_by, override_outcome, override_reason, reviewed_at, reviewed_by, review)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateCase = sqlite.prepare(
    `UPDATE cases SET status = ?, version = ?, updated_at = ?, decision_id = ?, review_status = ?, withdrawn_at = ?, withdrawal_reason = ?, referred_at = ?, screened_at = ? WHERE id = ?`,
  );
  return (p) => {
    const d = p.decision;
    if (d) {
      const r = d.review;
      insertDecision.run(d.id, p.caseId, d.outcome, d.policyVersion, d.facts, d.result, d.decidedAt, d.decidedBy, r?.outcome ?? null, r?.reason ?? null, r?.at ?? null, r?.by ?? null, r?.json ?? null);
    }
    updateCase.run(p.status, p.version, p.updatedAt, d?.id ?? null, p.reviewStatus, p.withdrawn?.on ?? null, p.withdrawn?.reason ?? null, p.referredAt, p.screenedAt, p.caseId);
  };
}
