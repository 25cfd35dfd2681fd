/**
 * The Reports screen over 50,000 cases: `report.get` through the app's own `invoke` (dispatch,
 * validation, the audit entry, the facts kept per case version, computeReport), on an encrypted
 * data folder filled by the demo data (electron/core/demo: 50,000 families, about 106,000
 * persons and 370,000 stage entries over the whole lifecycle). Targets: p95 under 200 ms for
 * report.get once the facts are in memory, the tables' CSV export under 1 s.
 *
 *   npx tsx tests/bench/run.ts reports
 *
 * - cold: the first report.get after sign-in (every case read and derived once);
 * - first call of each other query: the facts are in memory, but the query's sums are not yet
 *   (shared/reports/kept-report.ts: every case visited once);
 * - warm: 30 calls, alternating the basis and the period, with three cases changed through
 *   `stage.record` (a follow-up, as IOM reports them) before each call, so each call also re-reads
 *   the changed cases and brings the query's sums up to date;
 * - csv: report.exportCsv (warm), and report.cases on the funnel's largest number;
 * - auditedRead: report.targets (one small read): what dispatch and the audit entry (a write, the
 *   anchor file) cost any audited call, report.get included;
 * - breakdown: on a read-only connection of its own, the facts' first read, a later read (nothing
 *   changed), computeReport alone (every case visited) and keptReport (the sums kept per query,
 *   as report.get uses them), to tell the back end's reading from the computation; and whether
 *   keptReport gave computeReport's report on every query;
 * - memory: the process's heap and resident size after sign-in, after the cold call and at the end.
 *
 * Writing the folder takes minutes (the demo data's bulk writers, one transaction). Set
 * AVRR_BENCH_REPORTS_DIR to a folder to keep it and reuse it on the next run.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createAppCore } from '../../electron/core/app-core';
import type { AppCore } from '../../electron/core/app-core';
import { generateDemoFamilies, insertDemoLifecycle } from '../../electron/core/demo';
import { openDemoDataFolder } from '../../electron/core/demo/data-folder';
import { devPlaintextSealer } from '../../electron/core/keys/sealer';
import { openAccessServices } from '../../electron/core/access-services';
import { openEncryptedDatabase } from '../../electron/core/db/open';
import { loadReportCases } from '../../electron/core/reports/load';
import { removalTargets } from '../../electron/core/reports/targets';
import { computeReport } from '../../shared/reports/compute';
import { keptReport } from '../../shared/reports/kept-report';
import { policy } from '../../shared/rules/policy';
import type { Report } from '../../shared/reports/report';
import { fiscalYearOf, fiscalYearRange } from '../../shared/reports/query';
import type { ReportQuery } from '../../shared/reports/query';
import { officeDate } from '../../shared/time/office-time';
import { summarize } from './stats';

const CASES = 50_000;
const SEED = 2015;
const WARM_CALLS = 30;
const CHANGED_PER_CALL = 3;
const target = { reportGetP95Ms: 200, exportCsvMs: 1000 } as const;
const ACCOUNT = { username: 'bench.reports', displayName: 'Bench Reports', password: 'fifty thousand cases to count 2026' };

async function build(dataDir: string): Promise<{ cases: number; persons: number; stages: number; buildMs: number }> {
  const t0 = performance.now();
  const { open } = await openDemoDataFolder(dataDir, ACCOUNT);
  try {
    const by = z.string().parse(open.sqlite.prepare('SELECT id FROM users WHERE username = ?').pluck().get(ACCOUNT.username));
    const s = insertDemoLifecycle(open, generateDemoFamilies(CASES, SEED), new Date(), { by, seed: SEED });
    return { cases: s.cases, persons: s.persons, stages: s.stages, buildMs: Math.round(performance.now() - t0) };
  } finally {
    open.close();
  }
}

async function counts(dataDir: string): Promise<{ cases: number; persons: number; stages: number }> {
  const { open } = await openDemoDataFolder(dataDir, ACCOUNT);
  try {
    const n = (table: string) => z.number().parse(open.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    return { cases: n('cases'), persons: n('persons'), stages: n('case_stages') };
  } finally {
    open.close();
  }
}

async function ok<T>(core: AppCore, channel: string, input: unknown): Promise<T> {
  const r = await core.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** The reading and the computation apart, on a read-only connection of their own. */
async function phases(dataDir: string, queries: ReportQuery[], today: string): Promise<object> {
  const unlocked = await openAccessServices(dataDir, devPlaintextSealer).vault.unlock(ACCOUNT.username, ACCOUNT.password, new Date());
  if (!unlocked.ok) throw new Error('cannot unlock the bench folder');
  const open = openEncryptedDatabase(join(dataDir, 'avrr.db'), unlocked.dbKey, { readonly: true });
  try {
    const t0 = performance.now();
    loadReportCases(open, 'America/Toronto');
    const loadColdMs = Math.round(performance.now() - t0);
    const load: number[] = [];
    const compute: number[] = [];
    const kept: number[] = [];
    let keptEqualsFresh = true;
    const ctx = { today, generatedAt: new Date().toISOString(), targets: removalTargets(open.db), currentPolicyVersion: policy.version };
    for (let i = 0; i < 20; i++) {
      const q = queries[i % queries.length] ?? queries[0]!;
      const t1 = performance.now();
      const { cases } = loadReportCases(open, 'America/Toronto');
      const t2 = performance.now();
      const fresh = computeReport(cases, q, ctx);
      const t3 = performance.now();
      const held = keptReport(cases, q, ctx);
      load.push(t2 - t1);
      compute.push(t3 - t2);
      kept.push(performance.now() - t3);
      if (JSON.stringify(held) !== JSON.stringify(fresh)) keptEqualsFresh = false;
    }
    return { loadColdMs, loadWarmMs: summarize(load), computeReportMs: summarize(compute), keptReportMs: summarize(kept), keptEqualsFresh };
  } finally {
    open.close();
  }
}

const caseRef = z.object({ id: z.string(), version: z.number() });

/** The process's heap and resident size now (MB). */
function memory(): { heapUsedMb: number; rssMb: number } {
  const m = process.memoryUsage();
  return { heapUsedMb: Math.round(m.heapUsed / 1e6), rssMb: Math.round(m.rss / 1e6) };
}

export default async function reportsBench(): Promise<object> {
  const kept = process.env.AVRR_BENCH_REPORTS_DIR;
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'avrr-bench-reports-'));
  try {
    const reused = kept !== undefined && existsSync(join(kept, 'avrr.db'));
    const data = reused ? { ...(await counts(dataDir)), buildMs: null } : await build(dataDir);

    const core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'bench-reports' });
    let closed = false;
    try {
      await ok(core, 'auth.signIn', { username: ACCOUNT.username, password: ACCOUNT.password });
      const memorySignedIn = memory();
      const today = officeDate(new Date(), 'America/Toronto');
      const fy = fiscalYearOf(today);
      const queries: ReportQuery[] = [
        { ...fiscalYearRange(fy - 1), basis: 'application' },
        { ...fiscalYearRange(fy - 1), basis: 'event' },
        { from: '2000-01-01', to: today, basis: 'application' },
        { ...fiscalYearRange(fy), basis: 'event' },
      ];

      const cold = await time(() => ok<Report>(core, 'report.get', queries[0]));
      const memoryCold = memory();

      // Cases IOM reports on (a follow-up changes nothing but the case's history and version).
      const candidates = (await ok<{ cases: { id: string; status: string }[] }>(core, 'report.cases', { query: queries[2], cell: 'cases' })).cases.filter((c) => c.status === 'reintegration');
      let next = 0;
      const change = async () => {
        for (let k = 0; k < CHANGED_PER_CALL; k++) {
          const id = candidates[next++ % candidates.length]?.id;
          const c = caseRef.parse(await ok(core, 'case.get', { caseId: id }));
          await ok(core, 'stage.record', { caseId: c.id, baseVersion: c.version, occurredOn: today, source: 'iom_phone', stage: { action: 'recordFollowUp', notes: 'Reached by phone: doing well.' } });
        }
      };
      const firstCall: number[] = [];
      for (const q of queries.slice(1)) firstCall.push((await time(() => ok<Report>(core, 'report.get', q))).ms);
      const warm: number[] = [];
      for (let i = 0; i < WARM_CALLS; i++) {
        await change();
        warm.push((await time(() => ok<Report>(core, 'report.get', queries[i % queries.length]))).ms);
      }
      const unchanged: number[] = [];
      for (let i = 0; i < 10; i++) unchanged.push((await time(() => ok<Report>(core, 'report.get', queries[i % queries.length]))).ms);

      const csv: number[] = [];
      let csvBytes = 0;
      for (let i = 0; i < 5; i++) {
        const r = await time(() => ok<{ content: string }>(core, 'report.exportCsv', { query: queries[i % 2], lang: i % 2 === 0 ? 'en' : 'fr' }));
        csv.push(r.ms);
        csvBytes = r.value.content.length;
      }
      const audited: number[] = [];
      for (let i = 0; i < 10; i++) audited.push((await time(() => ok(core, 'report.targets', {}))).ms);
      const biggest = cold.value.funnel[0];
      const drill: number[] = [];
      for (let i = 0; i < 5; i++) drill.push((await time(() => ok(core, 'report.cases', { query: queries[0], cell: biggest?.count.cell ?? 'cases' }))).ms);

      const memoryEnd = memory();
      core.close();
      closed = true;
      const breakdown = await phases(dataDir, queries, today);

      const warmStats = summarize(warm);
      const csvStats = summarize(csv);
      return {
        data: { ...data, reused, queries },
        reportGet: {
          coldMs: Math.round(cold.ms),
          firstCallOfQueryMs: firstCall.map((ms) => Math.round(ms)),
          casesCounted: cold.value.cases.n,
          warmMs: { ...warmStats, changedCasesBeforeEachCall: CHANGED_PER_CALL },
          warmUnchangedMs: summarize(unchanged),
        },
        exportCsvMs: { ...csvStats, bytes: csvBytes },
        reportCasesMs: { ...summarize(drill), cases: biggest?.count.n ?? null },
        auditedReadMs: summarize(audited),
        breakdown,
        memory: { signedIn: memorySignedIn, afterCold: memoryCold, end: memoryEnd },
        target,
        meetsTarget: { reportGet: warmStats.p95 < target.reportGetP95Ms, exportCsv: csvStats.p95 < target.exportCsvMs },
      };
    } finally {
      if (!closed) core.close();
    }
  } finally {
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}
