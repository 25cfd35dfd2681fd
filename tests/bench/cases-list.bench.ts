/**
 * The Cases screen's back end over 50,000 cases / 100,000 persons (issue 13 targets):
 *
 * - the first page after a filter change (status, stage, channel, officer, application dates,
 *   "needs my action", another column order, and filters with a search): p95 under 100 ms;
 * - search as you type: every keystroke of a name, from its first letter, as its own query (what
 *   the search box sends): p95 under 30 ms;
 * - name search on the encrypted database against the same data in plain SQLite, side by side:
 *   ratio under 1.5. And where the time goes: the same searches on the encrypted database with
 *   smaller page caches (2 MB, SQLite's default; 16 MB, better-sqlite3's) than the app's (db/open.ts).
 *
 *   npx tsx tests/bench/run.ts cases-list
 *
 * The cases are the demo data's (electron/core/demo, bulk writer); then, in the benchmark's copy
 * only, spread over statuses and five officers with one UPDATE, so filters select realistic
 * shares. Both databases are built once and cached under the OS temp dir (keyed by BUILD_VERSION
 * and the migration files); each run reads a fresh copy.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { listCases } from '../../electron/core/cases/list-query';
import type { CaseListRequest, ListViewer } from '../../electron/core/cases/list-query';
import { openEncryptedDatabase, openPlainDatabaseForComparison, sourceMigrationsDir } from '../../electron/core/db/open';
import type { OpenDatabase } from '../../electron/core/db/open';
import { generateDemoFamilies, insertDemoFamilies } from '../../electron/core/demo';
import type { DemoFamily } from '../../electron/core/demo';
import { caseStatuses } from '../../shared/case/lifecycle';
import { CASE_PAGE_SIZE } from '../../shared/schema/limits';
import { summarize } from './stats';

const BUILD_VERSION = 'cases-list-bench-1';
const CASES = 50_000;
const PERSONS = 100_000;
const SEED = 2026;
const targets = { filterP95Ms: 100, typeP95Ms: 30, nameRatio: 1.5 } as const;
/** Page caches compared on the encrypted database (negative = KiB): SQLite's stock default, and better-sqlite3's build default (what the app had before db/open.ts set 64 MB). */
const SMALL_CACHE = -2000;
const MEDIUM_CACHE = -16000;

interface Fixture {
  cases: number;
  persons: number;
  officers: string[];
  /** Names an officer types (Latin or as written), whole words, 3 to 10 characters. */
  names: string[];
  firstApplicationDate: string;
  lastApplicationDate: string;
}

type Variant = 'encrypted' | 'plain';
type Sample = Record<string, number[]>;

export default async function casesListBench(): Promise<object> {
  const cache = buildCache();
  const fixture = JSON.parse(readFileSync(join(cache, 'fixture.json'), 'utf8')) as Fixture;
  const key = Buffer.from(readFileSync(join(cache, 'bench.key'), 'utf8'), 'hex');
  const work = mkdtempSync(join(tmpdir(), 'avrr-bench-cases-list-'));
  try {
    copyFileSync(join(cache, 'encrypted.db'), join(work, 'encrypted.db'));
    copyFileSync(join(cache, 'plain.db'), join(work, 'plain.db'));
    const dbs: Record<Variant, OpenDatabase> = {
      encrypted: openEncryptedDatabase(join(work, 'encrypted.db'), key),
      plain: openPlainDatabaseForComparison(join(work, 'plain.db')),
    };
    const cacheSetting = Number(dbs.encrypted.sqlite.pragma('cache_size', { simple: true }));
    try {
      const filters = filterRequests(fixture);
      const keystrokes = typedPrefixes(fixture.names);
      const viewer: ListViewer = { userId: fixture.officers[0] ?? '', role: 'interview_officer', today: fixture.lastApplicationDate };
      const samples: Record<Variant, Sample> = { encrypted: {}, plain: {} };
      const time = (v: Variant, name: string, fn: () => unknown) => {
        const t0 = performance.now();
        fn();
        (samples[v][name] ??= []).push(performance.now() - t0);
      };
      const order = (i: number): Variant[] => (i % 2 === 0 ? ['encrypted', 'plain'] : ['plain', 'encrypted']);

      // Warm both (the first reads fill the OS file cache), untimed.
      for (const v of order(0)) for (const r of filters) listCases(dbs[v].sqlite, r, viewer);

      // First page after a filter change: each request differs from the one before it.
      for (let round = 0; round < 25; round++) {
        filters.forEach((r, i) => {
          for (const v of order(round + i)) time(v, 'filterFirstPage', () => listCases(dbs[v].sqlite, r, viewer));
        });
      }
      // Search as you type: every prefix of every name, in typing order.
      keystrokes.forEach((q, i) => {
        for (const v of order(i)) time(v, 'typeName', () => listCases(dbs[v].sqlite, { query: q, limit: CASE_PAGE_SIZE, offset: 0 }, viewer));
      });
      // Where the time goes: the same keystrokes on the encrypted database with a smaller and a
      // larger page cache (pages decrypted once stay decrypted while they stay in the cache).
      const enc = dbs.encrypted.sqlite;
      for (const [name, size] of [['typeNameCache2MB', SMALL_CACHE], ['typeNameCache16MB', MEDIUM_CACHE]] as const) {
        enc.pragma(`cache_size = ${size}`);
        keystrokes.forEach((q) => listCases(enc, { query: q, limit: CASE_PAGE_SIZE, offset: 0 }, viewer));
        keystrokes.forEach((q) => time('encrypted', name, () => listCases(enc, { query: q, limit: CASE_PAGE_SIZE, offset: 0 }, viewer)));
      }
      enc.pragma(`cache_size = ${cacheSetting}`);

      const sum = (v: Variant) => Object.fromEntries(Object.entries(samples[v]).map(([k, xs]) => [k, summarize(xs)]));
      const encrypted = sum('encrypted');
      const plain = sum('plain');
      const filterP95 = encrypted.filterFirstPage?.p95 ?? NaN;
      const typeP95 = encrypted.typeName?.p95 ?? NaN;
      const ratioP50 = round((encrypted.typeName?.p50 ?? NaN) / (plain.typeName?.p50 ?? NaN));
      const ratioP95 = round(typeP95 / (plain.typeName?.p95 ?? NaN));
      return {
        data: { cases: fixture.cases, persons: fixture.persons, filterRequests: filters.length, keystrokes: keystrokes.length, cache },
        pageCacheKiB: { app: cacheSetting < 0 ? -cacheSetting : `${cacheSetting} pages`, compared: [-SMALL_CACHE, -MEDIUM_CACHE] },
        encrypted,
        plain,
        ratios: {
          typeNameP50: ratioP50,
          typeNameP95: ratioP95,
          typeNameCache2MBP50: round((encrypted.typeNameCache2MB?.p50 ?? NaN) / (plain.typeName?.p50 ?? NaN)),
          typeNameCache16MBP50: round((encrypted.typeNameCache16MB?.p50 ?? NaN) / (plain.typeName?.p50 ?? NaN)),
        },
        targets: {
          filterFirstPageP95: { limitMs: targets.filterP95Ms, actual: filterP95, holds: filterP95 < targets.filterP95Ms },
          typeNameP95: { limitMs: targets.typeP95Ms, actual: typeP95, holds: typeP95 < targets.typeP95Ms },
          nameRatioP50: { limit: targets.nameRatio, actual: ratioP50, holds: ratioP50 < targets.nameRatio },
        },
      };
    } finally {
      dbs.encrypted.close();
      dbs.plain.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** What the Cases screen asks after each change of filter or order: the first page. */
function filterRequests(fx: Fixture): CaseListRequest[] {
  const page = { limit: CASE_PAGE_SIZE, offset: 0 };
  const [a = '', b = '', c = ''] = fx.officers;
  const name = fx.names[0] ?? 'ali';
  return [
    { ...page, status: 'closed' },
    { ...page, status: 'under_review' },
    { ...page, phase: 'iom' },
    { ...page, phase: 'intake', channel: 'walk_in' },
    { ...page, channel: 'email' },
    { ...page, officer: a },
    { ...page, officer: b, phase: 'decision' },
    { ...page, from: fx.firstApplicationDate, to: fx.firstApplicationDate },
    { ...page, from: fx.lastApplicationDate },
    { ...page, needsMyAction: true },
    { ...page, sort: 'name', dir: 'asc' },
    { ...page, sort: 'name', dir: 'desc', status: 'reintegration' },
    { ...page, sort: 'applicationDate', dir: 'asc' },
    { ...page, sort: 'status', dir: 'desc' },
    { ...page, sort: 'caseNumber', dir: 'asc' },
    { ...page, query: name, phase: 'closed' },
    { ...page, query: name, sort: 'name', dir: 'asc' },
    { ...page, query: '1985', officer: c },
    { ...page },
  ];
}

/** Each name typed a letter at a time: "k", "ko", "kov", … (what the box sends). */
function typedPrefixes(names: string[]): string[] {
  return names.flatMap((n) => [...n].map((_, i) => [...n].slice(0, i + 1).join('')));
}

/** Build the two databases once; later runs reuse them. Returns the cache folder. */
function buildCache(): string {
  const hash = createHash('sha256').update(BUILD_VERSION);
  for (const f of readdirSync(sourceMigrationsDir).filter((n) => n.endsWith('.sql')).sort()) hash.update(readFileSync(join(sourceMigrationsDir, f)));
  const dir = join(tmpdir(), `avrr-bench-cases-list-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(join(dir, 'fixture.json'))) return dir; // written last: its presence means the build finished
  process.stderr.write(`bench cases-list: building ${CASES} cases / ${PERSONS} persons in ${dir} (once)…\n`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const families = trimToPersons(generateDemoFamilies(CASES, SEED), PERSONS);
  const officers = Array.from({ length: 5 }, () => randomUUID());
  const key = randomBytes(32);
  writeFileSync(join(dir, 'bench.key'), key.toString('hex'), { mode: 0o600 });
  const now = new Date('2026-11-27T16:00:00Z');
  let dates = { first: '', last: '' };
  for (const o of [openEncryptedDatabase(join(dir, 'encrypted.db'), key), openPlainDatabaseForComparison(join(dir, 'plain.db'))]) {
    insertDemoFamilies(o, families, now);
    spread(o, officers);
    dates = z.object({ first: z.string(), last: z.string() }).parse(o.sqlite.prepare('SELECT min(application_date) AS first, max(application_date) AS last FROM cases').get());
    o.sqlite.pragma('optimize');
    o.close(); // checkpoints the WAL into the file, so copying the .db file alone is a whole database
  }

  const persons = families.flatMap((f) => f.persons);
  const words = [...new Set(persons.flatMap((p, i) => (i % 1700 === 0 ? (i % 3 === 0 ? p.nameAsWritten : p.nameLatin).split(' ') : [])))];
  const fixture: Fixture = {
    cases: families.length,
    persons: persons.length,
    officers,
    names: words.filter((w) => [...w].length >= 3).slice(0, 40).map((w) => [...w].slice(0, 10).join('')),
    firstApplicationDate: dates.first,
    lastApplicationDate: dates.last,
  };
  writeFileSync(join(dir, 'fixture.json'), JSON.stringify(fixture));
  return dir;
}

/**
 * The benchmark's copy only: statuses over the whole lifecycle (a quarter still drafts), the
 * five officers as who started and who last changed each case, a few due for a look.
 */
function spread(o: OpenDatabase, officers: string[]): void {
  const statuses = JSON.stringify(caseStatuses);
  const pick = officers.map((id, i) => `WHEN ${i} THEN '${id}'`).join(' ');
  o.sqlite.exec(`
    UPDATE cases SET
      status = CASE WHEN rowid % 4 = 0 THEN 'draft' ELSE json_extract('${statuses}', '$[' || (rowid * 7919 % ${caseStatuses.length}) || ']') END,
      created_by = CASE rowid % ${officers.length} ${pick} END,
      updated_by = CASE rowid * 3 % ${officers.length} ${pick} END,
      attention_on = CASE WHEN rowid % 50 = 0 THEN application_date END;
  `);
}

/** Drop family members (never a principal) from the last families until exactly `persons` remain. */
function trimToPersons(families: DemoFamily[], persons: number): DemoFamily[] {
  let excess = families.reduce((n, f) => n + f.persons.length, 0) - persons;
  const out = [...families];
  for (let i = out.length - 1; i >= 0 && excess > 0; i--) {
    const f = out[i];
    if (!f || f.persons.length === 1) continue;
    const keep = Math.max(1, f.persons.length - excess);
    excess -= f.persons.length - keep;
    out[i] = { ...f, persons: f.persons.slice(0, keep) };
  }
  if (excess > 0) throw new Error(`cannot trim to ${persons} persons`);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
