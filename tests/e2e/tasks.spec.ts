import { addDaysIso } from '../../shared/case/timeline';
import type { CaseDetail } from '../../shared/schema/case-api';
import { todayIso } from '../../shared/schema/common';
import { familyIntake } from '../fixtures/intakes';
import { couple, expect, expectAccessible, officer, ok, press, referCase, seedPeople, signIn, signInAs, test } from './fixtures';
import type { Harness } from './fixtures';

/**
 * "What needs me today": a case referred today whose travel documents expire in 10 days shows
 * a task first on the Today screen; the task opens the case at its stages section (focus on its
 * heading), keyboard only; the list in French; axe clean.
 */

/** The officer refers a couple today; IOM acknowledges, counsels and reports documents expiring in 10 days. */
async function seed(h: Harness, today: string): Promise<CaseDetail> {
  await seedPeople(h, [officer]);
  await signInAs(h, officer);
  let c = await referCase(h, familyIntake([...couple]), today);
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
