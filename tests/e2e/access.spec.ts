import type { Page } from '@playwright/test';
import { expect, expectAccessible, press, setUpSupervisor, supervisor, test } from './fixtures';

async function signOut(page: Page) {
  await page.getByRole('button', { name: /^(Sign out|Fermer la session)$/ }).click();
  await expect(page.getByRole('heading', { name: /^(Sign in|Ouverture de session)$/ })).toBeVisible();
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
}

/** The supervisor creates an account; returns the one-time password shown once. */
async function createAccount(page: Page, displayName: string, username: string, role: string): Promise<string> {
  await page.getByRole('button', { name: 'Accounts' }).click();
  const form = page.getByRole('region', { name: 'New account' });
  await form.getByLabel('Full name').fill(displayName);
  await form.getByLabel('User name').fill(username);
  await form.getByLabel('Role').selectOption({ label: role });
  await form.getByRole('button', { name: 'Create account' }).click();
  const otp = page.locator('code.otp');
  await expect(otp).toBeVisible();
  return (await otp.textContent()) ?? '';
}

test('accounts: one-time password, forced change, role-limited navigation, wrong passwords refused alike', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  const otp = await createAccount(page, 'Chris Clerk', 'chris.clerk', 'Clerk');
  await expectAccessible(page);
  await expect(page.getByRole('row').filter({ hasText: 'chris.clerk' })).toContainText('Clerk');
  await signOut(page);
  await expectAccessible(page);

  // Wrong password and unknown user: the same message.
  await signIn(page, 'chris.clerk', 'not the password at all');
  const message = await page.getByRole('alert').textContent();
  await signIn(page, 'nobody.at.all', 'not the password at all');
  await expect(page.getByRole('alert')).toHaveText(message ?? '');

  await signIn(page, 'chris.clerk', otp);
  await expect(page.getByRole('heading', { name: 'Change password' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Current password').fill(otp);
  // Too short: the message says the numbers, in both languages (never "{{min}}").
  await page.getByLabel('New password').fill('short words');
  await page.getByLabel('New password').press('Enter');
  await expect(page.getByText('Use at least 15 characters (this one has 11).')).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Français' }));
  await expect(page.getByText('Utilisez au moins 15 caractères (celui-ci en a 11).')).toBeVisible();
  await expectAccessible(page);
  await press(page, page.getByRole('button', { name: 'English' }));
  await page.getByLabel('New password').fill('printing packets all day long');
  await page.getByLabel('New password').press('Enter');

  // A clerk reads cases but sees no intake form, no accounts, no audit.
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'New intake' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Accounts' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Audit' })).toHaveCount(0);
  await expectAccessible(page);
});

test('lock and resume keeps what was typed; another person can sign in at the lock screen', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  const otp = await createAccount(page, 'Fatima Front', 'fatima.front', 'Front-counter officer');
  await page.getByRole('button', { name: "Today's cases" }).click();

  const form = page.getByRole('region', { name: 'New intake' });
  await form.getByLabel('Name as written in documents').fill('கிருஷ்ணன் சுப்பிரமணியம்');
  await page.getByRole('button', { name: 'Lock' }).click();
  const lock = page.getByRole('dialog', { name: 'Workstation locked' });
  await expect(lock).toBeVisible();
  await expectAccessible(page);
  // While locked the back end refuses privileged calls.
  const refused = await page.evaluate(() => window.avrr.invoke('case.list', {}));
  expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } });

  // French lock screen, then the same person resumes: the typed name is still there.
  await lock.getByRole('button', { name: 'Français' }).click();
  const verrou = page.getByRole('dialog', { name: 'Poste verrouillé' });
  await expect(verrou).toBeVisible();
  await expectAccessible(page);
  await verrou.getByRole('button', { name: 'English' }).click();
  await lock.getByLabel('Password', { exact: true }).fill(supervisor.password);
  await lock.getByLabel('Password', { exact: true }).press('Enter');
  await expect(lock).toHaveCount(0);
  await expect(form.getByLabel('Name as written in documents')).toHaveValue('கிருஷ்ணன் சுப்பிரமணியம்');

  // Lock again; another person signs in at the lock screen and gets their own session.
  await page.getByRole('button', { name: 'Lock' }).click();
  await lock.getByLabel('User name').fill('fatima.front');
  await lock.getByLabel('Password', { exact: true }).fill(otp);
  await lock.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Change password' })).toBeVisible();
});

test('idle lock: the screen locks after the idle period without input', async ({ page, harness }) => {
  await page.clock.install();
  await setUpSupervisor(page, harness);
  await page.getByRole('region', { name: 'New intake' }).getByLabel('Name in Latin letters').fill('Wang Xiaoming');
  await page.clock.fastForward(10 * 60_000 + 1_000);
  await expect(page.getByRole('dialog', { name: 'Workstation locked' })).toBeVisible();
});

test('audit: the supervisor sees the trail, verifies it and filters it, in both languages', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  const form = page.getByRole('region', { name: 'New intake' });
  await form.getByLabel('Name as written in documents').fill('José Ramírez Núñez');
  await form.getByLabel('Name in Latin letters').fill('Jose Ramirez Nunez');
  await form.getByLabel('Date of birth').fill('1975-11-30');
  await form.getByLabel('Nationality').fill('MEX');
  await form.getByRole('button', { name: 'Start intake' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'José Ramírez Núñez' })).toBeVisible();

  await page.getByRole('button', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'case.create' })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: 'auth.setup' })).toHaveCount(1);
  // No personal data in the trail.
  await expect(page.locator('table')).not.toContainText('Ramírez');
  await page.getByRole('button', { name: 'Verify the trail' }).click();
  await expect(page.getByText(/The whole audit trail is intact: \d+ entries checked/)).toBeVisible();
  await page.getByLabel('Action').fill('case.*');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: 'auth.setup' })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { name: 'Piste de vérification' })).toBeVisible();
  await expectAccessible(page);
});

test('the supervisor sets the screen lock period; out-of-range values are refused with a message', async ({ page, harness }) => {
  await page.clock.install();
  await setUpSupervisor(page, harness);
  await page.getByRole('button', { name: 'Accounts' }).click();
  const setting = page.getByRole('region', { name: 'Screen lock' });
  const minutes = setting.getByLabel('Lock after this many minutes without input');
  await expect(minutes).toHaveValue('10');
  await minutes.fill('30');
  await setting.getByRole('button', { name: 'Save' }).click();
  await expect(setting.getByText('Choose between 2 and 15 minutes.')).toBeVisible();
  await minutes.fill('2');
  await setting.getByRole('button', { name: 'Save' }).click();
  await expect(setting.getByText('Workstations now lock after 2 minutes without input.')).toBeVisible();
  await expectAccessible(page);
  await page.clock.fastForward(2 * 60_000 + 1_000);
  await expect(page.getByRole('dialog', { name: 'Workstation locked' })).toBeVisible();
});
