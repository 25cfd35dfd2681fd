import { expect, expectAccessible, setUpSupervisor, test } from './fixtures';

test('an unfinished new intake is still listed after a reload and can be discarded after a confirmation', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  const intake = page.getByRole('region', { name: 'New intake' });
  await intake.getByLabel('Name in Latin letters').fill('Selam Gebre');
  await expect(intake.getByText('Draft kept', { exact: false }).first()).toBeVisible();
  await page.reload();

  const drafts = page.getByRole('region', { name: /Unfinished intakes/ });
  await expect(drafts.getByRole('listitem').filter({ hasText: 'Selam Gebre' })).toHaveCount(1);
  await drafts.getByRole('button', { name: 'Discard the intake of Selam Gebre' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard the intake of Selam Gebre?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Discard the intake' }).click();
  await expect(drafts.getByText('None.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: /Unfinished intakes/ }).getByText('None.')).toBeVisible();
});
