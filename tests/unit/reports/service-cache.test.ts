import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccessServices } from '../../../electron/core/access-services';
import { createAppCore } from '../../../electron/core/app-core';
import type { AppCore } from '../../../electron/core/app-core';
import { toDecision } from '../../../electron/core/cases/rows';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import type { OpenDatabase } from '../../../electron/core/db/open';
import { decisions } from '../../../electron/core/db/schema';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { clearReportCache, loadReportCases, readStoredDecisions } from '../../../electron/core/reports/load';
import { DB_FILE_NAME } from '../../../electron/core/session/manager';
import { effectivePersons } from '../../../shared/case/decision';
import { effectiveDecisionPersons, storedDecisionOf } from '../../../shared/reports/derive';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { FIXTURE_NOW, FIXTURE_TODAY, fixtureCases } from '../../fixtures/reports/forty-cases';
import { FIXTURE_ACCOUNT, seedReportFixture } from '../../fixtures/reports/insert';
import { b64, pdfWith } from '../attachments/fixtures';
import { intakeWith } from '../core/helpers';

/**
 * The report facts kept per case version (electron/core/reports/load.ts), read through a
 * connection of its own while the app (another connection, as another window or process would)
 * changes the cases: only the changed cases are read again; scans, which do not move the case
 * version, are read afresh; the decision parts extracted in SQL are those of the whole stored
 * decision; the first screening's date is kept.
 */

let core: AppCore;
let dataDir: string;
let open: OpenDatabase;
let caseIds: Map<number, string>;
const TZ = 'America/Toronto';

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await core.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'avrr-report-cache-'));
  const now = () => new Date(FIXTURE_NOW);
  ({ caseIds } = await seedReportFixture(dataDir, now));
  core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'reports-cache-test', now });
  await ok('auth.signIn', { username: FIXTURE_ACCOUNT.username, password: FIXTURE_ACCOUNT.password });
  const unlocked = await openAccessServices(dataDir, devPlaintextSealer).vault.unlock(FIXTURE_ACCOUNT.username, FIXTURE_ACCOUNT.password, now());
  if (!unlocked.ok) throw new Error('cannot unlock the fixture folder');
  open = openEncryptedDatabase(join(dataDir, DB_FILE_NAME), unlocked.dbKey);
}, 120_000);

afterAll(() => {
  open?.close();
  core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const caseOf = (id: string) => {
  const c = loadReportCases(open, TZ).cases.find((x) => x.id === id);
  if (!c) throw new Error(`case ${id} not in the report facts`);
  return c;
};

describe('report facts kept per case version', () => {
  it('finds the changed cases from an index alone (the rows hold the whole intake)', () => {
    const plan = open.sqlite.prepare('EXPLAIN QUERY PLAN SELECT id, version FROM cases').all();
    expect(JSON.stringify(plan)).toContain('USING COVERING INDEX cases_id_version');
  });

  it('reads every case once, then none until one changes', () => {
    clearReportCache(open.sqlite);
    expect(loadReportCases(open, TZ).stats).toEqual({ cases: fixtureCases.length, read: fixtureCases.length, dropped: 0, fullScan: true });
    expect(loadReportCases(open, TZ).stats).toEqual({ cases: fixtureCases.length, read: 0, dropped: 0, fullScan: false });
  });

  it('a stage recorded by the app: that case alone is read again, with the stage', async () => {
    const n = fixtureCases.find((c) => c.status === 'referred' && !c.stages)?.n;
    const id = n === undefined ? undefined : caseIds.get(n);
    if (!id) throw new Error('no referred fixture case');
    loadReportCases(open, TZ);
    expect(caseOf(id).stages.acknowledgedOn).toBeNull();
    const c = await ok<CaseDetail>('case.get', { caseId: id });
    await ok('stage.record', { caseId: id, baseVersion: c.version, occurredOn: FIXTURE_TODAY, source: 'iom_phone', stage: { action: 'acknowledge', iomReference: 'IOM-CACHE-1' } });
    const after = loadReportCases(open, TZ);
    expect(after.stats).toMatchObject({ read: 1, fullScan: false });
    expect(caseOf(id).stages.acknowledgedOn).toBe(FIXTURE_TODAY);
    expect(caseOf(id).status).toBe('acknowledged');
  });

  it('a correction too', async () => {
    const n = fixtureCases.find((c) => c.status === 'referred' && !c.stages)?.n;
    const id = n === undefined ? undefined : caseIds.get(n);
    if (!id) throw new Error('no referred fixture case');
    const c = await ok<CaseDetail>('case.get', { caseId: id });
    const entry = c.stages.at(-1);
    if (!entry) throw new Error('no stage to correct');
    await ok('stage.correct', { caseId: id, baseVersion: c.version, entryId: entry.id, reason: 'Recorded on the wrong case by mistake.' });
    expect(loadReportCases(open, TZ).stats.read).toBe(1);
    expect(caseOf(id).stages.acknowledgedOn).toBeNull();
    expect(caseOf(id).status).toBe('referred');
  });

  it('a withdrawal: read again, with its exit', async () => {
    const id = loadReportCases(open, TZ).cases.find((x) => x.status === 'decided' && x.exit === null)?.id;
    if (!id) throw new Error('no open decided case');
    const c = await ok<CaseDetail>('case.get', { caseId: id });
    await ok('case.withdraw', { caseId: id, baseVersion: c.version, date: FIXTURE_TODAY });
    expect(loadReportCases(open, TZ).stats.read).toBe(1);
    expect(caseOf(id).exit).toEqual({ kind: 'withdrawn', on: FIXTURE_TODAY, from: 'decided', reasonGiven: false });
  });

  it('a scan does not move the case version: its kind is read afresh all the same', async () => {
    const id = loadReportCases(open, TZ).cases.find((x) => x.status === 'acknowledged' || x.status === 'referred')?.id;
    if (!id) throw new Error('no referred case');
    const before = caseOf(id).attachments.filter((k) => k === 'other').length;
    await ok('attachment.add', { caseId: id, kind: 'other', fileName: 'letter.pdf', contentBase64: b64(pdfWith('a letter')) });
    const after = loadReportCases(open, TZ);
    expect(after.stats.read).toBe(0);
    expect(caseOf(id).attachments.filter((k) => k === 'other').length).toBe(before + 1);
  });

  it('a new case is read; another time zone derives every case again', async () => {
    await ok('case.create', { intake: intakeWith({ nameAsWritten: 'Nadia Petrenko', nameLatin: 'Nadia Petrenko', dateOfBirth: '1990-01-01', nationality: 'UKR' }, 'walk_in', FIXTURE_TODAY) });
    const r = loadReportCases(open, TZ);
    expect(r.stats).toEqual({ cases: fixtureCases.length + 1, read: 1, dropped: 0, fullScan: false });
    expect(loadReportCases(open, 'Europe/Paris').stats.read).toBe(fixtureCases.length + 1);
  });

  it('the first screening’s date is kept; a second screening (a new appointment) does not move it', async () => {
    const made = await ok<CaseDetail>('case.create', { intake: intakeWith({ nameAsWritten: 'Olena Shevchenko', nameLatin: 'Olena Shevchenko', dateOfBirth: '1985-05-05', nationality: 'UKR' }, 'walk_in', FIXTURE_TODAY) });
    expect(caseOf(made.id).screenedOn).toBeNull();
    const screened = await ok<CaseDetail>('case.screen', { caseId: made.id, baseVersion: made.version, handover: { kind: 'now' } });
    expect(caseOf(made.id).screenedOn).toBe(FIXTURE_TODAY);
    const at = open.sqlite.prepare('SELECT screened_at FROM cases WHERE id = ?').pluck().get(made.id);
    expect(at).toBe(FIXTURE_NOW);
    await ok('case.screen', { caseId: made.id, baseVersion: screened.version, handover: { kind: 'appointment', at: '2015-05-19T10:00' } });
    expect(open.sqlite.prepare('SELECT screened_at FROM cases WHERE id = ?').pluck().get(made.id)).toBe(FIXTURE_NOW);
  });
});

describe('what the quick check cannot place', () => {
  it('a change stamped earlier than the last one seen (another process’s clock behind): every id and version is listed', () => {
    loadReportCases(open, TZ);
    const c = loadReportCases(open, TZ).cases.find((x) => x.status === 'screened');
    if (!c) throw new Error('no screened case');
    open.sqlite.prepare(`UPDATE cases SET version = version + 1, status = 'withdrawn', withdrawn_at = ?, updated_at = '2001-01-01T00:00:00.000Z' WHERE id = ?`).run(FIXTURE_TODAY, c.id);
    expect(loadReportCases(open, TZ).stats).toMatchObject({ read: 1, dropped: 0, fullScan: true });
    expect(caseOf(c.id).exit).toMatchObject({ kind: 'withdrawn', on: FIXTURE_TODAY });
  });

  it('a deleted case is dropped; the facts stay in case-number order', () => {
    const before = loadReportCases(open, TZ).cases;
    const gone = before[3];
    if (!gone) throw new Error('no case');
    open.sqlite.prepare('DELETE FROM cases WHERE id = ?').run(gone.id);
    const after = loadReportCases(open, TZ);
    expect(after.stats).toMatchObject({ cases: before.length - 1, read: 0, dropped: 1, fullScan: true });
    expect(after.cases.map((x) => x.id)).not.toContain(gone.id);
    const numbers = after.cases.map((x) => x.caseNumber);
    expect(numbers).toEqual([...numbers].sort());
  });
});

describe('the decision parts extracted in SQL', () => {
  it('are those of the whole stored decision, and the persons in force are effectivePersons’', () => {
    const rows = open.db.select().from(decisions).all();
    expect(rows.length).toBeGreaterThan(30);
    const extracted = readStoredDecisions(open.sqlite, rows.map((r) => r.id));
    for (const row of rows) {
      const whole = toDecision(row);
      const stored = storedDecisionOf(whole);
      expect(extracted.get(row.id), row.id).toEqual(stored);
      expect(effectiveDecisionPersons(stored)).toEqual(effectivePersons(whole).map((p) => ({ id: p.id, outcome: p.outcome, tier: p.tier, maxAmountCad: p.maxAmountCad })));
    }
  });
});
