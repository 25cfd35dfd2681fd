import { test as base, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAppCore } from '../../electron/core/app-core';
import type { AppCore } from '../../electron/core/app-core';
import { devPlaintextSealer } from '../../electron/core/keys/sealer';
import { startHarnessServer } from '../../electron/web/server';
import type { CaseDetail } from '../../shared/schema/case-api';
import type { DocumentInfo } from '../../shared/schema/documents-api';
import type { IntakeDocumentInput } from '../../shared/schema/intake';

export interface Harness {
  /** The URL the harness prints: its origin with the token in the fragment (`#token=…`). */
  url: string;
  /** The harness's origin, without the token. */
  origin: string;
  dataDir: string;
  core: AppCore;
}

/**
 * Puts the token back in the fragment of a page of the harness that lost it: a reload, since the
 * page removed it from the address bar. A person reopens the printed URL; a test reloads. Runs
 * before the page's own scripts, so the bridge finds it as it would in the printed URL.
 */
function resupplyToken({ origin, token }: { origin: string; token: string }): void {
  if (location.origin === origin && !location.hash.includes('token=')) history.replaceState(null, '', `${location.pathname}${location.search}#token=${token}`);
}

/**
 * A harness of its own for each test: the same handler map, a fresh encrypted data folder. Pages
 * open `harness.url`; a reload gets the token again (resupplyToken).
 */
export const test = base.extend<{ harness: Harness }>({
  harness: async ({ context }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'avrr-e2e-'));
    const core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'e2e-workstation' });
    const server = await startHarnessServer(core, { rendererDir: resolve('out/web'), port: 0 });
    await context.addInitScript(resupplyToken, { origin: server.origin, token: server.token });
    await use({ url: server.url, origin: server.origin, dataDir, core });
    await server.close();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});
export { expect };

export const supervisor = { displayName: 'Awa Diallo', username: 'awa.diallo', password: 'correct horse battery staple 2026' };

/** First run: create the supervisor account through the setup screen, keyboard only. */
export async function setUpSupervisor(page: Page, harness: Harness): Promise<void> {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Set up AVRR Intake' })).toBeVisible();
  await page.getByLabel('Full name').fill(supervisor.displayName);
  await page.getByLabel('User name').fill(supervisor.username);
  await page.getByLabel('New password').fill(supervisor.password);
  await page.getByLabel('New password').press('Enter');
  // Setup's last step, the signing certificate: left for later here (tests make one when they sign).
  await expect(page.getByRole('heading', { name: 'Last step: the signing certificate', level: 1 })).toBeFocused();
  await press(page, page.getByRole('button', { name: /^Set up the certificate later/ }));
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  // Signed in: the first screen's heading has the focus, not the page body.
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeFocused();
}

/** Zero WCAG 2.1 A/AA violations on what the page shows now, and no uninterpolated `{{placeholder}}` anywhere on it. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
  // Every screen checked for access is also checked for a message shown without its values.
  expect(await page.locator('body').innerText()).not.toMatch(/\{\{|\}\}/);
}

/** Focus a control and press a key on it (Enter by default): keyboard only, never a click. */
export async function press(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await target.focus();
  await page.keyboard.press(key);
}

/* Seeding through the back end (the same handler map the page talks to), before the page opens. */

/** One call to the back end; its value, or the test fails with the channel's error. */
export async function ok<T>(h: Harness, channel: string, input: unknown): Promise<T> {
  const r = await h.core.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  // The channel's output type is the contract's; the test names the one it expects.
  return r.value as T;
}

export interface Account {
  username: string;
  password: string;
  displayName: string;
  role: string;
}
export const officer = { username: 'ines.officer', password: 'interviews all morning long', displayName: 'Inès Officer', role: 'interview_officer' } as const satisfies Account;
/** Reads the whole case (stages included) but may not open scans (no attachment.view). */
export const frontCounter = { username: 'fatou.front', password: 'walk-ins at the counter daily', displayName: 'Fatou Front', role: 'front_counter' } as const satisfies Account;
export const clerk = { username: 'carl.clerk', password: 'prints packets for IOM daily', displayName: 'Carl Clerk', role: 'clerk' } as const satisfies Account;

/** A couple from Mali, the family most specs refer. */
export const couple = [
  { relationship: 'principal', nameAsWritten: 'Bakary Keita', nameLatin: 'Bakary Keita', dateOfBirth: '1979-03-14', nationality: 'MLI' },
  { relationship: 'spouse', nameAsWritten: 'Mariam Keita', nameLatin: 'Mariam Keita', dateOfBirth: '1984-07-02', nationality: 'MLI' },
] as const;

/** The supervisor makes an account; its person signs in with the one-time password and sets their own (signed in as them after). */
export async function createAccount(h: Harness, who: Account): Promise<void> {
  await signInAs(h, supervisor);
  const made = await ok<{ oneTimePassword: string }>(h, 'user.create', { username: who.username, displayName: who.displayName, role: who.role });
  await ok(h, 'auth.signIn', { username: who.username, password: made.oneTimePassword });
  await ok(h, 'auth.changePassword', { currentPassword: made.oneTimePassword, newPassword: who.password });
}

/** Supervisor, office certificate and these accounts; signed in as the supervisor at the end. */
export async function seedPeople(h: Harness, accounts: readonly Account[]): Promise<void> {
  await ok(h, 'auth.setup', supervisor);
  await ok(h, 'certificate.generateSelfSigned', {});
  for (const who of accounts) await createAccount(h, who);
  await signInAs(h, supervisor);
}

export async function signInAs(h: Harness, who: { username: string; password: string }): Promise<void> {
  await ok(h, 'auth.signIn', { username: who.username, password: who.password });
}

/** A new case for this family, decided, consent recorded (everyone signs for themselves on `signedOn`) and referred, by whoever is signed in; as it is after the referral. */
export async function referCase(h: Harness, intake: IntakeDocumentInput, signedOn: string): Promise<CaseDetail> {
  const created = await ok<CaseDetail>(h, 'case.create', { intake });
  const decided = await ok<CaseDetail>(h, 'case.decide', { caseId: created.id, baseVersion: created.version });
  const form = await ok<DocumentInfo>(h, 'consent.generateForm', { caseId: decided.id, baseVersion: decided.version });
  const current = await ok<CaseDetail>(h, 'case.get', { caseId: decided.id });
  const consented = await ok<CaseDetail>(h, 'consent.record', {
    caseId: current.id,
    baseVersion: current.version,
    documentId: form.id,
    signedOn,
    signers: current.intake.persons.map((p) => ({ personId: p.id, signedBy: 'self' })),
  });
  await ok(h, 'referral.create', { caseId: consented.id, baseVersion: consented.version });
  return ok<CaseDetail>(h, 'case.get', { caseId: consented.id });
}

/* The page, keyboard only. */

export async function signIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.getByLabel('User name').fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await press(page, page.getByRole('button', { name: 'Sign out' }));
  await expect(page.getByLabel('User name')).toBeVisible();
}

/** Find the case by a name and open it from the search results. */
export async function openCase(page: Page, name: string, caseNumber: string): Promise<void> {
  await page.getByLabel('Search by name, date of birth or UCI').fill(name);
  await press(page, page.getByRole('button', { name: `Open case ${caseNumber}` }).first());
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Case ${caseNumber}`) })).toBeVisible();
}

/** Open the file chooser from the keyboard (Space on the file field) and give it a file. */
export async function chooseFile(page: Page, field: Locator, name: string, buffer: Buffer, mimeType: string): Promise<void> {
  await field.focus();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles({ name, mimeType, buffer });
}
