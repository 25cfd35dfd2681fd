import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { countryName } from '../../shared/countries';
import { exitKinds } from '../../shared/reports/report-case';
import { intervals } from '../../shared/reports/report';
import type { FunnelStep } from '../../shared/reports/report';
import { FIXTURE_ACCOUNT } from '../fixtures/reports/forty-cases';
import { NOT_RECORDED, expectedReports } from '../fixtures/reports/forty-cases.expected';
import type { ExpectedReport } from '../fixtures/reports/forty-cases.expected';

/**
 * The Reports screen shows the numbers computed by hand (tests/fixtures/reports): the harness's
 * data folder holds the 45 fixture cases as real rows, its clock starts on the fixture's "today";
 * the supervisor asks for FY2014-15 on each basis, keyboard only, and the funnel, times, by-month,
 * targets and by-country tables (found by their captions, rows by their headers) read the
 * expected numbers, as the screen writes them (English, en-CA: one decimal at most for days).
 *
 * The harness runs in a child process (tests/fixtures/reports/serve.ts: seed, then serve), so
 * this spec loads no back-end module itself.
 */

interface Harness {
  url: string;
}

/** Starts serve.ts on a new data folder; resolves with the URL it prints. */
function startFixtureHarness(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(resolve('node_modules/.bin/tsx'), ['tests/fixtures/reports/serve.ts', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) done({ url: (JSON.parse(line) as { url: string }).url, child });
    });
    child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code) => fail(new Error(`serve.ts ended (${String(code)}): ${err}`)));
  });
}

const test = base.extend<{ harness: Harness }>({
  harness: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'avrr-e2e-report-fixture-'));
    const { url, child } = await startFixtureHarness(join(dataDir, 'data'));
    await use({ url });
    const ended = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await ended;
    rmSync(dataDir, { recursive: true, force: true });
  },
});

const days = new Intl.NumberFormat('en-CA', { maximumFractionDigits: 1 });
const int = new Intl.NumberFormat('en-CA', { maximumFractionDigits: 0 });
const pct = new Intl.NumberFormat('en-CA', { style: 'percent', maximumFractionDigits: 1 });
const monthName = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: 'long', timeZone: 'UTC' });
const shownDays = (n: number | null) => (n === null ? '—' : days.format(n));
const shownMonth = (ym: string) => monthName.format(new Date(`${ym}-01T00:00:00Z`));

const stepNames: Record<FunnelStep, string> = {
  intake: 'Intake',
  screened: 'Screened',
  decided: 'Decided',
  consented: 'Consented',
  referred: 'Referred to IOM',
  acknowledged: 'Acknowledged by IOM',
  departed: 'Departed',
  reintegration_delivered: 'Reintegration delivered',
};
const intervalNames: Record<(typeof intervals)[number], string> = {
  intake_to_decision: 'Intake to decision',
  decision_to_referral: 'Decision to referral',
  referral_to_departure: 'Referral to departure',
  intake_to_referral: 'Intake to referral',
  intake_to_departure: 'Intake to departure',
};

/** A table's body as the screen shows it: row header -> the row's other cells, as text. */
async function readTable(table: Locator): Promise<Map<string, string[]>> {
  await expect(table).toBeVisible();
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const header = tr.querySelector('th[scope="row"]');
      const cells = [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim());
      return [(header?.textContent ?? '').trim(), cells] as const;
    }),
  );
  return new Map(rows.map(([h, cells]) => [h, cells]));
}

async function press(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await target.focus();
  await page.keyboard.press(key);
}

async function showReport(page: Page, exp: ExpectedReport): Promise<void> {
  const controls = page.getByRole('region', { name: 'What the report covers' });
  await press(page, controls.getByRole('radio', { name: 'A fiscal year', exact: true }), 'Space');
  await controls.getByLabel('Fiscal year', { exact: true }).focus();
  await controls.getByLabel('Fiscal year', { exact: true }).selectOption(String(Number(exp.query.from.slice(0, 4))));
  await press(page, controls.getByRole('radio', { name: exp.query.basis === 'application' ? /By application date/ : /By event date/ }), 'Space');
  await press(page, controls.getByRole('button', { name: 'Show the report' }));
  const about = page.getByRole('region', { name: /^Report: FY2014-15/ });
  await expect(about.locator('dd strong').first()).toHaveText(exp.query.basis === 'application' ? 'By application date' : 'By event date');
}

async function checkTables(page: Page, exp: ExpectedReport): Promise<void> {
  const q = exp.name;
  // Funnel: cases, persons, in progress, stopped by each exit.
  const funnel = await readTable(page.getByRole('table', { name: 'Cases at each step' }));
  for (const e of exp.funnel) {
    const stopped = exitKinds.map((kind) => int.format(e.stopped[kind]?.n ?? 0));
    expect.soft(funnel.get(stepNames[e.step]), `${q}: funnel ${e.step}`).toEqual([int.format(e.count.n), int.format(e.persons), int.format(e.inProgress.n), ...stopped]);
  }
  const decided = exp.funnel.find((f) => f.step === 'decided')?.outcomes;
  if (decided) {
    const outcomes = await readTable(page.getByRole('table', { name: 'Decisions in force, by outcome' }));
    expect.soft(outcomes.get('Eligible'), `${q}: outcome eligible`).toEqual([int.format(decided.eligible.n)]);
    expect.soft(outcomes.get('Not eligible'), `${q}: outcome ineligible`).toEqual([int.format(decided.ineligible.n)]);
    expect.soft(outcomes.get('Needs supervisor review'), `${q}: outcome needs review`).toEqual([int.format(decided.needs_review.n)]);
  }

  // Times: cases, median, 90th percentile, shortest, longest, mean.
  const times = await readTable(page.getByRole('table', { name: 'Days between steps' }));
  for (const interval of intervals) {
    const e = exp.times.intervals[interval];
    expect.soft(times.get(intervalNames[interval]), `${q}: times ${interval}`).toEqual([int.format(e.cases.n), shownDays(e.median), shownDays(e.p90), shownDays(e.min), shownDays(e.max), shownDays(e.mean)]);
  }
  const aim = page.locator('.report-aim');
  await expect.soft(aim, `${q}: within the aim`).toContainText(`${exp.times.withinAim.n} of ${exp.times.departed.n} departed cases (${pct.format(exp.times.shareWithinAim ?? 0)})`);

  // By month: every month listed by hand; any other month all zero.
  const months = await readTable(page.getByRole('table', { name: 'By month' }));
  const listed = new Set(Object.keys(exp.times.byMonth).map(shownMonth));
  for (const [m, e] of Object.entries(exp.times.byMonth)) {
    expect.soft(months.get(shownMonth(m)), `${q}: by month ${m}`).toEqual([int.format(e.intakes.n), int.format(e.departed.n), int.format(e.withinAim.n), shownDays(e.median)]);
  }
  for (const [m, cells] of months) if (!listed.has(m)) expect.soft(cells.slice(0, 3), `${q}: by month ${m} (nothing expected)`).toEqual(['0', '0', '0']);

  // Targets: target, persons departed, share, departed cases.
  const targets = await readTable(page.getByRole('table', { name: 'Removal targets and persons departed, by fiscal year' }));
  expect.soft(targets.size, `${q}: target rows`).toBe(exp.targets.length);
  for (const e of exp.targets) {
    const header = e.historical ? `${e.label} historical` : e.label;
    const cells = targets.get(header);
    expect.soft(cells?.slice(0, 4), `${q}: targets ${e.label}`).toEqual([e.target === null ? 'none recorded' : int.format(e.target), int.format(e.departedPersons), e.share === null ? '—' : pct.format(e.share), int.format(e.departedCases.n)]);
  }

  // By country of return: cases, persons, departed cases and persons, median days, DCO.
  const countries = await readTable(page.getByRole('table', { name: 'Cases by country of return' }));
  expect.soft(countries.size, `${q}: by country rows`).toBe(Object.keys(exp.byCountry).length);
  for (const [code, e] of Object.entries(exp.byCountry)) {
    const name = code === NOT_RECORDED ? 'Not recorded' : (countryName(code, 'en') ?? code);
    expect.soft(countries.get(name), `${q}: by country ${code} (${name})`).toEqual([
      int.format(e.cases.n),
      int.format(e.persons),
      int.format(e.departed.n),
      int.format(e.departedPersons),
      shownDays(e.median),
      int.format(e.dco.n),
    ]);
  }
}

const fiscalYearQueries = expectedReports.filter((e) => e.query.from === '2014-04-01' && e.query.to === '2015-03-31');

test('the Reports screen shows the numbers computed by hand for FY2014-15, on both bases', async ({ page, harness }) => {
  test.setTimeout(120_000);
  expect(fiscalYearQueries.map((e) => e.query.basis)).toEqual(['application', 'event']);
  await page.goto(harness.url);
  await page.getByLabel('User name').fill(FIXTURE_ACCOUNT.username);
  await page.getByLabel('Password', { exact: true }).fill(FIXTURE_ACCOUNT.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await press(page, page.getByRole('navigation').getByRole('button', { name: 'Reports' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  for (const exp of fiscalYearQueries) {
    await showReport(page, exp);
    await checkTables(page, exp);
  }
});
