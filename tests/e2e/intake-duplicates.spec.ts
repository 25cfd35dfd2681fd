import { expect, expectAccessible, setUpSupervisor, test } from './fixtures';
import { fillQuickIdentity, press, startIntake, tick } from './intake.helpers';

test('the same person entered twice: a duplicate warning offers the existing case; creating anyway is deliberate', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  const form = page.getByRole('region', { name: 'New intake' });
  await fillQuickIdentity(form, { written: 'Nguyễn Văn An', latin: 'Nguyen Van An', dob: '1990-07-07', nationality: 'VNM', uci: '1234 5678' });
  const first = await startIntake(page, form);

  // Same UCI.
  await form.getByLabel('Client ID (UCI)').fill('12345678');
  const warning = form.getByRole('alert').filter({ hasText: 'This person may already be in the database' });
  await expect(warning).toContainText(`${first} · same UCI`);
  await expectAccessible(page);

  // Similar name (another order, no accents) and the same date of birth, without the UCI.
  await form.getByLabel('Client ID (UCI)').fill('');
  await form.getByLabel('Name as written in documents').fill('Nguyễn An');
  await form.getByLabel('Name in Latin letters').fill('An Nguyen');
  await form.getByLabel('Date of birth').fill('1990-07-07');
  await form.getByLabel('Nationality').fill('VNM');
  await expect(warning).toContainText('similar name and same date of birth');

  // Starting the intake is refused until the officer decides.
  await press(page, form.getByRole('button', { name: 'Start intake' }));
  await expect(form.getByText('Open the existing case, or confirm that this is a different person.')).toBeVisible();
  await expect(form.getByRole('checkbox', { name: /this is a different person/ })).toBeFocused();
  await press(page, page.getByRole('button', { name: 'Français' }).first());
  await expect(page.getByRole('alert').filter({ hasText: 'Cette personne est peut-être déjà dans la base de données' })).toBeVisible();
  await expectAccessible(page);
  await press(page, page.getByRole('button', { name: 'English' }).first());

  // Open the existing case instead.
  await press(page, warning.getByRole('button', { name: `Open case ${first} instead` }));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Case ${first}`) })).toBeVisible();

  // Back on Today, the abandoned intake left no draft behind; typed again, a deliberate "different person" creates a second case.
  await press(page, page.getByRole('button', { name: "Today's cases" }));
  await expect(page.getByRole('region', { name: /Unfinished intakes/ }).getByText('None.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resume the intake of An Nguyen' })).toHaveCount(0);
  await fillQuickIdentity(form, { written: 'Nguyễn An', latin: 'An Nguyen', dob: '1990-07-07', nationality: 'VNM' });
  await expect(warning).toBeVisible();
  await tick(page, form.getByRole('checkbox', { name: /this is a different person/ }));
  const second = await startIntake(page, form);
  expect(second).not.toBe(first);
});
