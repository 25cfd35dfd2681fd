import { expect, expectAccessible, setUpSupervisor, test } from './fixtures';

test('a case created in the UI goes through the encrypted database and back, and search finds it', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  await expectAccessible(page);

  const form = page.getByRole('region', { name: 'New intake' });
  const walkIn = form.getByRole('group', { name: 'How the person came' }).getByRole('radio', { name: 'Walk-in (front counter)' });
  await walkIn.focus();
  await page.keyboard.press('Space');
  await form.getByLabel('Name as written in documents').fill('محمد الأحمد');
  await form.getByLabel('Name in Latin letters').fill('Mohammed Al-Ahmad');
  await form.getByLabel('Date of birth').fill('1984-03-27');
  await form.getByLabel('Nationality').fill('syr');
  await form.getByLabel('Client ID (UCI)').fill('1234-5678');
  await form.getByLabel('Client ID (UCI)').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /Case AVRR-\d{4}-000001 created/ })).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: 'محمد الأحمد' });
  await expect(row).toContainText('Mohammed Al-Ahmad');
  await expect(row).toContainText('Draft');

  // After a reload the case is still there: it came from the database, not from page state.
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: 'Mohammed Al-Ahmad' })).toBeVisible();

  // Accent- and case-insensitive search, by date of birth and by UCI.
  const search = page.getByLabel('Search by name, date of birth or UCI');
  await search.fill('al-ahmad');
  await expect(page.getByText('1 case', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Search results' })).toContainText('SYR');
  await search.fill('1984-03-27');
  await expect(page.getByText('1 case', { exact: true })).toBeVisible();
  await search.fill('12345678');
  await expect(page.getByText('1 case', { exact: true })).toBeVisible();
  await search.fill('nobody-here');
  await expect(page.getByText('0 cases', { exact: true })).toBeVisible();
});

test('bad input gets field messages in the UI language and creates nothing', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  const form = page.getByRole('region', { name: 'New intake' });
  await form.getByLabel('Name as written in documents').fill('Zoltán Kovács');
  await form.getByLabel('Name in Latin letters').fill('Zoltan Kovacs');
  await form.getByLabel('Date of birth').fill('2023-02-29');
  await form.getByLabel('Nationality').fill('H');
  await form.getByRole('button', { name: 'Start intake' }).click();
  // Next to each field, and in the summary at the top with a link to the field.
  await expect(form.locator('p.error').filter({ hasText: 'Enter a real date as year-month-day' })).toBeVisible();
  await expect(form.locator('p.error').filter({ hasText: 'Enter a three-letter country code' })).toBeVisible();
  await expect(form.getByRole('alert').getByRole('link', { name: /Date of birth: Enter a real date/ })).toBeVisible();
  await expect(page.getByText('Nobody is waiting.')).toBeVisible();
  await page.getByLabel('Search by name, date of birth or UCI').fill('kovacs');
  await expect(page.getByText('0 cases', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('region', { name: 'Nouvel accueil' }).getByRole('button', { name: 'Commencer l’accueil' }).click();
  await expect(page.locator('p.error').filter({ hasText: 'Entrez une date réelle' })).toBeVisible();
  await expectAccessible(page);
});

test('a name written in Latin letters is its own Latin spelling: the Latin box follows it, not retyped; what the officer types there stays', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  const form = page.getByRole('region', { name: 'New intake' });
  const written = form.getByLabel('Name as written in documents');
  const latin = form.getByLabel('Name in Latin letters');
  await written.pressSequentially('محمد');
  await expect(latin).toHaveValue('');
  await written.fill('');
  await written.pressSequentially('Zoltán Kovács');
  await expect(latin).toHaveValue('Zoltán Kovács');
  // Tab arrives on it with the text selected: typing replaces it, never adds to it.
  await written.press('Tab');
  await expect(latin).toBeFocused();
  await page.keyboard.type('Zoltan Kovacs');
  await expect(latin).toHaveValue('Zoltan Kovacs');
  // Now it is the officer's: a change to the written name leaves it alone.
  await written.fill('Zoltán Kovács-Nagy');
  await expect(latin).toHaveValue('Zoltan Kovacs');
});
