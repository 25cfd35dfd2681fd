import { expectAccessible, expect, press, setUpSupervisor, signIn, signOut, supervisor, test } from './fixtures';

/**
 * Issue 14, the supervisor's Data safety screen, keyboard only: Today says backups are not set up;
 * a folder is chosen, a backup made and its verification shown; the database key is rotated and
 * signing in still works; the screen in French. (The back ends' own tests cover restore, disposal
 * and the information request in depth; one pass through the screen is enough here.)
 */
test('a supervisor sets up backups, backs up now, rotates the key and still signs in', async ({ page, harness }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await setUpSupervisor(page, harness);

  // Today: nothing is backed up yet, and the notice leads to the screen.
  await expect(page.getByTestId('backup-overdue')).toContainText('Backups are not set up');
  await press(page, page.getByRole('button', { name: 'Go to Data safety' }));
  await expect(page.getByRole('heading', { name: 'Data safety', level: 1 })).toBeFocused();

  // A folder of this test's own (the harness runs on this machine); the schedule's defaults.
  await expect(page.getByLabel('Back up every (hours)')).toHaveValue('24');
  await expect(page.getByLabel('Backups kept')).toHaveValue('14');
  await page.getByLabel('Backup folder').fill(testInfo.outputPath('backups'));
  await page.getByLabel('Backup folder').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Backup settings saved.' })).toBeVisible();

  // Saving a folder may start the backup the schedule owes at once: "Back up now" waits for it.
  const now = page.getByRole('button', { name: 'Back up now' });
  await expect(now).toBeEnabled({ timeout: 30_000 });
  await press(page, now);
  const last = page.getByTestId('backup-last');
  await expect(last).toContainText('Last backup made and verified', { timeout: 30_000 });
  await expect(last).toContainText('Database integrity: correct');
  await expect(last).toContainText('Audit chain: verified');
  await expect(last).toContainText('Counts: same as the database');
  await expect(last).toContainText('On demand');
  await expect(page.getByRole('table', { name: 'Backup history (latest first)' }).getByRole('row').nth(1)).toContainText(/Verified.*On demand/);
  await expectAccessible(page);

  // Rotation asks first, the safe choice focused.
  await press(page, page.getByRole('button', { name: 'Rotate the key now' }));
  const dialog = page.getByRole('dialog', { name: 'Rotate the database key?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await press(page, dialog.getByRole('button', { name: 'Rotate the key now' }));
  await expect(page.getByRole('status').filter({ hasText: /^Key rotated .*: 1 account updated in/ })).toBeVisible();

  // Every account keeps signing in with its password.
  await signOut(page);
  await signIn(page, supervisor);
  await press(page, page.getByRole('navigation').getByRole('button', { name: 'Data safety' }));
  await expect(page.getByRole('heading', { name: 'Data safety', level: 1 })).toBeFocused();
  await expect(page.getByTestId('backup-last')).toContainText('Last backup made and verified');

  // In French.
  await press(page, page.getByRole('button', { name: 'Français' }));
  await expect(page.getByRole('heading', { name: 'Sécurité des données', level: 1 })).toBeVisible();
  await expect(page.getByTestId('backup-last')).toContainText('Dernière sauvegarde faite et vérifiée');
  await expectAccessible(page);
});

test('a supervisor restores a backup into a new folder, sees what it holds, switches to it and signs in again', async ({ page, harness }, testInfo) => {
  await setUpSupervisor(page, harness);
  await press(page, page.getByRole('navigation').getByRole('button', { name: 'Data safety' }));
  await page.getByLabel('Backup folder').fill(testInfo.outputPath('backups'));
  await page.getByLabel('Backup folder').press('Enter');
  await expect(page.getByTestId('backup-last')).toContainText('Last backup made and verified', { timeout: 30_000 });

  // The backup just made is offered; a wrong password changes nothing and says why.
  const password = page.getByLabel('Your password when the backup was made');
  await password.fill('not the password of this backup');
  await password.press('Enter');
  await expect(page.getByText('This password does not open the backup.', { exact: false })).toBeVisible();
  await password.fill(supervisor.password);
  await password.press('Enter');
  const preview = page.getByTestId('restore-preview');
  await expect(preview).toContainText('The backup was restored and verified.');
  await expect(preview).toContainText('Database integrity: correct');
  await expectAccessible(page);

  await press(page, preview.getByRole('button', { name: 'Switch to this data' }));
  const dialog = page.getByRole('dialog', { name: 'Switch to the restored data?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await press(page, dialog.getByRole('button', { name: 'Switch to this data' }));
  // Everyone signs in again, on the restored data.
  await expect(page.getByLabel('User name')).toBeVisible();
  await signIn(page, supervisor);
  await press(page, page.getByRole('navigation').getByRole('button', { name: 'Data safety' }));
  await expect(page.getByRole('heading', { name: 'Data safety', level: 1 })).toBeFocused();
});
