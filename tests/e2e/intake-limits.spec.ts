import { expect, setUpSupervisor, test } from './fixtures';

test('pasted text is never cut: the limit shows as a counter and a longer name is refused with a message; countries come from ISO 3166', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  const form = page.getByRole('region', { name: 'New intake' });
  const latin = form.getByLabel('Name in Latin letters');
  await latin.fill('x'.repeat(10_000));
  await expect(latin).toHaveValue('x'.repeat(10_000));
  await expect(form.getByText('10000 / 200 characters')).toBeVisible();
  await form.getByLabel('Name as written in documents').fill('\u202Eevil');
  await form.getByLabel('Date of birth').fill('1980-01-01');
  await form.getByLabel('Nationality').fill('xxx');
  await form.getByRole('button', { name: 'Start intake' }).click();
  await expect(form.locator('p.error').filter({ hasText: 'This is too long.' })).toBeVisible();
  await expect(form.locator('p.error').filter({ hasText: 'invisible text-direction characters' })).toBeVisible();
  await expect(form.locator('p.error').filter({ hasText: 'Choose a country from the list' })).toBeVisible();
  await form.getByLabel('Nationality').fill('hun');
  await expect(form.getByText('Hungary', { exact: true })).toBeVisible();
  await expect(page.getByText('Nobody is waiting.')).toBeVisible();
});
