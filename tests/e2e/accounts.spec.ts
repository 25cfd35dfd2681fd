import type { Page } from '@playwright/test';
import type { AuditPageView } from '../../shared/schema/audit';
import type { UserRow } from '../../shared/schema/auth';
import { clerk, expect, expectAccessible, officer, ok, press, seedPeople, signIn, signOut, supervisor, test } from './fixtures';
import type { Harness } from './fixtures';

/** Issue 13 point 9: the supervisor edits accounts and re-enables one, keyboard only, each step confirmed. */

async function openAccounts(page: Page, heading: 'Accounts' | 'Comptes'): Promise<void> {
  await press(page, page.getByRole('button', { name: heading, exact: true }));
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

const idOf = async (h: Harness, username: string) => {
  const u = (await ok<UserRow[]>(h, 'user.list', {})).find((x) => x.username === username);
  if (!u) throw new Error(`no account ${username}`);
  return u.id;
};

test('change a role, edit a name and badge, disable and re-enable with a new one-time password, each asked once with the safe choice focused', async ({ page, harness }) => {
  test.setTimeout(180_000);
  await seedPeople(harness, [clerk, officer]);
  await ok(harness, 'auth.signOut', {});
  await page.goto(harness.url);
  await signIn(page, supervisor);
  await openAccounts(page, 'Accounts');
  const accounts = page.getByRole('region', { name: 'All accounts' });

  // Edit: name, badge and role; the role change asks once, Cancel focused.
  await press(page, page.getByRole('button', { name: 'Edit the account of Carl Clerk' }));
  const edit = page.getByRole('dialog', { name: 'Edit the account of Carl Clerk' });
  await expect(edit.getByLabel('Full name')).toBeFocused();
  await edit.getByLabel('Full name').fill('Carla Clerk');
  await edit.getByLabel('Badge number').fill('CBSA-7');
  await edit.getByLabel('Role').focus();
  await edit.getByLabel('Role').selectOption({ label: 'Interview officer' });
  await expectAccessible(page);
  await press(page, edit.getByRole('button', { name: 'Save changes' }));
  const role = page.getByRole('dialog', { name: 'Change the role of Carl Clerk?' });
  await expect(role).toContainText('Carl Clerk goes from Clerk to Interview officer.');
  await expect(role.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page);
  await press(page, role.getByRole('button', { name: 'Change the role' }));
  await expect(page.getByRole('status').filter({ hasText: 'The account of Carla Clerk was saved.' })).toBeVisible();
  const carla = accounts.getByRole('row').filter({ hasText: 'Carla Clerk' });
  await expect(carla).toContainText('Interview officer');
  await expect(carla).toContainText('CBSA-7');
  // Focus back on the button that opened the dialog.
  await expect(page.getByRole('button', { name: 'Edit the account of Carla Clerk' })).toBeFocused();

  // One's own role is shown, not offered.
  await press(page, page.getByRole('button', { name: `Edit the account of ${supervisor.displayName}` }));
  const own = page.getByRole('dialog', { name: `Edit the account of ${supervisor.displayName}` });
  await expect(own).toContainText('You cannot change your own role; another supervisor can.');
  await expect(own.getByLabel('Role')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(own).toBeHidden();

  // Disable: Enter out of habit lands on Cancel and disables nothing.
  await press(page, page.getByRole('button', { name: 'Disable Inès Officer' }));
  const disable = page.getByRole('dialog', { name: 'Disable the account of Inès Officer?' });
  await expect(disable.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(disable).toBeHidden();
  const ines = accounts.getByRole('row').filter({ hasText: 'Inès Officer' });
  await expect(ines).toContainText('Active');
  await press(page, page.getByRole('button', { name: 'Disable Inès Officer' }));
  await press(page, disable.getByRole('button', { name: 'Disable the account' }));
  await expect(ines).toContainText('Disabled');
  await expect(ines.getByRole('button', { name: 'Reset password for Inès Officer' })).toHaveCount(0);

  // Re-enable: the screen says the old password is gone for good and a new one-time password comes.
  await press(page, page.getByRole('button', { name: 'Re-enable Inès Officer' }));
  const enable = page.getByRole('dialog', { name: 'Re-enable the account of Inès Officer?' });
  await expect(enable).toContainText('its old password will never work again');
  await expect(enable).toContainText('new one-time password');
  await expect(enable.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page);
  await press(page, enable.getByRole('button', { name: 'Re-enable and issue a one-time password' }));
  const banner = page.getByRole('status').filter({ hasText: 'is active again' });
  await expect(banner).toContainText('The account of Inès Officer (ines.officer) is active again');
  const otp = (await banner.locator('code').innerText()).trim();
  await expect(ines).toContainText('Active');
  await expectAccessible(page);

  // The trail names each account acted on.
  const carlId = await idOf(harness, clerk.username);
  const inesId = await idOf(harness, officer.username);
  const trail = await ok<AuditPageView>(harness, 'audit.list', { action: 'user.*', limit: 100 });
  expect(trail.rows.map((r) => `${r.action}:${r.detail ?? ''}`)).toEqual(
    expect.arrayContaining([
      `user.update:target=${carlId};changed=displayName,badgeNumber,role;from=clerk;to=interview_officer`,
      `user.disable:target=${inesId}`,
      `user.enable:target=${inesId}`,
    ]),
  );

  // The old password is dead; the one-time password opens the account, which must change it first.
  await signOut(page);
  await page.getByLabel('User name').fill(officer.username);
  await page.getByLabel('Password', { exact: true }).fill(officer.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('User name').fill(officer.username);
  await page.getByLabel('Password', { exact: true }).fill(otp);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Change password', level: 1 })).toBeVisible();
  await page.getByLabel('Current password').fill(otp);
  await page.getByLabel('New password').fill('back at the interviews again');
  await page.getByLabel('New password').press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('in French: the confirmations and the edit dialog, axe clean; a role changed and changed back', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await seedPeople(harness, [clerk]);
  await ok(harness, 'auth.signOut', {});
  await page.goto(harness.url);
  await signIn(page, supervisor);
  await press(page, page.getByRole('button', { name: 'Français' }));
  await openAccounts(page, 'Comptes');

  await press(page, page.getByRole('button', { name: 'Réinitialiser le mot de passe de Carl Clerk' }));
  const reset = page.getByRole('dialog', { name: /^Réinitialiser le mot de passe de Carl Clerk\s\?$/ });
  await expect(reset).toContainText('dans les 72 heures');
  await expect(reset.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Escape');

  await press(page, page.getByRole('button', { name: 'Modifier le compte de Carl Clerk' }));
  const edit = page.getByRole('dialog', { name: 'Modifier le compte de Carl Clerk' });
  await edit.getByLabel('Rôle').selectOption({ label: 'Superviseur' });
  await press(page, edit.getByRole('button', { name: 'Enregistrer les modifications' }));
  const role = page.getByRole('dialog', { name: /^Changer le rôle de Carl Clerk\s\?$/ });
  await expect(role).toContainText('Carl Clerk passe de Commis à Superviseur.');
  await expect(role.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await expectAccessible(page);
  await press(page, role.getByRole('button', { name: 'Changer le rôle' }));
  await expect(page.getByRole('status').filter({ hasText: 'Le compte de Carl Clerk est enregistré.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tous les comptes' }).getByRole('row').filter({ hasText: 'Carl Clerk' })).toContainText('Superviseur');

  // And back: a supervisor who is not the last one can be demoted.
  await press(page, page.getByRole('button', { name: 'Modifier le compte de Carl Clerk' }));
  await edit.getByLabel('Rôle').selectOption({ label: 'Commis' });
  await press(page, edit.getByRole('button', { name: 'Enregistrer les modifications' }));
  await press(page, role.getByRole('button', { name: 'Changer le rôle' }));
  await expect(page.getByRole('region', { name: 'Tous les comptes' }).getByRole('row').filter({ hasText: 'Carl Clerk' })).toContainText('Commis');
  await expectAccessible(page);
});
