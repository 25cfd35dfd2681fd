import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccessServices } from '../../../electron/core/access-services';
import { createAppCore } from '../../../electron/core/app-core';
import type { AppCore } from '../../../electron/core/app-core';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import type { OpenDatabase } from '../../../electron/core/db/open';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { clearReportCache, loadReportCases } from '../../../electron/core/reports/load';
import { removalTargets } from '../../../electron/core/reports/targets';
import { DB_FILE_NAME } from '../../../electron/core/session/manager';
import { computeReport } from '../../../shared/reports/compute';
import type { ReportQuery } from '../../../shared/reports/query';
import type { Report } from '../../../shared/reports/report';
import { policy } from '../../../shared/rules/policy';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { FIXTURE_NOW, FIXTURE_TODAY, fixtureCases } from '../../fixtures/reports/forty-cases';
import { FIXTURE_ACCOUNT, seedReportFixture } from '../../fixtures/reports/insert';
import { intakeWith } from '../core/helpers';

/**
 * report.get keeps each query's sums between calls (shared/reports/kept-report.ts) and the facts
 * of each case version (electron/core/reports/load.ts). After cases are created, screened,
 * changed, withdrawn and given stages through the app, with reports asked for in between, what
 * report.get says must be what a fresh computation says: every case read again on a connection of
 * its own, nothing kept, computeReport over all of them.
 */

let core: AppCore;
let dataDir: string;
let fresh: OpenDatabase;
let caseIds: Map<number, string>;
const TZ = 'America/Toronto';
const queries: ReportQuery[] = [
  { from: '2014-04-01', to: '2015-03-31', basis: 'application' },
  { from: '2014-04-01', to: '2015-03-31', basis: 'event' },
  { from: '2000-01-01', to: FIXTURE_TODAY, basis: 'application' },
  { from: '2015-04-01', to: '2016-03-31', basis: 'event' },
];

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await core.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** The report as computed from nothing kept. */
function computedAfresh(q: ReportQuery): Report {
  clearReportCache(fresh.sqlite);
  const { cases } = loadReportCases(fresh, TZ);
  const objects = cases.map((c) => ({ ...c }));
  return computeReport(objects, q, { today: FIXTURE_TODAY, generatedAt: FIXTURE_NOW, targets: removalTargets(fresh.db), currentPolicyVersion: policy.version });
}

async function expectEveryQueryAsAfresh(): Promise<void> {
  for (const q of queries) expect(await ok<Report>('report.get', q), `${q.basis} ${q.from}`).toEqual(computedAfresh(q));
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'avrr-report-kept-'));
  const now = () => new Date(FIXTURE_NOW);
  ({ caseIds } = await seedReportFixture(dataDir, now));
  core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'reports-kept-test', now });
  await ok('auth.signIn', { username: FIXTURE_ACCOUNT.username, password: FIXTURE_ACCOUNT.password });
  const unlocked = await openAccessServices(dataDir, devPlaintextSealer).vault.unlock(FIXTURE_ACCOUNT.username, FIXTURE_ACCOUNT.password, now());
  if (!unlocked.ok) throw new Error('cannot unlock the fixture folder');
  fresh = openEncryptedDatabase(join(dataDir, DB_FILE_NAME), unlocked.dbKey, { readonly: true });
}, 120_000);

afterAll(() => {
  fresh?.close();
  core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const idOf = (pick: (c: (typeof fixtureCases)[number]) => boolean): string => {
  const n = fixtureCases.find(pick)?.n;
  const id = n === undefined ? undefined : caseIds.get(n);
  if (!id) throw new Error('no such fixture case');
  return id;
};

describe('report.get with the sums kept between calls', () => {
  it('gives what a fresh computation gives, before and after cases are created, changed, withdrawn and given stages', async () => {
    await expectEveryQueryAsAfresh();

    // A new case, then screened (a new intake counted, then a funnel step).
    const made = await ok<CaseDetail>('case.create', { intake: intakeWith({ nameAsWritten: 'Nadia Petrenko', nameLatin: 'Nadia Petrenko', dateOfBirth: '1990-01-01', nationality: 'UKR' }, 'walk_in', FIXTURE_TODAY) });
    await expectEveryQueryAsAfresh();
    await ok<CaseDetail>('case.screen', { caseId: made.id, baseVersion: made.version, handover: { kind: 'now' } });
    await expectEveryQueryAsAfresh();

    // A stage recorded on a referred case (acknowledged by IOM), then corrected away.
    const referred = idOf((c) => c.status === 'referred' && !c.stages);
    const before = await ok<CaseDetail>('case.get', { caseId: referred });
    await ok('stage.record', { caseId: referred, baseVersion: before.version, occurredOn: FIXTURE_TODAY, source: 'iom_phone', stage: { action: 'acknowledge', iomReference: 'IOM-KEPT-1' } });
    await expectEveryQueryAsAfresh();
    const acknowledged = await ok<CaseDetail>('case.get', { caseId: referred });
    const entry = acknowledged.stages.at(-1);
    if (!entry) throw new Error('no stage to correct');
    await ok('stage.correct', { caseId: referred, baseVersion: acknowledged.version, entryId: entry.id, reason: 'Recorded on the wrong case by mistake.' });
    await expectEveryQueryAsAfresh();

    // A withdrawal (an exit, and the case is no longer open for the duplicate check).
    const decided = loadReportCases(fresh, TZ).cases.find((c) => c.status === 'decided' && c.exit === null);
    if (!decided) throw new Error('no open decided case');
    const d = await ok<CaseDetail>('case.get', { caseId: decided.id });
    await ok('case.withdraw', { caseId: decided.id, baseVersion: d.version, date: FIXTURE_TODAY });
    await expectEveryQueryAsAfresh();

    // The same person as an existing case applies again: a suspected duplicate on both sides.
    const principal = d.intake.persons[0];
    if (!principal) throw new Error('no principal');
    await ok<CaseDetail>('case.create', {
      intake: intakeWith({ nameAsWritten: principal.nameAsWritten, nameLatin: principal.nameLatin, dateOfBirth: principal.dateOfBirth, nationality: principal.nationality }, 'walk_in', FIXTURE_TODAY),
    });
    await expectEveryQueryAsAfresh();
  }, 120_000);
});
