import type { Page } from '@playwright/test';
import { addDaysIso } from '../../shared/case/timeline';
import type { CaseDetail } from '../../shared/schema/case-api';
import type { DocumentInfo } from '../../shared/schema/documents-api';
import { todayIso } from '../../shared/schema/common';
import { familyIntake } from '../fixtures/intakes';
import { expect, expectAccessible, supervisor, test } from './fixtures';
import type { Harness } from './fixtures';
import { press } from './intake.helpers';

/**
 * "What needs me today": a case referred today whose travel documents expire in 10 days shows
 * a task first on the Today screen; the task opens the case at its stages section (focus on its
 * heading), keyboard only; the list in French; axe clean.
 */

const officer = { username: 'ines.officer', password: 'interviews all morning long' };
const couple = [
  { relationship: 'principal', nameAsWritten: 'Bakary Keita', nameLatin: 'Bakary Keita', dateOfBirth: '1979-03-14', nationality: 'MLI' },
  { relationship: 'spouse', nameAsWritten: 'Mariam Keita', nameLatin: 'Mariam Keita', dateOfBirth: '1984-07-02', nationality: 'MLI' },
] as const;

async function ok<T>(h: Harness, channel: string, input: unknown): Promise<T> {
  const r = await h.core.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** The officer refers a couple today; IOM acknowledges, counsels and reports documents expiring in 10 days. */
async function seed(h: Harness, today: string): Promise<CaseDetail> {
  await ok(h, 'auth.setup', supervisor);
  await ok(h, 'certificate.generateSelfSigned', {});
  const made = await ok<{ oneTimePassword: string }>(h, 'user.create', { username: officer.username, displayName: 'Inès Officer', role: 'interview_officer' });
  await ok(h, 'auth.signIn', { username: officer.username, password: made.oneTimePassword });
  await ok(h, 'auth.changePassword', { currentPassword: made.oneTimePassword, newPassword: officer.password });
  const created = await ok<CaseDetail>(h, 'case.create', { intake: familyIntake([...couple]) });
  const decided = await ok<CaseDetail>(h, 'case.decide', { caseId: created.id, baseVersion: created.version });
  const form = await ok<DocumentInfo>(h, 'consent.generateForm', { caseId: decided.id, baseVersion: decided.version });
  const current = await ok<CaseDetail>(h, 'case.get', { caseId: decided.id });
  const consented = await ok<CaseDetail>(h, 'consent.record', {
    caseId: current.id,
    baseVersion: current.version,
    documentId: form.id,
    signedOn: today,
    signers: current.intake.persons.map((p) => ({ personId: p.id, signedBy: 'self' })),
  });
  await ok(h, 'referral.create', { caseId: consented.id, baseVersion: consented.version });
  let c = await ok<CaseDetail>(h, 'case.get', { caseId: consented.id });
  const stage = async (s: Record<string, unknown>) => (c = await ok<CaseDetail>(h, 'stage.record', { caseId: c.id, baseVersion: c.version, occurredOn: today, source: 'iom_email', stage: s }));
  await stage({ action: 'acknowledge', iomReference: 'IOM-CA-2026-0042' });
  await stage({ action: 'counsel' });
  await stage({
    action: 'recordTravelDocument',
    outcome: 'issued',
    documents: c.intake.persons.map((p, i) => ({ personId: p.id, type: 'emergency_travel_document', number: `ETD00${i}`, expiryDate: addDaysIso(today, 10) })),
  });
  await ok(h, 'auth.signOut', {});
  return c;
}

async function signIn(page: Page, who: { username: string; password: string }) {
  await page.getByLabel('User name').fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

test('a task appears first on Today and opens the case at its stages section; in French too', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const today = todayIso(new Date(), 'America/Toronto');
  const c = await seed(harness, today);
  await page.goto(harness.url);
  await signIn(page, officer);

  const tasks = page.getByRole('region', { name: /What needs me today/ });
  await expect(tasks).toBeVisible();
  await expect(tasks.getByRole('heading', { level: 2 })).toHaveText('What needs me today (1)');
  // First on the screen: before the search box and the other lists.
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings[0]).toBe('What needs me today (1)');
  const task = tasks.getByRole('button', { name: `Travel document expiring · ${c.caseNumber} · Bakary Keita` });
  await expect(task).toBeVisible();
  await expect(tasks).toContainText('Due in 10 days');
  await expect(tasks).toContainText('A travel document expires on');
  await expectAccessible(page);

  // Keyboard only: the task opens the case, the focus lands on the stages section.
  await press(page, task);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Case ${c.caseNumber}`) })).toBeVisible();
  await expect(page.locator('#sec-stages-title')).toBeFocused();
  await expectAccessible(page);

  // The same list in French.
  await press(page, page.getByRole('button', { name: 'Sign out' }));
  await expect(page.getByLabel('User name')).toBeVisible();
  await signIn(page, officer);
  await press(page, page.getByRole('button', { name: 'Français' }));
  const taches = page.getByRole('region', { name: /Ce qui m’attend aujourd’hui/ });
  await expect(taches.getByRole('button', { name: `Titre de voyage qui expire · ${c.caseNumber} · Bakary Keita` })).toBeVisible();
  await expect(taches).toContainText('Dans 10 jours');
  await expectAccessible(page);
});
