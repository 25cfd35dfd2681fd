import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../electron/core/app-core';
import type { AppCore } from '../../../electron/core/app-core';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { CASE_EXPORT_COLUMNS } from '../../../electron/core/reports/case-export';
import type { IpcResult } from '../../../shared/ipc/errors';
import type { ReportQuery } from '../../../shared/reports/query';
import type { Report } from '../../../shared/reports/report';
import type { Role } from '../../../shared/roles';
import type { AuditPageView } from '../../../shared/schema/audit';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { RemovalTarget, ReportCases, ReportFile } from '../../../shared/schema/reports-api';
import { FIXTURE_NOW, FIXTURE_TODAY, fixtureCases } from '../../fixtures/reports/forty-cases';
import { FIXTURE_ACCOUNT, seedReportFixture } from '../../fixtures/reports/insert';

/**
 * The Reports channels end to end on the 45 fixture cases (tests/fixtures/reports): who may call
 * what, the audit entries (with the number opened and how many cases), the cache after a stage,
 * a withdrawal and a scan, the exports and the removal targets. The numbers themselves are
 * checked by hand in fixture.test.ts.
 */

let core: AppCore;
let dataDir: string;
let caseIds: Map<number, string>;
const accounts = {} as Record<Role, { username: string; password: string }>;
const ALL: ReportQuery = { from: '2000-01-01', to: FIXTURE_TODAY, basis: 'application' };

const call = (channel: string, input: unknown): Promise<IpcResult<unknown>> => core.invoke(channel, input);
async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await call(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const code = (r: IpcResult<unknown>) => (r.ok ? 'ok' : r.error.code);
const signIn = (role: Role) => ok('auth.signIn', accounts[role]);
const lastAudit = async (action: string) => (await ok<AuditPageView>('audit.list', { action, limit: 1 })).rows[0];
const stepCount = (r: Report, step: string) => r.funnel.find((f) => f.step === step)?.count.n;
const idOf = (n: number) => {
  const id = caseIds.get(n);
  if (!id) throw new Error(`no fixture case ${n}`);
  return id;
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'avrr-report-service-'));
  const now = () => new Date(FIXTURE_NOW);
  ({ caseIds } = await seedReportFixture(dataDir, now));
  core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'reports-service-test', now });
  accounts.supervisor = { username: FIXTURE_ACCOUNT.username, password: FIXTURE_ACCOUNT.password };
  await signIn('supervisor');
  for (const role of ['front_counter', 'interview_officer', 'clerk'] as const) {
    const username = `user.${role}`;
    const r = await ok<{ oneTimePassword: string }>('user.create', { username, displayName: `Test ${role}`, role, ...(role === 'interview_officer' ? { badgeNumber: 'CBSA-40417' } : {}) });
    await ok('auth.signIn', { username, password: r.oneTimePassword });
    const password = `another unrelated passphrase ${role.length}`;
    await ok('auth.changePassword', { currentPassword: r.oneTimePassword, newPassword: password });
    accounts[role] = { username, password };
    await signIn('supervisor');
  }
}, 120_000);

afterAll(() => {
  core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('report channels: who may call them', () => {
  const valid: Record<string, unknown> = {
    'report.get': ALL,
    'report.cases': { query: ALL, cell: 'cases' },
    'report.exportCsv': { query: ALL, lang: 'en' },
    'report.exportCases': { query: ALL, lang: 'en' },
    'report.targets': {},
    'report.setTarget': { fiscalYear: 2016, removals: 900, source: 'Regional plan 2016-17' },
  };
  const expected: Record<Role, Record<string, string>> = {
    front_counter: { 'report.get': 'forbidden', 'report.cases': 'forbidden', 'report.exportCsv': 'forbidden', 'report.exportCases': 'forbidden', 'report.targets': 'forbidden', 'report.setTarget': 'forbidden' },
    clerk: { 'report.get': 'forbidden', 'report.cases': 'forbidden', 'report.exportCsv': 'forbidden', 'report.exportCases': 'forbidden', 'report.targets': 'forbidden', 'report.setTarget': 'forbidden' },
    interview_officer: { 'report.get': 'ok', 'report.cases': 'ok', 'report.exportCsv': 'ok', 'report.exportCases': 'forbidden', 'report.targets': 'ok', 'report.setTarget': 'forbidden' },
    supervisor: { 'report.get': 'ok', 'report.cases': 'ok', 'report.exportCsv': 'ok', 'report.exportCases': 'ok', 'report.targets': 'ok', 'report.setTarget': 'ok' },
  };
  for (const role of ['front_counter', 'clerk', 'interview_officer', 'supervisor'] as const) {
    it(`${role}`, async () => {
      await signIn(role);
      const seen: Record<string, string> = {};
      for (const [channel, input] of Object.entries(valid)) seen[channel] = code(await call(channel, input));
      expect(seen).toEqual(expected[role]);
      await signIn('supervisor');
    });
  }

  it('a refused call is audited as denied', async () => {
    await signIn('clerk');
    await call('report.get', ALL);
    await signIn('supervisor');
    const row = await lastAudit('report.get');
    expect(row).toMatchObject({ action: 'report.get', outcome: 'denied', username: 'user.clerk' });
  });
});

describe('report.get and report.cases', () => {
  it('report.get is an audited read naming its query', async () => {
    const report = await ok<Report>('report.get', ALL);
    expect(report.cases.n).toBe(fixtureCases.length);
    expect(await lastAudit('report.get')).toMatchObject({ outcome: 'ok', caseId: null, detail: `basis=application;from=2000-01-01;to=${FIXTURE_TODAY}` });
  });

  it('the drill-down lists the number’s cases by case number, and the audit entry names the cell and the count', async () => {
    const report = await ok<Report>('report.get', ALL);
    const referred = report.funnel.find((f) => f.step === 'referred');
    if (!referred) throw new Error('no referred step');
    const listed = await ok<ReportCases>('report.cases', { query: ALL, cell: referred.count.cell });
    expect(listed.cases).toHaveLength(referred.count.n);
    expect(listed.cases.map((c) => c.caseNumber)).toEqual([...listed.cases.map((c) => c.caseNumber)].sort());
    expect(listed.cases.every((c) => c.principalName.length > 0)).toBe(true);
    expect(await lastAudit('report.cases')).toMatchObject({
      outcome: 'ok',
      detail: `basis=application;from=2000-01-01;to=${FIXTURE_TODAY};cell=${referred.count.cell};cases=${referred.count.n}`,
    });
  });

  it('a cell that names no number is invalid input', async () => {
    const r = await call('report.cases', { query: ALL, cell: 'no:such:cell:at:all' });
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid_input');
  });

  it('a stage recorded through stage.record counts at once (the case version moved)', async () => {
    const n = fixtureCases.find((c) => c.status === 'referred' && !c.stages)?.n;
    if (n === undefined) throw new Error('no referred fixture case without stages');
    const before = await ok<Report>('report.get', ALL);
    const c = await ok<CaseDetail>('case.get', { caseId: idOf(n) });
    await ok('stage.record', { caseId: c.id, baseVersion: c.version, occurredOn: FIXTURE_TODAY, source: 'iom_email', stage: { action: 'acknowledge', iomReference: 'IOM-TEST-1' } });
    const after = await ok<Report>('report.get', ALL);
    expect(stepCount(after, 'acknowledged')).toBe((stepCount(before, 'acknowledged') ?? 0) + 1);
    const listed = await ok<ReportCases>('report.cases', { query: ALL, cell: after.funnel.find((f) => f.step === 'acknowledged')?.count.cell ?? '' });
    expect(listed.cases.map((x) => x.id)).toContain(c.id);
  });

  it('a withdrawal counts at once: an exit from the status the case was in', async () => {
    const before = await ok<Report>('report.get', ALL);
    // A case still open at `decided` (an eligible decision, no consent yet).
    const open = await ok<ReportCases>('report.cases', { query: ALL, cell: before.funnel.find((f) => f.step === 'decided')?.inProgress.cell ?? '' });
    const first = open.cases.find((x) => x.status === 'decided');
    if (!first) throw new Error('no open decided case in the fixture');
    const c = await ok<CaseDetail>('case.get', { caseId: first.id });
    await ok('case.withdraw', { caseId: c.id, baseVersion: c.version, date: FIXTURE_TODAY, reason: 'The family will leave by its own means.' });
    const after = await ok<Report>('report.get', ALL);
    expect(after.exits.total.n).toBe(before.exits.total.n + 1);
    const row = after.exits.rows.find((x) => x.kind === 'withdrawn' && x.from === 'decided');
    const was = before.exits.rows.find((x) => x.kind === 'withdrawn' && x.from === 'decided');
    expect(row?.count.n).toBe((was?.count.n ?? 0) + 1);
    expect(row?.reasonGiven).toBe((was?.reasonGiven ?? 0) + 1);
  });
});

describe('exports', () => {
  it('the tables as CSV: aggregate numbers only, audited with the query', async () => {
    const file = await ok<ReportFile>('report.exportCsv', { query: ALL, lang: 'en' });
    expect(file).toMatchObject({ mediaType: 'text/csv', personalData: false });
    expect(file.filename).toMatch(/\.csv$/);
    for (const c of fixtureCases) for (const p of c.persons) expect(file.content).not.toContain(p.name);
    expect(file.content).not.toMatch(/AVRR-\d{4}-\d{6}/);
    expect(await lastAudit('report.exportCsv')).toMatchObject({ outcome: 'ok', detail: `basis=application;from=2000-01-01;to=${FIXTURE_TODAY};lang=en` });
  });

  it('the case-level export: the supervisor’s, one row per counted case with personal data, audited with the count', async () => {
    const report = await ok<Report>('report.get', ALL);
    const file = await ok<ReportFile>('report.exportCases', { query: ALL, lang: 'fr' });
    expect(file).toMatchObject({ mediaType: 'text/csv', personalData: true, filename: `avrr-cases_2000-01-01_${FIXTURE_TODAY}_application.csv` });
    const lines = file.content.split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(report.cases.n + 1);
    expect(lines[0]?.split(',')).toHaveLength(CASE_EXPORT_COLUMNS.length);
    expect(lines[0]).toContain('Numéro de dossier');
    expect(await lastAudit('report.exportCases')).toMatchObject({ outcome: 'ok', detail: `basis=application;from=2000-01-01;to=${FIXTURE_TODAY};lang=fr;cases=${report.cases.n}` });
  });

  it('the PDF needs the office certificate, then is signed (pdfsig: Signature is Valid)', async () => {
    const without = await call('report.exportPdf', { query: ALL, lang: 'en' });
    expect(without.ok ? 'ok' : without.error.messageKey).toBe('errors.no_certificate');
    await ok('certificate.generateSelfSigned', {});
    for (const lang of ['en', 'fr'] as const) {
      const file = await ok<ReportFile>('report.exportPdf', { query: { from: '2014-04-01', to: '2015-03-31', basis: 'event' }, lang });
      expect(file).toMatchObject({ mediaType: 'application/pdf', personalData: false, filename: `avrr-report_2014-04-01_2015-03-31_event_${lang}.pdf` });
      const path = join(dataDir, `report-${lang}.pdf`);
      writeFileSync(path, Buffer.from(file.content, 'base64'));
      const sig = execFileSync('pdfsig', [path], { encoding: 'utf8' });
      expect(sig).toContain('Signature is Valid.');
      const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
      expect(text).toContain(lang === 'en' ? 'AVRR programme report' : 'Rapport du programme ARVR');
      expect(text).toContain(lang === 'en' ? 'FY2014-15' : 'exercice 2014-2015');
      expect(text).toContain(lang === 'en' ? 'By event date' : 'Selon la date de l’événement');
      expect(text).toContain('2026-11-21.1');
    }
    expect(await lastAudit('report.exportPdf')).toMatchObject({ outcome: 'ok', detail: 'basis=event;from=2014-04-01;to=2015-03-31;lang=fr' });
  }, 60_000);
});

describe('removal targets', () => {
  it('the brief’s historical targets, then one recorded by the supervisor replaces none and counts in the report', async () => {
    const before = await ok<RemovalTarget[]>('report.targets', {});
    expect(before.filter((t) => t.historical).map((t) => [t.fiscalYear, t.removals])).toEqual([
      [2013, 2719],
      [2014, 1039],
    ]);
    const after = await ok<RemovalTarget[]>('report.setTarget', { fiscalYear: 2015, removals: 950, source: 'Regional plan, memo of 2015-04-02' });
    expect(after.find((t) => t.fiscalYear === 2015)).toMatchObject({ removals: 950, historical: false, recordedBy: FIXTURE_ACCOUNT.displayName, recordedAt: FIXTURE_NOW });
    expect(await lastAudit('report.setTarget')).toMatchObject({ outcome: 'ok', detail: 'fiscal_year=2015' });
    const report = await ok<Report>('report.get', { from: '2015-04-01', to: '2016-03-31', basis: 'event' });
    expect(report.targets.find((t) => t.fiscalYear === 2015)).toMatchObject({ target: 950, historical: false });
  });

  it('a recorded target replaces the historical one of its year', async () => {
    const after = await ok<RemovalTarget[]>('report.setTarget', { fiscalYear: 2013, removals: 2800, source: 'Corrected figure, memo of 2015-05-01' });
    expect(after.filter((t) => t.fiscalYear === 2013)).toEqual([expect.objectContaining({ removals: 2800, historical: false })]);
  });
});
