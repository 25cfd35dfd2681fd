import { eq, or } from 'drizzle-orm';
import { z } from 'zod';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { NotSamePersonInput } from '../../../shared/schema/case-api';
import type { Db, Sqlite } from '../db/open';
import { notSamePerson } from '../db/schema';

/**
 * Persons are named by the intake's id for them (`intake.persons[i].id`): it stays the same
 * through every save of the case, and a person being typed in a new intake already has it.
 */

/** The pair in its stored order: either way round is the same row. */
function ordered(a: string, b: string): { personA: string; personB: string } {
  return a < b ? { personA: a, personB: b } : { personA: b, personB: a };
}

const found = z.number().int().optional();

/**
 * The officer checked a possible duplicate and found that the person being entered is not the
 * person already in the database: recorded once (recording it again changes nothing), so the
 * duplicate check never offers that pair again. Answers the case of the person already there,
 * which the audit entry names.
 */
export function recordNotSamePerson({ db, sqlite }: { db: Db; sqlite: Sqlite }, input: NotSamePersonInput, userId: string, at: string): { caseId: string } {
  const inCase = found.parse(
    sqlite
      .prepare(`SELECT 1 FROM cases c, json_each(c.intake, '$.persons') j WHERE c.id = ? AND json_extract(j.value, '$.id') = ?`)
      .pluck()
      .get(input.candidateCaseId, input.candidatePersonId),
  );
  if (inCase === undefined) throw new IpcFailure(ipcError('not_found'));
  db.insert(notSamePerson)
    .values({ ...ordered(input.personId, input.candidatePersonId), caseId: input.candidateCaseId, recordedAt: at, recordedBy: userId })
    .onConflictDoNothing()
    .run();
  return { caseId: input.candidateCaseId };
}

/** The persons recorded as not the same person as this one. */
export function notSameAs(db: Db, personId: string): Set<string> {
  const rows = db
    .select({ personA: notSamePerson.personA, personB: notSamePerson.personB })
    .from(notSamePerson)
    .where(or(eq(notSamePerson.personA, personId), eq(notSamePerson.personB, personId)))
    .all();
  return new Set(rows.map((r) => (r.personA === personId ? r.personB : r.personA)));
}
