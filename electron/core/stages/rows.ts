import { asc, eq, inArray, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CaseStatus } from '../../../shared/case/lifecycle';
import { stageDetails, stageEntry, stageSource } from '../../../shared/schema/stages';
import type { StageDetails, StageEntry, StageSource } from '../../../shared/schema/stages';
import type { Db, Sqlite } from '../db/open';
import { caseStages, users } from '../db/schema';

/** The `case_stages` table: append-only entries, details parsed with their zod schema as read. */
const storedDetails = z.union([stageDetails, z.object({ action: z.literal('correctStage') }).strict()]);

export function readStages(db: Db, caseId: string): StageEntry[] {
  return readStagesOf(db, [caseId]).get(caseId) ?? [];
}

const selection = { stage: caseStages, recordedByName: users.displayName };

/**
 * One case's entries, the statement prepared once per connection: a case's history is read with
 * every change to it (its detail, its task facts), thousands of times in one IOM file import.
 */
const oneCase = new WeakMap<Db, ReturnType<typeof prepareOneCase>>();
const prepareOneCase = (db: Db) =>
  db
    .select(selection)
    .from(caseStages)
    .leftJoin(users, eq(users.id, caseStages.recordedBy))
    .where(eq(caseStages.caseId, sql.placeholder('caseId')))
    .orderBy(asc(caseStages.seq))
    .prepare();

/** The entries of many cases at once (the task list), each list in order, corrections marked. */
export function readStagesOf(db: Db, caseIds: readonly string[]): Map<string, StageEntry[]> {
  const out = new Map<string, StageEntry[]>();
  const [only] = caseIds;
  if (only === undefined) return out;
  let rows;
  if (caseIds.length === 1) {
    let read = oneCase.get(db);
    if (!read) oneCase.set(db, (read = prepareOneCase(db)));
    rows = read.all({ caseId: only });
  } else {
    rows = db
      .select(selection)
      .from(caseStages)
      .leftJoin(users, eq(users.id, caseStages.recordedBy))
      .where(inArray(caseStages.caseId, [...caseIds]))
      .orderBy(asc(caseStages.caseId), asc(caseStages.seq))
      .all();
  }
  const correctedBy = new Map(rows.filter((r) => r.stage.correctsId !== null).map((r) => [r.stage.correctsId, r.stage.id]));
  for (const { stage: r, recordedByName } of rows) {
    const entry = stageEntry.parse({
      id: r.id,
      seq: r.seq,
      occurredOn: r.occurredOn,
      source: stageSource.parse(r.source),
      stage: storedDetails.parse(JSON.parse(r.details)),
      statusBefore: r.statusBefore,
      statusAfter: r.statusAfter,
      correctsId: r.correctsId,
      correctedBy: correctedBy.get(r.id) ?? null,
      reason: r.reason,
      recordedAt: r.recordedAt,
      recordedBy: r.recordedBy,
      recordedByName,
    });
    const list = out.get(r.caseId);
    if (list) list.push(entry);
    else out.set(r.caseId, [entry]);
  }
  return out;
}

export interface NewStage {
  caseId: string;
  occurredOn: string;
  source: StageSource;
  details: z.infer<typeof storedDetails>;
  statusBefore: CaseStatus;
  statusAfter: CaseStatus;
  correctsId?: string | null;
  reason?: string | null;
  recordedAt: string;
  recordedBy: string;
}

/** The reason an entry keeps: a no-show's or IOM's refusal's (a correction's is the caller's). */
export function reasonOf(stage: StageDetails): string | null {
  return stage.action === 'noShow' || stage.action === 'iomDecline' ? stage.reason : null;
}

/** Append one entry (inside the caller's transaction); returns its id. */
export function insertStage(db: Db, s: NewStage): string {
  const id = crypto.randomUUID();
  const last = db.select({ seq: max(caseStages.seq) }).from(caseStages).where(eq(caseStages.caseId, s.caseId)).get();
  db.insert(caseStages)
    .values({
      id,
      caseId: s.caseId,
      seq: (last?.seq ?? 0) + 1,
      action: s.details.action,
      occurredOn: s.occurredOn,
      source: s.source,
      details: JSON.stringify(s.details),
      statusBefore: s.statusBefore,
      statusAfter: s.statusAfter,
      correctsId: s.correctsId ?? null,
      reason: s.reason ?? null,
      recordedAt: s.recordedAt,
      recordedBy: s.recordedBy,
    })
    .run();
  return id;
}

/** One entry for `bulkStageWriter`: ids come from the caller so a correction can name the entry it undoes. */
export type BulkStage = Omit<NewStage, 'caseId'> & { id: string };

/**
 * The stages of many cases at once (the demo data): the same rows `insertStage` writes, with the
 * statement prepared once. For a case with no entries yet: `seq` counts from 1 in the order
 * given. Inside the caller's transaction.
 */
export function bulkStageWriter(sqlite: Sqlite): (caseId: string, entries: readonly BulkStage[]) => void {
  const insert = sqlite.prepare(
    `INSERT INTO case_stages (id, case_id, seq, action, occurred_on, source, details, status_before, status_after, corrects_id, reason, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (caseId, entries) => {
    entries.forEach((s, i) => {
      insert.run(s.id, caseId, i + 1, s.details.action, s.occurredOn, s.source, JSON.stringify(s.details), s.statusBefore, s.statusAfter, s.correctsId ?? null, s.reason ?? null, s.recordedAt, s.recordedBy);
    });
  };
}
