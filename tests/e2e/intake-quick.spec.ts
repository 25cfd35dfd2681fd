import { expect, expectAccessible, setUpSupervisor, test } from './fixtures';
import { choose, fillQuickIdentity, press, startIntake } from './intake.helpers';

test('front counter: a walk-in quick intake with the early signal, handed over to an interview now (keyboard only)', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  await expect(page.getByRole('heading', { level: 1, name: "Today's cases" })).toBeVisible();
  await expect(page.getByText(/Walk-in hours at the counter: Monday to Friday, 8:00 to 16:00/)).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole('region', { name: 'New intake' });
  await choose(page, form, 'How the person came', 'Walk-in (front counter)');
  await fillQuickIdentity(form, { written: 'Zoltán Kovács', latin: 'Zoltan Kovacs', dob: '1979-04-12', nationality: 'hun', uci: '1122-3344' });
  await form.getByLabel("Person's language").selectOption('hu');
  await choose(page, form, 'Is an interpreter needed?', 'Yes');
  await form.getByLabel('Phone number').fill('+1 416 555 0199');

  // The early signal follows the answers: unknown answers never give "eligible".
  const signal = page.getByRole('region', { name: 'Early eligibility signal' });
  await expect(signal).toContainText('Needs supervisor review');
  // Nothing answered about the claim yet: where to begin, not a list of every question.
  await expect(signal).toContainText('Start with the claim questions');
  await expect(signal).not.toContainText('Still missing');
  await choose(page, form, 'Outcome of the refugee claim', 'Rejected');
  await choose(page, form, /in or around the Greater Toronto Area/, 'Yes');
  await choose(page, form, /no credible basis/, 'No');
  await choose(page, form, 'Does the person have a criminal record?', 'No');
  await choose(page, form, /comply with all the conditions/, 'Yes');
  await expect(signal).toContainText('Still missing');
  await expect(signal).toContainText('whether the claim was found manifestly unfounded');
  await choose(page, form, 'Does the person have a criminal record?', 'Yes');
  await expect(signal).toContainText('Not eligible');
  await choose(page, form, 'Does the person have a criminal record?', 'No');
  await expect(signal).toContainText('Needs supervisor review');

  await choose(page, form, 'Hand over to an interview', 'Interview now');
  await expectAccessible(page);
  const number = await startIntake(page, form);
  await expect(page.getByRole('status').filter({ hasText: 'handed over to an interview' })).toBeVisible();

  // The case waits in the walk-in list, screened; the form is blank for the next person.
  const row = page.getByRole('region', { name: 'Walk-ins waiting' }).getByRole('row').filter({ hasText: 'Zoltán Kovács' });
  await expect(row).toContainText('Screened');
  await expect(row).toContainText(number);
  await expect(form.getByLabel('Name as written in documents')).toHaveValue('');

  // The search finds the person by name without accents, by date of birth and by UCI.
  const search = page.getByLabel('Search by name, date of birth or UCI');
  for (const q of ['kovacs', '1979-04-12', '11223344']) {
    await search.fill(q);
    await expect(page.getByText('1 case', { exact: true })).toBeVisible();
  }
  await search.fill('');

  await press(page, page.getByRole('button', { name: 'Français' }).first());
  await expect(page.getByRole('heading', { level: 1, name: 'Dossiers du jour' })).toBeVisible();
  await expectAccessible(page);
  await press(page, page.getByRole('button', { name: `Ouvrir le dossier ${number}` }).first());
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Dossier ${number}`) })).toBeVisible();
  await expectAccessible(page);
  await press(page, page.getByRole('button', { name: 'English' }).first());
  await expect(page.getByText('Status: Screened')).toBeVisible();
  await expectAccessible(page);
});
