import { z } from 'zod';
import type { DuplicateCandidate } from '../../../shared/schema/case-api';
import type { Sqlite } from '../db/open';
import { foldForSearch } from '../cases/search-text';

/** A row of the candidates query (persons joined with their case), checked as it is read. */
const candidateRows = z.array(
  z.object({
    case_id: z.string(),
    case_number: z.string(),
    name_as_written: z.string(),
    name_latin: z.string(),
    date_of_birth: z.string(),
    uci: z.string().nullable(),
  }),
);

/** Name parts for comparison: folded, split on spaces, hyphens and apostrophes. */
function parts(name: string | undefined): Set<string> {
  return new Set(
    foldForSearch(name ?? '')
      .split(/[\s\-'’‐]+/u)
      .filter((w) => w.length >= 2),
  );
}

function similar(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  // Family names are often written in a different order or with a part missing: one shared
  // part of a short name, or half of the parts of a longer one.
  return shared >= Math.max(1, Math.floor(Math.min(a.size, b.size) / 2));
}

/**
 * People already in the database who may be the same person: the same UCI, or a similar name
 * (in the document script or in Latin letters) with the same date of birth.
 */
export function findDuplicates(
  sqlite: Sqlite,
  q: { uci?: string | undefined; nameAsWritten?: string | undefined; nameLatin?: string | undefined; dateOfBirth?: string | undefined; excludeCaseId?: string | undefined },
): DuplicateCandidate[] {
  if (!q.uci && !q.dateOfBirth) return [];
  const rows = candidateRows.parse(
    sqlite
      .prepare(
        `SELECT p.case_id, c.case_number, p.name_as_written, p.name_latin, p.date_of_birth, p.uci
           FROM persons p JOIN cases c ON c.id = p.case_id
          WHERE (? IS NOT NULL AND p.uci = ?) OR (? IS NOT NULL AND p.date_of_birth = ?)
          LIMIT 500`,
      )
      .all(q.uci ?? null, q.uci ?? null, q.dateOfBirth ?? null, q.dateOfBirth ?? null),
  );
  const written = parts(q.nameAsWritten);
  const latin = parts(q.nameLatin);
  const out: DuplicateCandidate[] = [];
  for (const r of rows) {
    if (r.case_id === q.excludeCaseId) continue;
    let matchedOn: DuplicateCandidate['matchedOn'] | null = null;
    if (q.uci && r.uci === q.uci) matchedOn = 'uci';
    else if (q.dateOfBirth === r.date_of_birth) {
      const theirs = new Set([...parts(r.name_as_written), ...parts(r.name_latin)]);
      if (similar(written, theirs) || similar(latin, theirs)) matchedOn = 'name_and_date_of_birth';
    }
    if (matchedOn) {
      out.push({ caseId: r.case_id, caseNumber: r.case_number, nameAsWritten: r.name_as_written, nameLatin: r.name_latin, dateOfBirth: r.date_of_birth, uci: r.uci, matchedOn });
    }
  }
  return out.slice(0, 20);
}
