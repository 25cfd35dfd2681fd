import { randomUUID } from 'node:crypto';
import { bulkCaseWriter } from '../cases/persons';
import type { OpenDatabase } from '../db/open';
import { blankIntake, blankPerson } from '../../../shared/schema/intake';
import { DEFAULT_OFFICE_TIME_ZONE, officeDate, officeYear } from '../../../shared/time/office-time';
import type { DemoFamily } from './family';

/** The intake document of a demo family: identities known, every eligibility fact still unknown. */
function demoIntake(family: DemoFamily, applicationDate: string) {
  const blank = blankIntake(randomUUID(), family.channel, applicationDate);
  return {
    ...blank,
    persons: family.persons.map((p) => ({ ...blankPerson(randomUUID(), p.relationship), nameAsWritten: p.nameAsWritten, nameLatin: p.nameLatin, dateOfBirth: p.dateOfBirth, nationality: p.nationality, uci: p.uci ?? null })),
  };
}

export interface DemoInsertSummary {
  cases: number;
  persons: number;
  /** First and last case numbers written, e.g. AVRR-2025-000001 (undefined when nothing was written). */
  firstCaseNumber: string | undefined;
  lastCaseNumber: string | undefined;
}

/**
 * Write demo families as draft cases, in one transaction, through the cases module's bulk
 * writer (cases/persons.ts: only the cases module writes the `cases` row; 100,000 persons in a
 * few seconds). Rows are exactly what `createCase` writes (same columns, status draft, search
 * text folded the same way), so the app cannot tell them apart. Cases are spaced
 * `spacingMs` apart ending at `now` so lists have a realistic order; each takes its case number
 * from its own year's counter, and the counters are left where the app's next case continues.
 * Years and application dates are the office's (`timeZone`, default America/Toronto), as the app's.
 */
export function insertDemoFamilies(
  open: Pick<OpenDatabase, 'sqlite'>,
  families: readonly DemoFamily[],
  now: Date,
  opts: { spacingMs?: number; timeZone?: string } = {},
): DemoInsertSummary {
  const { sqlite } = open;
  const spacing = opts.spacingMs ?? 60_000;
  const timeZone = opts.timeZone ?? DEFAULT_OFFICE_TIME_ZONE;
  const writeCase = bulkCaseWriter(sqlite);
  const readCounter = sqlite.prepare('SELECT value FROM counters WHERE name = ?').pluck();
  const writeCounter = sqlite.prepare(
    'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  );

  const write = sqlite.transaction((): DemoInsertSummary => {
    const counters = new Map<number, number>();
    let persons = 0;
    let firstCaseNumber: string | undefined;
    let lastCaseNumber: string | undefined;
    families.forEach((family, i) => {
      const at = new Date(now.getTime() - (families.length - 1 - i) * spacing);
      const year = officeYear(at, timeZone);
      const value = (counters.get(year) ?? Number(readCounter.get(`case-number-${year}`) ?? 0)) + 1;
      counters.set(year, value);
      const caseNumber = `AVRR-${year}-${String(value).padStart(6, '0')}`;
      const caseId = randomUUID();
      const iso = at.toISOString();
      const applicationDate = officeDate(at, timeZone);
      persons += writeCase({ id: caseId, caseNumber, intake: demoIntake(family, applicationDate), at: iso });
      firstCaseNumber ??= caseNumber;
      lastCaseNumber = caseNumber;
    });
    for (const [year, value] of counters) writeCounter.run(`case-number-${year}`, value);
    return { cases: families.length, persons, firstCaseNumber, lastCaseNumber };
  });
  return write.immediate();
}
