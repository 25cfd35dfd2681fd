import { z } from 'zod';
import { caseStatus } from '../../../shared/schema/case';
import type { DisposalCandidate } from '../../../shared/schema/data-safety';
import { officeDate, parseLocalDate } from '../../../shared/time/office-time';
import type { LocalDate } from '../../../shared/time/office-time';
import type { Sqlite } from '../db/open';

/**
 * Each case's last administrative use (Privacy Act s. 6(1), Privacy Regulations s. 4(1)(a): kept
 * at least two years after it): the latest of its decisions (decided, reviewed, reopened), its
 * stage entries (closure is one), its documents generated, its consent recorded and its
 * withdrawal; a case with none of these (a draft never decided) was last used when last updated.
 *
 * One statement for every case: each source is the latest per case by GROUP BY over an index
 * that holds the columns (decisions_case_use, case_stages_case_recorded, documents_case_type_at),
 * never the decisions' 7 KB rows; instants are compared as text (ISO UTC), then turned into office
 * dates here. The withdrawal is an office date already (the date the officer gave).
 */
export const LAST_USE_SQL = `
SELECT c.id, c.case_number, c.status, c.updated_at, c.withdrawn_at, u.at
FROM cases c
LEFT JOIN (
  SELECT case_id, max(at) AS at FROM (
    SELECT case_id, max(max(decided_at, coalesce(reviewed_at, ''), coalesce(reopened_at, ''))) AS at FROM decisions GROUP BY case_id
    UNION ALL SELECT case_id, max(recorded_at) FROM case_stages GROUP BY case_id
    UNION ALL SELECT case_id, max(generated_at) FROM documents GROUP BY case_id
    UNION ALL SELECT case_id, max(recorded_at) FROM consents GROUP BY case_id
  ) GROUP BY case_id
) u ON u.case_id = c.id
WHERE c.disposed_at IS NULL`;

const row = z.tuple([z.string(), z.string(), caseStatus, z.string(), z.string().nullable(), z.string().nullable()]);

export interface LastUse {
  caseId: string;
  caseNumber: string;
  status: DisposalCandidate['status'];
  lastUseOn: LocalDate;
}

/** Every case not yet disposed of, with the office date of its last administrative use. */
export function lastUses(sqlite: Sqlite, timeZone: string): LastUse[] {
  const out: LastUse[] = [];
  for (const raw of sqlite.prepare(LAST_USE_SQL).raw().all()) {
    const [caseId, caseNumber, status, updatedAt, withdrawnOn, at] = row.parse(raw);
    const used = at !== null && at !== '' ? officeDate(new Date(at), timeZone) : null;
    // An office date as the officer gave it (an instant in rows written before that: its office date).
    const withdrawn = withdrawnOn === null ? null : parseLocalDate(withdrawnOn) ? withdrawnOn : officeDate(new Date(withdrawnOn), timeZone);
    const latest = used !== null && withdrawn !== null ? (used > withdrawn ? used : withdrawn) : (used ?? withdrawn);
    out.push({ caseId, caseNumber, status, lastUseOn: latest ?? officeDate(new Date(updatedAt), timeZone) });
  }
  return out;
}

/**
 * The first office date on which a case last used on `date` may be disposed of: the same day
 * `years` later (29 February, in a year without one, moves to 1 March: never less than the period).
 */
export function disposableOn(date: LocalDate, years: number): LocalDate {
  const d = parseLocalDate(date);
  if (!d) throw new Error(`retention: not a date: ${date}`);
  const t = new Date(Date.UTC(d.year + years, d.month - 1, d.day));
  return t.toISOString().slice(0, 10);
}

const byLastUse = (a: DisposalCandidate, b: DisposalCandidate) =>
  a.lastUseOn < b.lastUseOn ? -1 : a.lastUseOn > b.lastUseOn ? 1 : a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0;

/** The cases past their retention period on `today`, the oldest use first. */
export function disposalCandidates(sqlite: Sqlite, timeZone: string, years: number, today: LocalDate): DisposalCandidate[] {
  const out: DisposalCandidate[] = [];
  for (const u of lastUses(sqlite, timeZone)) {
    const on = disposableOn(u.lastUseOn, years);
    if (on <= today) out.push({ ...u, disposableOn: on });
  }
  return out.sort(byLastUse);
}
