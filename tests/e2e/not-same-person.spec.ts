import { expect, expectAccessible, setUpSupervisor, test } from './fixtures';
import { fillQuickIdentity, press, startIntake } from './intake.helpers';

/**
 * Issue 13 point 1: on the duplicate warning the officer records, from the keyboard, that a
 * candidate is not the same person; the warning goes (no checkbox left to tick), the focus stays
 * on what was recorded, and that pair is not offered again while the intake is typed on.
 */
test('"Not the same person" removes the candidate for this intake and says so; the intake then starts without a warning', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  const form = page.getByRole('region', { name: 'New intake' });
  await fillQuickIdentity(form, { written: 'Zoltán Kovács', latin: 'Zoltán Kovács', dob: '1980-03-07', nationality: 'HUN' });
  const first = await startIntake(page, form);

  // Another man of the same name, born the same day.
  await fillQuickIdentity(form, { written: 'Zoltan Kovacs', latin: 'Zoltan Kovacs', dob: '1980-03-07', nationality: 'HUN' });
  const warning = form.getByRole('alert').filter({ hasText: 'This person may already be in the database' });
  await expect(warning).toContainText(first);
  await expectAccessible(page);
  await press(page, warning.getByRole('button', { name: `Not the same person as in case ${first}` }));
  const said = form.getByRole('status').filter({ hasText: `the person in case ${first} is not this person` });
  await expect(said).toBeFocused();
  await expect(warning).toHaveCount(0);
  await expect(form.getByRole('checkbox', { name: /this is a different person/ })).toHaveCount(0);
  await expectAccessible(page);

  // Typed on (a changed date and back), the pair stays apart.
  // The check runs after a pause in typing: wait for the one about the other date, then type the date back.
  const asked = page.waitForResponse((r) => r.url().endsWith('/api/invoke') && (r.request().postData() ?? '').includes('1980-03-08'));
  await form.getByLabel('Date of birth').fill('1980-03-08');
  await asked;
  await form.getByLabel('Date of birth').fill('1980-03-07');
  await expect(form.getByLabel('Date of birth')).toHaveValue('1980-03-07');
  await expect(warning).toHaveCount(0);
  const second = await startIntake(page, form);
  expect(second).not.toBe(first);

  // A third intake with the same facts is a different person being typed: both are offered to them (in French too).
  await fillQuickIdentity(form, { written: 'Zoltan Kovacs', latin: 'Zoltan Kovacs', dob: '1980-03-07', nationality: 'HUN' });
  await expect(warning).toContainText(first);
  await expect(warning).toContainText(second);
  await press(page, page.getByRole('button', { name: 'Français' }).first());
  const alerte = page.getByRole('alert').filter({ hasText: 'Cette personne est peut-être déjà dans la base de données' });
  await expect(alerte.getByRole('button', { name: `Pas la même personne que dans le dossier ${first}` })).toBeVisible();
  await expectAccessible(page);
});
