import { expect, expectAccessible, setUpSupervisor, test } from './fixtures';
import { choose, fillQuickIdentity, openCase, press, startIntake } from './intake.helpers';

test('an ineligible person (criminal record): the reason in French after switching language; withdrawal with a confirm dialog', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  const form = page.getByRole('region', { name: 'New intake' });
  await fillQuickIdentity(form, { written: 'ரஞ்சித் குமார் செல்வராஜா', latin: 'Ranjith Kumar Selvarajah', dob: '1988-12-01', nationality: 'LKA' });
  await choose(page, form, 'Outcome of the refugee claim', 'Rejected');
  await choose(page, form, /in or around the Greater Toronto Area/, 'Yes');
  await choose(page, form, 'Does the person have a criminal record?', 'Yes');
  await expect(page.getByRole('region', { name: 'Early eligibility signal' })).toContainText('Not eligible');
  const number = await startIntake(page, form);
  await openCase(page, number);

  const panel = page.getByRole('region', { name: 'Eligibility (live)' });
  await expect(panel).toContainText('Outcome so far: Not eligible.');
  await expect(panel).toContainText('criminal record');

  await press(page, page.getByRole('button', { name: 'Français' }).first());
  const panneau = page.getByRole('region', { name: 'Admissibilité (en direct)' });
  await expect(panneau).toContainText('Résultat à ce stade\u00a0: Non admissible.');
  await expect(panneau).toContainText('casier judiciaire');
  await expect(panneau.getByRole('row', { name: /Ranjith Kumar Selvarajah/ })).toContainText('Non admissible');
  await press(page, page.getByRole('button', { name: 'Enregistrer et consigner la décision' }));
  await expect(page.getByRole('status').filter({ hasText: 'Décision consignée\u00a0: Non admissible.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Décision enregistrée' })).toContainText('version');
  await expectAccessible(page);

  // Withdrawal: a confirm dialog that traps focus, closes on Escape and gives focus back.
  const open = page.getByRole('button', { name: 'Retirer du programme' });
  await press(page, open);
  const dialog = page.getByRole('dialog', { name: `Retirer le dossier ${number} du programme ARVR\u00a0?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Date du retrait')).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  await press(page, page.getByRole('button', { name: 'English' }).first());
  await press(page, page.getByRole('button', { name: 'Withdraw from the programme' }));
  const en = page.getByRole('dialog', { name: `Withdraw case ${number} from AVRR?` });
  await expectAccessible(page);
  await en.getByLabel('Reason (optional)').fill('Wants to stay with relatives while a new application is studied.');
  await press(page, en.getByRole('button', { name: 'Confirm the withdrawal' }));
  await expect(en).toBeHidden();
  await expect(page.getByText('Status: Withdrawn')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Withdraw from the programme' })).toHaveCount(0);
  // A withdrawn case is read only.
  await expect(page.getByLabel('Name in Latin letters')).toBeDisabled();
});

test('needs review: the decision goes to the supervisor queue; the review needs a written reason', async ({ page, harness }) => {
  // Two languages, two axe scans and a review on a case page that now also loads stages, scans and history:
  // under a loaded 2-core machine this ran past 60 s.
  test.setTimeout(150_000);
  await setUpSupervisor(page, harness);
  const form = page.getByRole('region', { name: 'New intake' });
  await fillQuickIdentity(form, { written: 'Ахмед Исмаилов', latin: 'Akhmed Ismailov', dob: '1975-05-05', nationality: 'RUS' });
  const number = await startIntake(page, form);
  await openCase(page, number);
  await press(page, page.getByRole('button', { name: 'Save and record the decision' }));
  await expect(page.getByRole('status').filter({ hasText: 'Decision recorded: Needs supervisor review.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recorded decision' })).toContainText('Waiting for supervisor review.');

  await press(page, page.getByRole('button', { name: "Today's cases" }));
  const queue = page.getByRole('region', { name: 'Waiting for supervisor review' });
  await expect(queue.getByRole('row').filter({ hasText: 'Ахмед Исмаилов' })).toBeVisible();
  await press(page, queue.getByRole('button', { name: `Open case ${number}` }));

  await press(page, page.getByRole('button', { name: 'Review this decision' }));
  const dialog = page.getByRole('dialog', { name: `Supervisor review of case ${number}` });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await press(page, dialog.getByRole('button', { name: 'Record the review' }));
  await expect(dialog.getByText('Write a reason of at least 10 characters.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The same dialog in French.
  await press(page, page.getByRole('button', { name: 'Français' }).first());
  await press(page, page.getByRole('button', { name: 'Examiner cette décision' }));
  const fr = page.getByRole('dialog', { name: `Examen du dossier ${number} par un superviseur` });
  await press(page, fr.getByRole('button', { name: 'Consigner l’examen' }));
  await expect(fr.getByText('Écrivez un motif d’au moins 10 caractères.')).toBeVisible();
  await expectAccessible(page);
  await choose(page, fr, 'Décision pour Akhmed Ismailov', 'Non admissible');
  await fr.getByLabel('Motif écrit').fill('Les antécédents de la demande n’ont pas pu être confirmés auprès d’IRCC.');
  await press(page, fr.getByRole('button', { name: 'Consigner l’examen' }));
  await expect(fr).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'L’examen a été consigné.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Décision enregistrée' })).toContainText('Examen du superviseur\u00a0: Non admissible');
  await press(page, page.getByRole('button', { name: 'Dossiers du jour' }));
  await expect(page.getByRole('region', { name: 'En attente d’examen par un superviseur' }).getByRole('row')).toHaveCount(0);
});
