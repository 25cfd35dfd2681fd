import { asc, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { caseStatus } from '../../../shared/schema/case';
import type { CaseStatus } from '../../../shared/schema/case';
import { stageDetails, stageEntry, stageSource } from '../../../shared/schema/stages';
import type { StageEntry } from '../../../shared/schema/stages';
import { officeDate } from '../../../shared/time/office-time';
import type { Db } from '../db/open';
import { caseStages, cases } from '../db/schema';

/**
 * What the import needs to know of each case a file names, read for all of them at once (a
 * handful of queries per 500 cases instead of a dozen per row): status, version, the history
 * after referral (parsed as stages/rows.ts parses it) and the referral date (as
 * cases/detail.ts gives it: the case row's referral instant, in the office's time zone). Reads only; the
 * full case (intake, decision) is read on demand for the rows that name persons.
 */
export interface CaseState {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  version: number;
  stages: StageEntry[];
  referredOn: string | null;
}

const storedDetails = z.union([stageDetails, z.object({ action: z.literal('correctStage') }).strict()]);
const CHUNK = 500;

export function readCaseStates(db: Db, caseIds: readonly string[], timeZone: string): Map<string, CaseState> {
  const out = new Map<string, CaseState>();
  const ids = [...new Set(caseIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const stages = new Map<string, StageEntry[]>();
    const rows = db.select().from(caseStages).where(inArray(caseStages.caseId, chunk)).orderBy(asc(caseStages.caseId), asc(caseStages.seq)).all();
    const correctedBy = new Map(rows.filter((r) => r.correctsId !== null).map((r) => [r.correctsId, r.id]));
    for (const r of rows) {
      const list = stages.get(r.caseId) ?? [];
      list.push(
        stageEntry.parse({
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
          // Who recorded it plays no part in the checks.
          recordedByName: null,
        }),
      );
      stages.set(r.caseId, list);
    }
    const rowsOfCases = db
      .select({ id: cases.id, caseNumber: cases.caseNumber, status: cases.status, version: cases.version, referredAt: cases.referredAt })
      .from(cases)
      .where(inArray(cases.id, chunk))
      .all();
    for (const c of rowsOfCases) {
      const at = c.referredAt;
      out.set(c.id, {
        id: c.id,
        caseNumber: c.caseNumber,
        status: caseStatus.parse(c.status),
        version: c.version,
        stages: stages.get(c.id) ?? [],
        referredOn: at ? officeDate(new Date(at), timeZone) : null,
      });
    }
  }
  return out;
}
