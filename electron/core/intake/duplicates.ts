import { z } from 'zod';
import { withSwappedDayMonth } from '../../../shared/case/search-query';
import type { DuplicateCandidate, DuplicateVariant } from '../../../shared/schema/case-api';
import type { Db, Sqlite } from '../db/open';
import { foldForSearch } from '../cases/search-text';
import { spellingKey } from '../cases/spelling-key';
import { notSameAs } from './not-same-person';

/** A row of the candidates query (persons joined with their case), checked as it is read. */
const candidateRows = z.array(
  z.object({
    id: z.string(),
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

const keys = (ps: Set<string>): Set<string> => new Set([...ps].map(spellingKey));

/** How close a name is: the same parts, the same parts in another spelling, or not similar. */
function nameMatch(mine: Set<string>[], theirs: Set<string>): 'same' | 'spelling' | null {
  if (mine.some((m) => similar(m, theirs))) return 'same';
  const theirKeys = keys(theirs);
  return mine.some((m) => similar(keys(m), theirKeys)) ? 'spelling' : null;
}

/** Best first: the same UCI, then what is closest to what was typed. */
const rank = (c: DuplicateCandidate): number => (c.matchedOn === 'uci' ? 0 : 1) * 10 + (c.variants.includes('swapped_date') ? 2 : 0) + (c.variants.includes('spelling') ? 1 : 0);

/**
 * People already in the database who may be the same person, best match first: the same UCI,
 * or a similar name (in the document script or in Latin letters, or another spelling of it) with
 * the same date of birth or the same one with day and month swapped (a form read the other way).
 * Never a person an officer recorded as not the same as the one being entered (`personId`).
 */
export function findDuplicates(
  { db, sqlite }: { db: Db; sqlite: Sqlite },
  q: { uci?: string | undefined; nameAsWritten?: string | undefined; nameLatin?: string | undefined; dateOfBirth?: string | undefined; excludeCaseId?: string | undefined; personId?: string | undefined },
): DuplicateCandidate[] {
  if (!q.uci && !q.dateOfBirth) return [];
  const dates = q.dateOfBirth ? withSwappedDayMonth(q.dateOfBirth) : [];
  const rows = candidateRows.parse(
    sqlite
      .prepare(
        `SELECT json_extract(c.intake, '$.persons[' || p.position || '].id') AS id, p.case_id, c.case_number, p.name_as_written, p.name_latin, p.date_of_birth, p.uci
           FROM persons p JOIN cases c ON c.id = p.case_id
          WHERE (? IS NOT NULL AND p.uci = ?) OR p.date_of_birth IN (SELECT value FROM json_each(?))
          LIMIT 500`,
      )
      .all(q.uci ?? null, q.uci ?? null, JSON.stringify(dates)),
  );
  const mine = [parts(q.nameAsWritten), parts(q.nameLatin)];
  const notSame = q.personId ? notSameAs(db, q.personId) : new Set<string>();
  const out: DuplicateCandidate[] = [];
  for (const r of rows) {
    if (r.case_id === q.excludeCaseId || r.id === q.personId || notSame.has(r.id)) continue;
    const candidate = { caseId: r.case_id, personId: r.id, caseNumber: r.case_number, nameAsWritten: r.name_as_written, nameLatin: r.name_latin, dateOfBirth: r.date_of_birth, uci: r.uci };
    if (q.uci && r.uci === q.uci) {
      out.push({ ...candidate, matchedOn: 'uci', variants: [] });
      continue;
    }
    if (!dates.includes(r.date_of_birth)) continue;
    const name = nameMatch(mine, new Set([...parts(r.name_as_written), ...parts(r.name_latin)]));
    if (!name) continue;
    const variants: DuplicateVariant[] = [];
    if (r.date_of_birth !== q.dateOfBirth) variants.push('swapped_date');
    if (name === 'spelling') variants.push('spelling');
    out.push({ ...candidate, matchedOn: 'name_and_date_of_birth', variants });
  }
  return out.sort((a, b) => rank(a) - rank(b)).slice(0, 20);
}
