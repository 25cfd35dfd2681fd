import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../electron/core/app-core';
import type { AppCore } from '../../../electron/core/app-core';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { reportCsv } from '../../../shared/reports/csv';
import { plainReport } from '../../../shared/reports/plain';
import { funnelSteps } from '../../../shared/reports/report';
import type { Report } from '../../../shared/reports/report';
import { runReport } from '../../../scripts/report';
import type { ReportIo } from '../../../scripts/report';
import { FIXTURE_NOW } from '../../fixtures/reports/forty-cases';
import { FIXTURE_ACCOUNT, seedReportFixture } from '../../fixtures/reports/insert';

/**
 * `npm run report` (scripts/report.ts) prints exactly the report `report.get` gives for the same
 * folder and day: run in-process against the fixture folder, compared with the app's answer; the
 * database file is left as it was; a clerk, a wrong password and bad arguments are refused.
 */

let dataDir: string;
let core: AppCore;
const now = () => new Date(FIXTURE_NOW);

async function run(argv: string[], password = FIXTURE_ACCOUNT.password): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: ReportIo = { password: async () => password, out: (s) => (out += s), err: (s) => (err += s), now };
  const code = await runReport(argv, io);
  return { code, out, err };
}

const base = () => ['--data-dir', dataDir, '--username', FIXTURE_ACCOUNT.username];

async function viaApp(query: { from: string; to: string; basis: 'application' | 'event' }): Promise<Report> {
  const r = await core.invoke('report.get', query);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as Report;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'avrr-report-cli-'));
  await seedReportFixture(dataDir, now);
  core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'reports-cli-test', now });
  const r = await core.invoke('auth.signIn', { username: FIXTURE_ACCOUNT.username, password: FIXTURE_ACCOUNT.password });
  if (!r.ok) throw new Error('sign-in');
  const made = await core.invoke('user.create', { username: 'carl.clerk', displayName: 'Carl Clerk', role: 'clerk' });
  if (!made.ok) throw new Error('user.create');
}, 120_000);

afterAll(() => {
  core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run report', () => {
  for (const basis of ['application', 'event'] as const) {
    it(`JSON (${basis} basis) equals the service's report`, async () => {
      const query = { from: '2014-04-01', to: '2015-03-31', basis };
      const { code, out, err } = await run([...base(), '--from', query.from, '--to', query.to, '--basis', basis, '--format', 'json']);
      expect(err).toBe('');
      expect(code).toBe(0);
      const printed: unknown = JSON.parse(out);
      expect(printed).toEqual(JSON.parse(JSON.stringify(plainReport(await viaApp(query)))));
      const funnel = (printed as { funnel: { step: string; count: number }[] }).funnel;
      expect(funnel.map((f) => f.step)).toEqual([...funnelSteps]);
      expect(funnel.every((f) => typeof f.count === 'number')).toBe(true);
    });
  }

  it('CSV in French equals the app’s CSV export', async () => {
    const query = { from: '2013-04-01', to: '2016-03-31', basis: 'application' as const };
    const { code, out } = await run([...base(), '--from', query.from, '--to', query.to, '--format', 'csv', '--lang', 'fr']);
    expect(code).toBe(0);
    expect(out).toBe(reportCsv(await viaApp(query), 'fr').csv);
  });

  it('leaves the database file as it was', async () => {
    const db = join(dataDir, 'avrr.db');
    core.close();
    const before = { bytes: readFileSync(db), mtime: statSync(db).mtimeMs };
    const { code } = await run([...base(), '--from', '2014-04-01', '--to', '2015-03-31', '--format', 'json']);
    expect(code).toBe(0);
    expect(readFileSync(db).equals(before.bytes)).toBe(true);
    expect(statSync(db).mtimeMs).toBe(before.mtime);
    core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'reports-cli-test', now });
  });

  it('refuses bad arguments (2), a wrong password and an account without report.read (3)', async () => {
    expect((await run([...base(), '--from', '2015-04-01', '--to', '2015-03-31', '--format', 'json'])).code).toBe(2);
    expect((await run([...base(), '--from', '2015-04-01', '--to', '2015-05-01', '--format', 'xml'])).code).toBe(2);
    expect((await run([...base(), '--from', '2015-04-01', '--to', '2015-05-01', '--format', 'json', '--basis', 'decision'])).code).toBe(2);
    expect((await run(['--data-dir', dataDir, '--from', '2015-04-01', '--to', '2015-05-01', '--format', 'json'])).code).toBe(2);
    const wrong = await run([...base(), '--from', '2015-04-01', '--to', '2015-05-01', '--format', 'json'], 'not the password at all');
    expect(wrong).toMatchObject({ code: 3, out: '' });
    expect(wrong.err).toContain('sign-in failed');
  });

  it('a clerk may not read reports', async () => {
    // The clerk's one-time password is unknown here: give the account a known one through the app.
    const r = await core.invoke('auth.signIn', { username: FIXTURE_ACCOUNT.username, password: FIXTURE_ACCOUNT.password });
    expect(r.ok).toBe(true);
    const users = await core.invoke('user.list', {});
    if (!users.ok) throw new Error('user.list');
    const clerk = (users.value as { id: string; username: string }[]).find((u) => u.username === 'carl.clerk');
    const reset = await core.invoke('user.resetPassword', { userId: clerk?.id });
    if (!reset.ok) throw new Error('reset');
    const password = (reset.value as { oneTimePassword: string }).oneTimePassword;
    const got = await run(['--data-dir', dataDir, '--username', 'carl.clerk', '--from', '2015-04-01', '--to', '2015-05-01', '--format', 'json'], password);
    expect(got).toMatchObject({ code: 3, out: '' });
    expect(got.err).toContain('may not read reports');
  });

  it('runs as `npm run report` (a child process, password from AVRR_PASSWORD)', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/report.ts', ...base(), '--from', '2014-04-01', '--to', '2015-03-31', '--format', 'json'], {
      encoding: 'utf8',
      env: { ...process.env, AVRR_PASSWORD: FIXTURE_ACCOUNT.password },
    });
    const printed = JSON.parse(out) as { query: unknown; funnel: { step: string }[] };
    expect(printed.query).toEqual({ from: '2014-04-01', to: '2015-03-31', basis: 'application' });
    expect(printed.funnel[0]?.step).toBe('intake');
  }, 60_000);
});
