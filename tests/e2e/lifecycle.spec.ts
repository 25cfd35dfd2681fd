import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseDetail } from '../../shared/schema/case-api';
import { familyIntake } from '../fixtures/intakes';
import { clerk, couple, expect, expectAccessible, officer, ok, openCase, press, referCase, seedPeople, signIn, signOut, supervisor, test } from './fixtures';
import { choose } from './intake.helpers';

/**
 * The case's life in the UI, driven by the lifecycle table (shared/case): a supervisor's approval
 * goes on to consent and referral; missing travel facts stop the decision with what to fill in;
 * a withdrawal takes the packet out of the print queue. Keyboard only where practical.
 */

const artefacts = join('tests', 'artifacts', 'e2e-lifecycle');

test('a case approved by the supervisor’s review goes through consent to referral', async ({ page, harness }) => {
  await seedPeople(harness, [officer, clerk]);
  const intake = familyIntake([...couple]);
  // The principal's claim was found manifestly unfounded: the rules send the case to review (R1).
  intake.persons[0]!.facts = { ...intake.persons[0]!.facts, claim: { ...intake.persons[0]!.facts.claim, manifestlyUnfounded: true } };
  const created = await ok<CaseDetail>(harness, 'case.create', { intake });
  const decided = await ok<CaseDetail>(harness, 'case.decide', { caseId: created.id, baseVersion: created.version });
  expect(decided.status).toBe('under_review');
  await ok(harness, 'auth.signOut', {});

  await page.goto(harness.url);
  await signIn(page, supervisor);
  await openCase(page, 'Keita', decided.caseNumber);
  await expect(page.getByText('Status: Under supervisor review')).toBeVisible();
  // Why the case is in review, in words from the rules.
  await expect(page.getByRole('heading', { name: 'Why this case is in review' })).toBeVisible();
  await expect(page.locator('.review-why')).toContainText('Bakary Keita');
  await expect(page.locator('.review-why')).toContainText(/manifestly unfounded/i);

  await press(page, page.getByRole('button', { name: 'Review this decision' }));
  const dialog = page.getByRole('dialog', { name: `Supervisor review of case ${decided.caseNumber}` });
  await expect(dialog).toBeVisible();
  // Each person: the computed tier and amount, kept unless another tier is set.
  await expect(dialog.getByRole('group', { name: 'Decision for Mariam Keita' })).toContainText(/Computed: tier T\d, up to/);
  await expect(dialog.getByRole('group', { name: 'Decision for Bakary Keita' })).toContainText(/Computed: tier T\d, up to/);
  await press(page, dialog.getByRole('button', { name: 'Record the review' }));
  await expect(dialog.getByText('Choose one of the options.').first()).toBeVisible();
  await choose(page, dialog, 'Decision for Bakary Keita', 'Eligible');
  await choose(page, dialog, 'Decision for Mariam Keita', 'Eligible');
  await expect(dialog.getByLabel('Tier for Bakary Keita')).toBeVisible();
  await dialog.getByLabel('Written reason').fill('IRCC confirmed the claim history; the family returns together.');
  await expectAccessible(page);
  await press(page, dialog.getByRole('button', { name: 'Record the review' }));
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'The review was recorded.' })).toBeVisible();
  await expect(page.getByText('Status: Decided')).toBeVisible();

  // Consent: generate, record who signed, then refer.
  const docs = page.getByRole('region', { name: 'Documents for IOM' });
  await expect(docs.getByRole('button', { name: /Refer to IOM/ })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await press(page, docs.getByRole('button', { name: 'Generate the consent form' }));
  await download;
  const record = docs.getByRole('form', { name: /Record the signed consent form/ });
  await press(page, record.getByRole('button', { name: 'Record consent' }));
  await expect(page.getByText('Status: Consent recorded')).toBeVisible();
  // Consented: the intake is read-only, and the banner says why and who can change it.
  await expect(page.getByRole('note')).toContainText('Consent is recorded: the intake can no longer change. A person with the decide permission can reopen the case.');
  await expect(page.getByRole('button', { name: 'Reopen the decision' })).toBeVisible();
  await press(page, docs.getByRole('button', { name: /Refer to IOM/ }));
  // Outward and irreversible: asked once, with the focus on Cancel.
  const confirm = page.getByRole('dialog', { name: /^Refer case AVRR-\d{4}-\d{6} to IOM\?$/ });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await press(page, confirm.getByRole('button', { name: 'Refer and sign the packet' }));
  await expect(docs.getByText('The case was referred to IOM.')).toBeVisible();
  await expect(docs.getByRole('listitem').filter({ hasText: 'Referral packet' })).toContainText('Digitally signed');
  await expect(page.getByText('Status: Referred to IOM')).toBeVisible();
});

test('a case with empty travel facts cannot reach consent: the decision step says what to fill in and goes to Travel', async ({ page, harness }) => {
  await seedPeople(harness, [officer, clerk]);
  const intake = familyIntake([...couple]);
  intake.travel = { countryOfReturn: null, finalDestination: '' };
  intake.persons = intake.persons.map((p) => ({ ...p, travelDocument: { status: null, expiryDate: null } }));
  const created = await ok<CaseDetail>(harness, 'case.create', { intake });
  await ok(harness, 'auth.signOut', {});

  await page.goto(harness.url);
  await signIn(page, officer);
  await openCase(page, 'Keita', created.caseNumber);
  const steps = page.getByRole('region', { name: 'Next steps' });
  await expect(steps).toContainText('This step is not possible yet. Still to fill in:');
  await expect(steps).toContainText('Travel: the country of return is not recorded.');
  await expect(steps).toContainText('Travel: the final destination is not recorded.');
  await expect(steps).toContainText('Travel: the travel document of Mariam Keita is not recorded.');
  // Never a raw field path.
  await expect(steps).not.toContainText('travel.countryOfReturn');
  mkdirSync(artefacts, { recursive: true });
  await steps.screenshot({ path: join(artefacts, 'steps-with-gaps.png') });
  await expectAccessible(page);

  // The link goes to the Travel section.
  await press(page, steps.getByRole('button', { name: 'Go to Travel' }).first());
  await expect(page.getByRole('heading', { name: 'Travel', level: 2 })).toBeFocused();

  // Trying anyway: the back end refuses with the same list; no decision, no consent form.
  await press(page, steps.getByRole('button', { name: 'Save and record the decision' }));
  const refusal = page.getByRole('alert').filter({ hasText: 'Travel: the country of return is not recorded.' });
  await expect(refusal).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recorded decision' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Generate the consent form' })).toHaveCount(0);
  await expect(page.getByText('Status: Draft')).toBeVisible();
});

test('a withdrawn case’s referral packet leaves the print queue and is printed only as a copy for the file', async ({ page, harness }) => {
  await seedPeople(harness, [officer, clerk]);
  const created = await referCase(harness, familyIntake([...couple]), '2026-11-21');
  await ok(harness, 'auth.signOut', {});
  const packet = `${created.caseNumber}-RP-01`;

  await page.goto(harness.url);
  await signIn(page, clerk);
  await press(page, page.getByRole('button', { name: 'Print queue' }));
  await expect(page.getByRole('row').filter({ hasText: packet })).toBeVisible();
  await signOut(page);

  // The officer records the withdrawal.
  await signIn(page, officer);
  await openCase(page, 'Keita', created.caseNumber);
  await press(page, page.getByRole('button', { name: 'Withdraw from the programme' }));
  const dialog = page.getByRole('dialog', { name: `Withdraw case ${created.caseNumber} from AVRR?` });
  await dialog.getByLabel('Reason (optional)').fill('The family decided to stay while a new application is studied.');
  await press(page, dialog.getByRole('button', { name: 'Confirm the withdrawal' }));
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Status: Withdrawn')).toBeVisible();
  await expect(page.getByRole('note')).toContainText('withdrawn');
  await signOut(page);

  // The clerk: the packet is gone from the queue; in the case it is marked superseded.
  await signIn(page, clerk);
  await press(page, page.getByRole('button', { name: 'Print queue' }));
  await expect(page.getByRole('heading', { name: 'Print queue', level: 1 })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: packet })).toHaveCount(0);
  await press(page, page.getByRole('button', { name: "Today's cases" }));
  await openCase(page, 'Keita', created.caseNumber);
  const row = page.getByRole('region', { name: 'Documents for IOM' }).getByRole('row').filter({ hasText: packet });
  await expect(row).toContainText('Superseded');
  await expect(row.getByRole('button', { name: `Print ${packet}`, exact: true })).toHaveCount(0);
  await expect(row.getByRole('button', { name: /^Reprint/ })).toHaveCount(0);
  const copy = page.waitForEvent('download');
  await press(page, row.getByRole('button', { name: `Print a copy for the file ${packet}` }));
  await copy;
  await expectAccessible(page);
});

test('changing a fact a decision rests on asks to reopen it; reopened with a reason, the change is saved', async ({ page, harness }) => {
  await seedPeople(harness, [officer, clerk]);
  const created = await ok<CaseDetail>(harness, 'case.create', { intake: familyIntake([...couple]) });
  await ok<CaseDetail>(harness, 'case.decide', { caseId: created.id, baseVersion: created.version });
  await ok(harness, 'auth.signOut', {});

  await page.goto(harness.url);
  await signIn(page, officer);
  await openCase(page, 'Keita', created.caseNumber);
  await expect(page.getByText('Status: Decided')).toBeVisible();
  const dob = page.getByRole('region', { name: 'Persons' }).getByLabel('Date of birth').first();
  await dob.fill('1979-03-15');
  await press(page, page.getByRole('button', { name: 'Save the intake' }));
  await expect(page.getByRole('alert').filter({ hasText: 'Reopen the decision to change them.' })).toBeVisible();
  await expect(dob).toHaveValue('1979-03-15');

  await press(page, page.getByRole('button', { name: 'Reopen the decision' }).first());
  const dialog = page.getByRole('dialog', { name: `Reopen the decision on case ${created.caseNumber}?` });
  await dialog.getByLabel('Why the decision is reopened').fill('Typo');
  await press(page, dialog.getByRole('button', { name: 'Reopen the decision' }));
  await expect(dialog.getByText('Write a reason of at least 10 characters.')).toBeVisible();
  await dialog.getByLabel('Why the decision is reopened').fill('The date of birth was mistyped at the interview.');
  await press(page, dialog.getByRole('button', { name: 'Reopen the decision' }));
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Status: Screened')).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Save the intake' }));
  await expect(page.getByRole('status').filter({ hasText: 'The intake was saved.' })).toBeVisible();
  await expect(dob).toHaveValue('1979-03-15');
});
