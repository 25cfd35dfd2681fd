import { expect, expectAccessible, press, setUpSupervisor, test } from './fixtures';

test('an unfinished new intake is still listed after a reload and can be discarded after a confirmation', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  const intake = page.getByRole('region', { name: 'New intake' });
  await intake.getByLabel('Name in Latin letters').fill('Selam Gebre');
  await expect(intake.getByText('Draft kept', { exact: false }).first()).toBeVisible();
  await page.reload();

  const drafts = page.getByRole('region', { name: /Unfinished intakes/ });
  await expect(drafts.getByRole('listitem').filter({ hasText: 'Selam Gebre' })).toHaveCount(1);
  await press(page, drafts.getByRole('button', { name: 'Discard the intake of Selam Gebre' }));
  const dialog = page.getByRole('dialog', { name: 'Discard the intake of Selam Gebre?' });
  await expect(dialog).toBeVisible();
  // The safe choice has the focus: Enter out of habit discards nothing.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(drafts.getByRole('button', { name: 'Discard the intake of Selam Gebre' })).toBeFocused();
  await press(page, drafts.getByRole('button', { name: 'Discard the intake of Selam Gebre' }));
  await press(page, dialog.getByRole('button', { name: 'Discard the intake' }));
  await expect(drafts.getByText('None.')).toBeVisible();
  // Its row is gone: focus goes to the list's heading, not to the page body.
  await expect(drafts.getByRole('heading', { name: /Unfinished intakes/ })).toBeFocused();
  await page.reload();
  await expect(page.getByRole('region', { name: /Unfinished intakes/ }).getByText('None.')).toBeVisible();
});
