/**
 * Database benchmark: the encrypted database against the same data in plain SQLite, side by
 * side, on 50,000 cases / 100,000 persons of synthetic demo data.
 *
 *   npx tsx tests/bench/run.ts db
 *
 * The two databases are built once and cached under the OS temp dir (keyed by BUILD_VERSION and
 * the migration files, so a schema change rebuilds them); each run works on fresh copies so the
 * saves it measures never accumulate in the cache.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCase, listCases } from '../../electron/core/cases/service';
import { openEncryptedDatabase, openPlainDatabaseForComparison, sourceMigrationsDir } from '../../electron/core/db/open';
import type { OpenDatabase } from '../../electron/core/db/open';
import { generateDemoFamilies, insertDemoFamilies } from '../../electron/core/demo';
import type { DemoFamily } from '../../electron/core/demo';
import type { CreateCaseInput } from '../../shared/schema/case';
import { summarize } from './stats';

/** Bump when the generator or the build below changes in a way that should rebuild the cache. */
const BUILD_VERSION = 'db-bench-1';
const CASES = 50_000;
const PERSONS = 100_000;
const SEED = 2012;

const targets = { openP50Ms: 150, saveP95Ms: 5, ratio: 1.3, searchP95Ms: 20 } as const;

interface Fixture {
  cases: number;
  persons: number;
  /** Realistic search-box inputs taken from the data. */
  queries: { name: string[]; dob: string[]; uci: string[] };
  principals: CreateCaseInput['principal'][];
}

type Variant = 'encrypted' | 'plain';

export default async function dbBench(): Promise<object> {
  const cache = buildCache();
  const fixture = JSON.parse(readFileSync(join(cache, 'fixture.json'), 'utf8')) as Fixture;
  const key = Buffer.from(readFileSync(join(cache, 'bench.key'), 'utf8'), 'hex');
  const work = mkdtempSync(join(tmpdir(), 'avrr-bench-db-run-'));
  try {
    const files = { encrypted: join(work, 'encrypted.db'), plain: join(work, 'plain.db') };
    copyFileSync(join(cache, 'encrypted.db'), files.encrypted);
    copyFileSync(join(cache, 'plain.db'), files.plain);
    const openers: Record<Variant, () => OpenDatabase> = {
      encrypted: () => openEncryptedDatabase(files.encrypted, key),
      plain: () => openPlainDatabaseForComparison(files.plain),
    };
    const { encrypted, plain } = await measureBoth(openers, fixture);

    const ratio = (k: keyof typeof encrypted) => round(encrypted[k].p50 / plain[k].p50);
    const ratios = { open: ratio('open'), save: ratio('save'), list: ratio('list'), searchName: ratio('searchName'), searchDob: ratio('searchDob'), searchUci: ratio('searchUci') };
    const searchP95 = Math.max(encrypted.searchName.p95, encrypted.searchDob.p95, encrypted.searchUci.p95);
    return {
      data: { cases: fixture.cases, persons: fixture.persons, cache },
      encrypted,
      plain,
      ratiosP50: ratios,
      targets: {
        openP50: { limitMs: targets.openP50Ms, actual: encrypted.open.p50, holds: encrypted.open.p50 <= targets.openP50Ms },
        saveP95: { limitMs: targets.saveP95Ms, actual: encrypted.save.p95, holds: encrypted.save.p95 <= targets.saveP95Ms },
        saveRatio: { limit: targets.ratio, actual: ratios.save, holds: ratios.save <= targets.ratio },
        listRatio: { limit: targets.ratio, actual: ratios.list, holds: ratios.list <= targets.ratio },
        searchP95: { limitMs: targets.searchP95Ms, actual: searchP95, holds: searchP95 <= targets.searchP95Ms },
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Both databases measured side by side, sample by sample (encrypted, plain, plain, encrypted,
 * ...): on a shared 2-core machine, load that comes and goes then weighs on both alike, and the
 * ratio compares like with like.
 */
async function measureBoth(openers: Record<Variant, () => OpenDatabase>, fx: Fixture): Promise<Record<Variant, Record<Workload, ReturnType<typeof summarize>>>> {
  const variants: Variant[] = ['encrypted', 'plain'];
  const samples = Object.fromEntries(variants.map((v) => [v, Object.fromEntries(workloads.map((w) => [w, [] as number[]]))])) as Record<Variant, Record<Workload, number[]>>;
  const order = (i: number): Variant[] => (i % 2 === 0 ? variants : [...variants].reverse());

  // Open = new connection + key + migrations check + the first screen's query.
  for (let i = 0; i < 23; i++) {
    for (const v of order(i)) {
      const t0 = performance.now();
      const o = openers[v]();
      listCases(o.sqlite, { limit: 50, offset: 0 });
      const ms = performance.now() - t0;
      o.close();
      if (i >= 3) samples[v].open.push(ms); // the first opens warm the OS file cache
    }
  }

  const dbs = { encrypted: openers.encrypted(), plain: openers.plain() };
  try {
    const page = { limit: 50, offset: 0 };
    const pick = <T>(xs: T[], i: number): T => xs[Math.abs(i) % xs.length] as T;
    const run: Record<Exclude<Workload, 'open'>, { n: number; fn: (o: OpenDatabase, i: number) => unknown }> = {
      save: { n: 500, fn: (o, i) => o.sqlite.transaction(() => createCase(o, { channel: 'walk_in', principal: pick(fx.principals, i) }, null, new Date()))() },
      list: { n: 200, fn: (o) => listCases(o.sqlite, page) },
      searchName: { n: 200, fn: (o, i) => listCases(o.sqlite, { ...page, query: pick(fx.queries.name, i) }) },
      searchDob: { n: 200, fn: (o, i) => listCases(o.sqlite, { ...page, query: pick(fx.queries.dob, i) }) },
      searchUci: { n: 200, fn: (o, i) => listCases(o.sqlite, { ...page, query: pick(fx.queries.uci, i) }) },
    };
    for (const [w, { n, fn }] of Object.entries(run) as [Exclude<Workload, 'open'>, { n: number; fn: (o: OpenDatabase, i: number) => unknown }][]) {
      for (let i = -3; i < n; i++) {
        for (const v of order(i)) {
          const t0 = performance.now();
          fn(dbs[v], i);
          if (i >= 0) samples[v][w].push(performance.now() - t0);
        }
      }
    }
  } finally {
    dbs.encrypted.close();
    dbs.plain.close();
  }
  const sum = (v: Variant) => Object.fromEntries(workloads.map((w) => [w, summarize(samples[v][w])])) as Record<Workload, ReturnType<typeof summarize>>;
  return { encrypted: sum('encrypted'), plain: sum('plain') };
}

const workloads = ['open', 'save', 'list', 'searchName', 'searchDob', 'searchUci'] as const;
type Workload = (typeof workloads)[number];


/** Build the two databases once; later runs reuse them. Returns the cache folder. */
function buildCache(): string {
  const hash = createHash('sha256').update(BUILD_VERSION);
  for (const f of readdirSync(sourceMigrationsDir).filter((n) => n.endsWith('.sql')).sort()) hash.update(readFileSync(join(sourceMigrationsDir, f)));
  const dir = join(tmpdir(), `avrr-bench-db-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(join(dir, 'fixture.json'))) return dir; // written last: its presence means the build finished
  process.stderr.write(`bench db: building ${CASES} cases / ${PERSONS} persons in ${dir} (once)…\n`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const families = trimToPersons(generateDemoFamilies(CASES, SEED), PERSONS);
  const key = randomBytes(32);
  writeFileSync(join(dir, 'bench.key'), key.toString('hex'), { mode: 0o600 });
  const now = new Date();
  for (const o of [openEncryptedDatabase(join(dir, 'encrypted.db'), key), openPlainDatabaseForComparison(join(dir, 'plain.db'))]) {
    insertDemoFamilies(o, families, now);
    o.close(); // checkpoints the WAL into the file, so copying the .db file alone is a whole database
  }

  const persons = families.flatMap((f) => f.persons);
  const every = (n: number) => persons.filter((_, i) => i % Math.floor(persons.length / n) === 0).slice(0, n);
  const fixture: Fixture = {
    cases: families.length,
    persons: persons.length,
    queries: {
      // What an officer types: the start of a family (or only) name, in Latin letters or as written.
      name: every(60).map((p, i) => {
        const words = (i % 3 === 2 ? p.nameAsWritten : p.nameLatin).split(' ');
        const word = words.length > 1 && i % 2 === 0 ? words[words.length - 1] : words[0];
        return (word ?? p.nameLatin).slice(0, 5).padEnd(3, (word ?? '').slice(-1));
      }),
      dob: every(60).map((p) => p.dateOfBirth),
      uci: every(120).flatMap((p) => (p.uci ? [p.uci] : [])),
    },
    principals: families.slice(0, 50).map(({ persons: [p] }) => ({
      nameAsWritten: p?.nameAsWritten ?? '',
      nameLatin: p?.nameLatin ?? '',
      dateOfBirth: p?.dateOfBirth ?? '',
      nationality: p?.nationality ?? '',
      ...(p?.uci ? { uci: p.uci } : {}),
    })),
  };
  writeFileSync(join(dir, 'fixture.json'), JSON.stringify(fixture));
  return dir;
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
