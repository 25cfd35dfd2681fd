import { inArray } from 'drizzle-orm';
import { caseStatus } from '../../../shared/schema/case';
import type { CaseStatus } from '../../../shared/schema/case';
import type { StageEntry } from '../../../shared/schema/stages';
import { officeDate } from '../../../shared/time/office-time';
import type { Db } from '../db/open';
import { cases } from '../db/schema';
import { readStagesOf } from '../stages/rows';

/**
 * What the import needs to know of each case a file names, read for all of them at once (a
 * handful of queries per 500 cases instead of a dozen per row): status, version, the history
 * after referral (stages/rows.ts `readStagesOf`) and the referral date (as
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

const CHUNK = 500;

export function readCaseStates(db: Db, caseIds: readonly string[], timeZone: string): Map<string, CaseState> {
  const out = new Map<string, CaseState>();
  const ids = [...new Set(caseIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const stages = readStagesOf(db, chunk);
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
