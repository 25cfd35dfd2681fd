import type { IntakeDocumentInput } from '../../shared/schema/intake';
import { familyIntake } from '../fixtures/intakes';
import { clerk, couple, expect, expectAccessible, officer, ok, openCase, press, referCase, seedPeople, signIn, test } from './fixtures';

/**
 * Issue 12, point 5: a clerk opens a case and sees what printing needs (names, case and packet
 * numbers, documents, status), in English and French; never the facts, the medical notes or the
 * decision. They view a document while it waits in the print queue, and print as before.
 */
const NOTE = 'HIV positive, antiretroviral treatment';

function withPrivateNote(): IntakeDocumentInput {
  const intake = familyIntake([...couple]);
  const [principal, ...rest] = intake.persons;
  return { ...intake, persons: [{ ...principal!, specialNeeds: { ...principal!.specialNeeds!, medicalConditions: NOTE, shareMedicalWithIom: false } }, ...rest] };
}

test('a clerk opens a case and sees names, numbers, documents and status only, in English and French', async ({ page, harness }) => {
  await seedPeople(harness, [officer, clerk]);
  const c = await referCase(harness, withPrivateNote(), '2026-11-21');
  await ok(harness, 'auth.signOut', {});
  const packet = `${c.caseNumber}-RP-01`;
  const consentForm = `${c.caseNumber}-CF-01`;
  await page.goto(harness.url);
  await signIn(page, clerk);
  await openCase(page, 'Keita', c.caseNumber);

  // Who, which numbers, which status.
  await expect(page.getByText('Status: Referred to IOM')).toBeVisible();
  const persons = page.getByRole('region', { name: 'Persons' });
  await expect(persons.getByRole('row').filter({ hasText: 'Bakary Keita' })).toContainText('Principal applicant');
  await expect(persons.getByRole('row').filter({ hasText: 'Mariam Keita' })).toContainText('Spouse or partner');
  await expect(persons).toContainText(c.caseNumber);
  await expect(persons).toContainText(packet);

  // The documents: the packet waits in the queue (view it, print it); the consent form is listed, for the officers to open or print.
  const docs = page.getByRole('region', { name: 'Documents for IOM' });
  await expect(docs.getByRole('row').filter({ hasText: consentForm })).toContainText('Consent form');
  await expect(docs.getByRole('row').filter({ hasText: consentForm }).getByRole('button')).toHaveCount(0);
  const viewed = page.waitForEvent('download');
  await press(page, docs.getByRole('button', { name: `View ${packet}` }));
  expect((await viewed).suggestedFilename()).toBe(`${packet}.pdf`);

  // Nothing of the facts: no intake form, no medical note, no decision, no history.
  await expect(page.getByRole('form', { name: /interview/i })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(NOTE);
  await expect(page.locator('body')).not.toContainText(/criminal|inadmissib|Exclusions|Medical conditions/i);
  await expect(page.getByRole('region', { name: 'Recorded decision' })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/h6-clerk-view-en.png', fullPage: true });

  // Printed, the packet leaves the queue: it can be reprinted (a copy), no longer viewed.
  const printed = page.waitForEvent('download');
  await press(page, docs.getByRole('button', { name: `Print ${packet}`, exact: true }));
  await printed;
  await expect(docs.getByRole('button', { name: new RegExp(`^Reprint.* ${packet}$`) })).toBeVisible();
  await expect(docs.getByRole('button', { name: `View ${packet}` })).toHaveCount(0);

  // In French.
  await press(page, page.getByRole('button', { name: 'Français' }));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Dossier ${c.caseNumber}`) })).toBeVisible();
  await expect(page.getByText('État\u00a0: Aiguillé vers l’OIM').or(page.getByText('État: Aiguillé vers l’OIM'))).toBeVisible();
  const personnes = page.getByRole('region', { name: 'Personnes' });
  await expect(personnes.getByRole('row').filter({ hasText: 'Bakary Keita' })).toContainText('Demandeur principal');
  await expect(personnes).toContainText('Dossier d’aiguillage');
  await expect(page.getByRole('region', { name: 'Documents pour l’OIM' }).getByRole('row').filter({ hasText: consentForm })).toContainText('Formulaire de consentement');
  await expect(page.locator('body')).not.toContainText(NOTE);
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/h6-clerk-view-fr.png', fullPage: true });
});

test('the back end refuses a clerk the whole case and any document outside the print queue', async ({ page, harness }) => {
  await seedPeople(harness, [officer, clerk]);
  const c = await referCase(harness, withPrivateNote(), '2026-11-21');
  await ok(harness, 'auth.signOut', {});
  await page.goto(harness.url);
  await signIn(page, clerk);
  // What a tampered renderer would ask for.
  const whole = await page.evaluate((caseId) => window.avrr.invoke('case.get', { caseId }), c.id);
  expect(whole).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const docs = await page.evaluate((caseId) => window.avrr.invoke('document.list', { caseId }), c.id);
  const form = docs.ok ? (docs.value as { id: string; type: string }[]).find((d) => d.type === 'consent_form') : undefined;
  const view = await page.evaluate((documentId) => window.avrr.invoke('document.view', { documentId }), form?.id);
  expect(view).toMatchObject({ ok: false, error: { code: 'forbidden', messageKey: 'errors.document_not_in_queue' } });
});
