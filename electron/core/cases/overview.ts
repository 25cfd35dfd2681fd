import { caseOverview } from '../../../shared/schema/case-api';
import type { CaseOverview } from '../../../shared/schema/case-api';
import type { Db } from '../db/open';
import { latestPacketNumber } from '../register/document-rows';
import { requireNotDisposed } from './guard';
import { caseRow, intakeOf, statusOf } from './rows';

/**
 * A case as a clerk sees it: the names, the case and packet numbers, the status. Built field by
 * field from the stored case (never by deleting fields from the whole one, which would leak
 * whatever is added to it later), then parsed with the strict schema as a second lock.
 */
export function readCaseOverview(db: Db, caseId: string): CaseOverview {
  const c = caseRow(db, caseId);
  requireNotDisposed(c);
  return caseOverview.parse({
    id: c.id,
    caseNumber: c.caseNumber,
    status: statusOf(c),
    packetNumber: latestPacketNumber(db, caseId),
    persons: intakeOf(c).persons.map((p) => ({ id: p.id, relationship: p.relationship, nameAsWritten: p.nameAsWritten, nameLatin: p.nameLatin })),
  });
}
