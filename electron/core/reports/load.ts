import { asc, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { deriveReportCase } from '../../../shared/reports/derive';
import type { StoredDecision, StoredReportCase } from '../../../shared/reports/derive';
import type { ReportCase } from '../../../shared/reports/report-case';
import { attachmentKinds } from '../../../shared/schema/attachments';
import type { AttachmentKind } from '../../../shared/schema/attachments';
import { OUTCOMES, REASON_CODES, TIERS } from '../../../shared/rules/codes';
import { caseStatus } from '../../../shared/schema/case';
import { reviewRecord } from '../../../shared/schema/review';
import { foldForSearch } from '../cases/search-text';
import type { Db, Sqlite } from '../db/open';
import { cases, consents, persons } from '../db/schema';
import { readStagesOf } from '../stages/rows';

/**
 * Every case's report facts (shared/reports/report-case.ts), read in bulk and kept in memory per
 * open database, keyed by case id and `cases.version`: a call finds the cases whose version moved
 * (new, changed; see loadReportCases), re-reads only those, and drops the deleted ones. Every change a report counts goes through `writeCase`, which bumps the
 * version: save, screen, decide, review, reopen, consent, referral, withdrawal, each stage and
 * each correction (also through an IOM file). Scans are not a change of the case row: their kinds
 * are read afresh on every call (one statement, the `kind` column only, never the bytes).
 *
 * A case is read with a handful of statements per chunk of cases (rows, decisions in force,
 * persons, the latest consent, stage entries through stages/rows.ts), each row parsed, and derived
 * by the pure `deriveReportCase`.
 */

interface Entry {
  version: number;
  /** The case's facts without its scans. */
  base: ReportCase;
  /** The scans' kinds the last time `full` was built, joined. */
  scansKey: string;
  full: ReportCase;
}

interface Cache {
  timeZone: string;
  entries: Map<string, Entry>;
  /** Every case, by case number (the order the facts are handed out in, whichever way they were read). */
  list: Entry[];
  /** What the cases table looked like when `entries` were last brought up to date. */
  count: number;
  versionSum: number;
  /** The latest `updated_at` then: a case written since has one at least as late. */
  watermark: string;
  /** Cases that had scans the last time. */
  scanned: Set<string>;
}

/** One cache per open database connection: another database (a restore, another folder) starts afresh. */
const caches = new WeakMap<Sqlite, Cache>();

/** What the last load did (the benchmark and the tests read it). */
export interface LoadStats {
  cases: number;
  /** Cases read and derived this time (new or changed). */
  read: number;
  /** Cases dropped from the cache (deleted). */
  dropped: number;
  /** Whether every case's id and version had to be listed (first load, or a change the quick check could not place). */
  fullScan: boolean;
}

/** Statements name at most this many cases (SQLite's limit on bound parameters is far above). */
const CHUNK = 1000;

/** `id, version` rows (50,000 on a full scan): checked by hand. */
const versionRow = (r: unknown): r is [string, number] => Array.isArray(r) && typeof r[0] === 'string' && typeof r[1] === 'number';
const fingerprintRow = z.tuple([z.number(), z.number()]);
const byCaseNumber = (a: Entry, b: Entry) => (a.base.caseNumber < b.base.caseNumber ? -1 : a.base.caseNumber > b.base.caseNumber ? 1 : 0);

/**
 * Every case's report facts. Finding what changed is cheap: the number of cases and the sum of
 * their versions (from the `cases_id_version` index) say whether anything changed at all (a
 * version only grows; cases are never deleted by the app); if so, the cases written since the
 * last call (`updated_at` at least the latest seen, by its index) are read again, and the count and
 * sum must then agree with the table's. When they do not (a write stamped with an earlier time by
 * another process, a deletion), every id and version is listed (`cases_id_version` alone).
 */
export function loadReportCases(open: { db: Db; sqlite: Sqlite }, timeZone: string): { cases: ReportCase[]; stats: LoadStats } {
  const { db, sqlite } = open;
  const held = caches.get(sqlite);
  // Office dates follow the time zone: another zone derives every case again.
  const cache: Cache = held && held.timeZone === timeZone ? held : { timeZone, entries: new Map(), list: [], count: 0, versionSum: 0, watermark: '', scanned: new Set() };
  caches.set(sqlite, cache);
  // One snapshot for the whole read (a write from another process waits or comes after).
  const read = sqlite.transaction((): { cases: ReportCase[]; stats: LoadStats } => {
    const [count, versionSum] = fingerprintRow.parse(sqlite.prepare('SELECT count(*), total(version) FROM cases').raw().get());
    const watermark = z.string().nullable().parse(sqlite.prepare('SELECT max(updated_at) FROM cases').pluck().get()) ?? '';
    let stale: string[] = [];
    let dropped = 0;
    let fullScan = false;
    if (cache.list.length > 0 && (count !== cache.count || versionSum !== cache.versionSum)) {
      // The cases written since the last call, and whether they explain the whole difference.
      let n = cache.count;
      let sum = cache.versionSum;
      for (const r of sqlite.prepare('SELECT id, version FROM cases WHERE updated_at >= ?').raw().all(cache.watermark)) {
        if (!versionRow(r)) throw new Error('reports: a cases row without id and version');
        const e = cache.entries.get(r[0]);
        if (e?.version === r[1]) continue;
        stale.push(r[0]);
        if (e) sum += r[1] - e.version;
        else {
          n += 1;
          sum += r[1];
        }
      }
      if (n !== count || sum !== versionSum) fullScan = true;
    }
    if (cache.list.length === 0 || fullScan) {
      fullScan = true;
      stale = [];
      const present = new Set<string>();
      for (const r of sqlite.prepare('SELECT id, version FROM cases').raw().all()) {
        if (!versionRow(r)) throw new Error('reports: a cases row without id and version');
        present.add(r[0]);
        if (cache.entries.get(r[0])?.version !== r[1]) stale.push(r[0]);
      }
      for (const id of cache.entries.keys()) {
        if (present.has(id)) continue;
        cache.entries.delete(id);
        dropped++;
      }
    }

    let added = false;
    for (let i = 0; i < stale.length; i += CHUNK) {
      for (const c of readStoredCases(db, sqlite, stale.slice(i, i + CHUNK))) {
        const base = deriveReportCase(c.stored, timeZone);
        const e = cache.entries.get(c.stored.id);
        if (e) Object.assign(e, { version: c.version, base, scansKey: '', full: base });
        else {
          cache.entries.set(c.stored.id, { version: c.version, base, scansKey: '', full: base });
          added = true;
        }
      }
    }
    if (added || dropped > 0) cache.list = [...cache.entries.values()].sort(byCaseNumber);
    cache.count = count;
    cache.versionSum = versionSum;
    cache.watermark = watermark;

    // Scans do not move the case version: their kinds are read every time.
    const scans = readScanKinds(sqlite);
    for (const id of new Set([...scans.keys(), ...cache.scanned])) {
      const e = cache.entries.get(id);
      if (!e) continue;
      const kinds = scans.get(id) ?? [];
      const key = kinds.join(',');
      if (key !== e.scansKey) {
        e.full = { ...e.base, attachments: kinds };
        e.scansKey = key;
      }
    }
    cache.scanned = new Set(scans.keys());
    return { cases: cache.list.map((e) => e.full), stats: { cases: cache.list.length, read: stale.length, dropped, fullScan } };
  });
  return read();
}

/** Forget what is kept for this database (tests; a closed database is forgotten with its connection). */
export function clearReportCache(sqlite: Sqlite): void {
  caches.delete(sqlite);
}

const countryOfReturn = z.string().nullable();
const kindByName: ReadonlyMap<string, AttachmentKind> = new Map(attachmentKinds.map((k) => [k, k]));

/**
 * The kinds of every case's scans, in the order they were added. Read on every call (every scan
 * of every case, by the `attachments_case` index): rows are checked by hand, not by zod, and no
 * row object is made.
 */
function readScanKinds(sqlite: Sqlite): Map<string, AttachmentKind[]> {
  const out = new Map<string, AttachmentKind[]>();
  for (const r of sqlite.prepare('SELECT case_id, kind FROM attachments ORDER BY case_id, added_at').raw().all()) {
    const caseId: unknown = Array.isArray(r) ? r[0] : undefined;
    const name: unknown = Array.isArray(r) ? r[1] : undefined;
    const kind = typeof name === 'string' ? kindByName.get(name) : undefined;
    if (typeof caseId !== 'string' || kind === undefined) throw new Error('reports: a scan without a case or of an unknown kind');
    const list = out.get(caseId);
    if (list) list.push(kind);
    else out.set(caseId, [kind]);
  }
  return out;
}

/** The stored facts of these cases (ids that no longer exist are skipped). */
function readStoredCases(db: Db, sqlite: Sqlite, ids: readonly string[]): { version: number; stored: StoredReportCase }[] {
  const caseRows = db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      status: cases.status,
      version: cases.version,
      createdAt: cases.createdAt,
      applicationDate: cases.applicationDate,
      screenedAt: cases.screenedAt,
      referredAt: cases.referredAt,
      withdrawnAt: cases.withdrawnAt,
      // Only whether a reason was written: the text is personal and stays in the case.
      withdrawalReasonGiven: sql`coalesce(length(trim(${cases.withdrawalReason})), 0) > 0`.mapWith(Boolean),
      decisionId: cases.decisionId,
      countryOfReturn: sql`json_extract(${cases.intake}, '$.travel.countryOfReturn')`,
    })
    .from(cases)
    .where(inArray(cases.id, [...ids]))
    .all();
  if (caseRows.length === 0) return [];

  const decisionById = readStoredDecisions(sqlite, caseRows.map((c) => c.decisionId).filter((d): d is string => d !== null));

  const personsOf = new Map<string, StoredReportCase['persons'][number][]>();
  const personRows = db
    .select({ caseId: persons.caseId, nationality: persons.nationality, uci: persons.uci, nameLatin: persons.nameLatin, dateOfBirth: persons.dateOfBirth })
    .from(persons)
    .where(inArray(persons.caseId, [...ids]))
    .orderBy(asc(persons.caseId), asc(persons.position))
    .all();
  for (const p of personRows) {
    const person = { nationality: p.nationality, uci: p.uci, nameFolded: foldForSearch(p.nameLatin), dateOfBirth: p.dateOfBirth };
    const list = personsOf.get(p.caseId);
    if (list) list.push(person);
    else personsOf.set(p.caseId, [person]);
  }

  // The consent recorded last (as the case screen shows it).
  const consentOf = new Map<string, { signedOn: string; recordedAt: string }>();
  for (const c of db.select({ caseId: consents.caseId, signedOn: consents.signedOn, recordedAt: consents.recordedAt }).from(consents).where(inArray(consents.caseId, [...ids])).all()) {
    const held = consentOf.get(c.caseId);
    if (!held || c.recordedAt > held.recordedAt) consentOf.set(c.caseId, { signedOn: c.signedOn, recordedAt: c.recordedAt });
  }

  const stagesOf = readStagesOf(db, ids);

  return caseRows.map((c) => {
    if (c.applicationDate === null) throw new Error(`reports: case ${c.id} has no application date`);
    const decision = c.decisionId === null ? null : (decisionById.get(c.decisionId) ?? null);
    return {
      version: c.version,
      stored: {
        id: c.id,
        caseNumber: c.caseNumber,
        status: caseStatus.parse(c.status),
        createdAt: c.createdAt,
        applicationDate: c.applicationDate,
        screenedAt: c.screenedAt,
        referredAt: c.referredAt,
        withdrawnOn: c.withdrawnAt,
        withdrawalReasonGiven: c.withdrawalReasonGiven,
        countryOfReturn: countryOfReturn.parse(c.countryOfReturn ?? null),
        persons: personsOf.get(c.id) ?? [],
        decision,
        consent: consentOf.get(c.id) ?? null,
        stages: stagesOf.get(c.id) ?? [],
        attachments: [],
      },
    };
  });
}

/**
 * The parts of the decisions the reports read (shared/reports/derive.ts StoredDecision), extracted
 * from the stored result in SQL: the result's texts and traces are most of its 7 KB and are not
 * parsed here. The extract is parsed with `storedResult`, the review with its own schema.
 */
const code = z.enum(REASON_CODES);
const storedResult = z.object({
  outcome: z.enum(OUTCOMES),
  codes: z.array(code),
  persons: z.array(
    z.object({
      id: z.string(),
      outcome: z.enum(OUTCOMES),
      tier: z.enum(TIERS).nullable(),
      max: z.number().nullable(),
      missing: z.array(z.string()),
      codes: z.array(code),
    }),
  ),
});
const decisionRow = z.object({ id: z.string(), decidedAt: z.string(), policyVersion: z.string(), review: z.string().nullable(), extract: z.string() });

const codesOf = (json: string) => `(SELECT json_group_array(json_extract(r.value, '$.code')) FROM json_each(${json}, '$.reasons') r)`;
const EXTRACT = `json_object(
  'outcome', json_extract(d.result, '$.outcome'),
  'codes', ${codesOf('d.result')},
  'persons', (SELECT json_group_array(json_object(
       'id', json_extract(p.value, '$.id'),
       'outcome', json_extract(p.value, '$.outcome'),
       'tier', json_extract(p.value, '$.assistance.tier'),
       'max', json_extract(p.value, '$.assistance.maxAmountCad'),
       'missing', json(json_extract(p.value, '$.missing')),
       'codes', ${codesOf('p.value')}))
     FROM json_each(d.result, '$.persons') p))`;

export function readStoredDecisions(sqlite: Sqlite, ids: readonly string[]): Map<string, StoredDecision> {
  const out = new Map<string, StoredDecision>();
  if (ids.length === 0) return out;
  const rows = sqlite
    .prepare(`SELECT d.id, d.decided_at AS decidedAt, d.policy_version AS policyVersion, d.review, ${EXTRACT} AS extract FROM decisions d WHERE d.id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids);
  for (const raw of rows) {
    const row = decisionRow.parse(raw);
    const result = storedResult.parse(JSON.parse(row.extract));
    out.set(row.id, {
      decidedAt: row.decidedAt,
      policyVersion: row.policyVersion,
      outcome: result.outcome,
      reasonCodes: result.codes,
      persons: result.persons.map((p) => ({ id: p.id, outcome: p.outcome, tier: p.tier, maxAmountCad: p.max, reasonCodes: p.codes, missing: p.missing })),
      review: row.review === null ? null : reviewRecord.parse(JSON.parse(row.review)),
    });
  }
  return out;
}
