import type { Locator, Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addDaysIso } from '../../shared/case/timeline';
import type { CaseDetail } from '../../shared/schema/case-api';
import { todayIso } from '../../shared/schema/common';
import { familyIntake } from '../fixtures/intakes';
import { chooseFile, couple, expect, expectAccessible, frontCounter, officer, ok, openCase, press, referCase, seedPeople, signIn, signInAs, signOut, test } from './fixtures';
import type { Harness } from './fixtures';
import { choose } from './intake.helpers';

/**
 * After the referral, keyboard only: an officer records IOM's stages (acknowledgement,
 * counselling, travel document, flight), confirms the departure and records the arrival and the
 * reintegration plan, with the 30-day clock in view; a stage dated before the previous one is
 * refused with the message on the date field; the same section in French; axe clean.
 */

const artefacts = join('tests', 'artifacts', 'e2e-stages');
/** Supervisor, office certificate and an interview officer; then a couple's case decided, consented and referred today by the officer. */
async function seedReferredCase(h: Harness, today: string): Promise<CaseDetail> {
  await seedPeople(h, [officer]);
  await signInAs(h, officer);
  const referred = await referCase(h, familyIntake([...couple]), today);
  await ok(h, 'auth.signOut', {});
  return referred;
}

/** Type into a field with the keyboard (select what is there, then type). */
async function type(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

test('a referred case goes through acknowledgement, travel document, flight, departure and reintegration, with the clock in view', async ({ page, harness }) => {
  test.setTimeout(240_000); // eight stages, a correction and three accessibility scans
  const today = todayIso(new Date(), 'America/Toronto');
  const seeded = await seedReferredCase(harness, today);
  await page.goto(harness.url);
  await signIn(page, officer);
  await openCase(page, 'Keita', seeded.caseNumber);

  const section = page.getByRole('region', { name: 'Stages after referral' });
  await expect(section).toBeVisible();
  await expect(page.locator('#sec-stages')).toBeVisible();
  await expect(page.getByText('Status: Referred to IOM')).toBeVisible();
  // The clock: intake today, referral today, the aim 30 days on.
  const clock = section.getByRole('group', { name: 'The 30-day clock' });
  await expect(clock).toContainText(`On track: the 30-day aim falls on ${addDaysIso(today, 30)}. Days left: 30.`);
  await expect(clock).toContainText(`Departure by ${addDaysIso(today, 30)}`);
  await expect(section.getByRole('group', { name: 'Timeline' })).toContainText('Referred to IOM');

  // A date before the referral is refused, with the message on the date field.
  const ack = section.getByRole('form', { name: 'Record IOM’s acknowledgement' });
  await type(page, ack.getByLabel('Date it happened'), addDaysIso(today, -1));
  await type(page, ack.getByLabel('IOM case reference'), 'IOM-CA-2026-0457');
  await press(page, ack.getByRole('button', { name: 'Record the acknowledgement' }));
  const date = ack.getByLabel('Date it happened');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(new RegExp(`This date is before the previous stage \\(${today}\\)\\. Enter ${today} or later\\.`));
  await expectAccessible(page);
  await type(page, date, today);
  await press(page, ack.getByRole('button', { name: 'Record the acknowledgement' }));
  await expect(page.getByText('Status: Acknowledged by IOM')).toBeVisible();
  await expect(section.getByRole('status')).toContainText('Recorded: IOM acknowledged the referral.');
  await expect(section.getByTestId('stage-entry').first()).toContainText('IOM reference: IOM-CA-2026-0457');
  await expect(section.getByTestId('stage-entry').first()).toContainText('IOM e-mail, recorded by Inès Officer');

  // Counselling.
  await press(page, section.getByRole('button', { name: 'Record the counselling' }));
  await expect(page.getByText('Status: Counselled by IOM')).toBeVisible();

  // Travel document issued for each person: an expired one is refused on its field.
  const doc = section.getByRole('form', { name: 'Record the travel document' });
  await choose(page, doc, 'Outcome', 'Travel document issued');
  await type(page, doc.getByLabel('Document number of Bakary Keita'), 'ML1234567');
  await type(page, doc.getByLabel('Expiry date of the document of Bakary Keita'), addDaysIso(today, -3));
  await type(page, doc.getByLabel('Document number of Mariam Keita'), 'ML7654321');
  await type(page, doc.getByLabel('Expiry date of the document of Mariam Keita'), addDaysIso(today, 700));
  await press(page, doc.getByRole('button', { name: 'Record the travel document' }));
  await expect(doc.getByLabel('Expiry date of the document of Bakary Keita')).toHaveAccessibleDescription(/This document had already expired on the date of the stage\./);
  await type(page, doc.getByLabel('Expiry date of the document of Bakary Keita'), addDaysIso(today, 900));
  await press(page, doc.getByRole('button', { name: 'Record the travel document' }));
  await expect(page.getByText('Status: Ready to book the flight')).toBeVisible();
  await expect(section.getByRole('group', { name: 'Timeline' })).toContainText('Passport no. ML7654321 of Mariam Keita');

  // The flight.
  const flight = section.getByRole('form', { name: 'Record the flight booking' });
  await type(page, flight.getByLabel('Flight date'), today);
  await type(page, flight.getByLabel('Departure airport (IATA code)'), 'yyz');
  await type(page, flight.getByLabel('Itinerary reference'), 'AF 351 / ET 909');
  await press(page, flight.getByRole('button', { name: 'Record the flight' }));
  await expect(page.getByText('Status: Flight booked')).toBeVisible();
  await expect(section.getByRole('group', { name: 'Timeline' })).toContainText(`Flight on ${today} from YYZ, itinerary AF 351 / ET 909`);

  // The departure a CBSA officer saw.
  const departure = section.getByRole('form', { name: 'Confirm the departure' });
  await expect(departure.getByLabel('Source')).toHaveValue('cbsa_officer');
  await type(page, departure.getByLabel('Place of departure'), 'Toronto Pearson, Terminal 1');
  await press(page, departure.getByRole('button', { name: 'Confirm the departure' }));
  await expect(page.getByText('Status: Departed')).toBeVisible();
  await expect(clock).toContainText('Departed on day 0 after intake: within the 30-day aim.');

  // Arrival and the reintegration plan.
  await press(page, section.getByRole('button', { name: 'Record the arrival' }));
  await expect(page.getByText('Status: Arrived')).toBeVisible();
  await press(page, section.getByRole('button', { name: 'Record the plan' }));
  await expect(page.getByText('Status: Reintegration')).toBeVisible();
  await expect(section.getByRole('group', { name: 'Reintegration assistance' })).toContainText('Family total');
  await expect(section.getByTestId('stage-entry')).toHaveCount(7);
  // IOM's figures above the person's maximum are refused, with the server's message on the amount.
  const assistance = section.getByRole('form', { name: 'Record IOM’s assistance figures' });
  await type(page, assistance.getByLabel('Committed (CAD), line 1'), '2500');
  await press(page, assistance.getByRole('button', { name: 'Record the figures' }));
  await expect(assistance.getByLabel('Committed (CAD), line 1')).toHaveAccessibleDescription(/Above the maximum: this person can receive up to 2000 CAD, and the committed total would be 2500 CAD\./);
  await expectAccessible(page);
  mkdirSync(artefacts, { recursive: true });
  await section.screenshot({ path: join(artefacts, 'stages-reintegration.png') });

  // A mistaken stage is corrected with a reason; the confirmation rests on the safe choice.
  await press(page, section.getByRole('button', { name: 'Correct the latest stage' }));
  const dialog = page.getByRole('dialog', { name: `Correct “Reintegration plan agreed” of ${today}?` });
  await type(page, dialog.getByLabel('Why the stage is corrected'), 'IOM wrote that the plan is still a draft.');
  await press(page, dialog.getByRole('button', { name: 'Correct this stage' }));
  await expect(dialog.getByRole('button', { name: 'Keep the stage' })).toBeFocused();
  await press(page, dialog.getByRole('button', { name: 'Yes, undo it' }));
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Status: Arrived')).toBeVisible();
  const struck = section.getByTestId('stage-entry').filter({ hasText: 'Reintegration plan agreed' });
  await expect(struck.locator('del')).toBeVisible();
  await expect(struck).toContainText('Reason: IOM wrote that the plan is still a draft.');
  await expectAccessible(page);
});

test('the stages section in French: clock, forms and the refusal of an earlier date', async ({ page, harness }) => {
  const today = todayIso(new Date(), 'America/Toronto');
  const seeded = await seedReferredCase(harness, today);
  await page.goto(harness.url);
  await signIn(page, officer);
  await press(page, page.getByRole('button', { name: 'Français' }));
  await page.getByLabel(/Rechercher/).fill('Keita');
  await press(page, page.getByRole('button', { name: new RegExp(`${seeded.caseNumber}`) }).first());
  const section = page.getByRole('region', { name: 'Étapes après l’aiguillage' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('group', { name: 'Le délai de 30 jours' })).toContainText(`Dans les temps\u00a0: l’objectif de 30 jours tombe le ${addDaysIso(today, 30)}.`);
  const ack = section.getByRole('form', { name: 'Consigner l’accusé de réception de l’OIM' });
  await type(page, ack.getByLabel('Date de l’étape'), addDaysIso(today, -2));
  await type(page, ack.getByLabel('Référence du dossier à l’OIM'), 'IOM-CA-2026-0458');
  await press(page, ack.getByRole('button', { name: 'Consigner l’accusé de réception' }));
  await expect(ack.getByLabel('Date de l’étape')).toHaveAccessibleDescription(new RegExp(`Cette date précède l’étape précédente \\(${today}\\)`));
  await expectAccessible(page);
  await type(page, ack.getByLabel('Date de l’étape'), today);
  await press(page, ack.getByRole('button', { name: 'Consigner l’accusé de réception' }));
  await expect(section.getByRole('status')).toContainText('Consigné\u00a0: L’OIM a accusé réception de l’aiguillage.');
  mkdirSync(artefacts, { recursive: true });
  await section.screenshot({ path: join(artefacts, 'stages-fr.png') });
  await expectAccessible(page);
});

test('the timeline names the case’s scans by kind and hash, beside their stage or by date, keyboard only; a front-counter officer sees them too, never their content', async ({ page, harness }) => {
  test.setTimeout(180_000);
  const today = todayIso(new Date(), 'America/Toronto');
  const pdf = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const letter = pdf('IOM acknowledgement letter, scanned');
  const consent = pdf('signed consent, scanned');

  // The officer refers the case; IOM's acknowledgement is recorded with its letter scanned and attached to the entry.
  await seedPeople(harness, [officer, frontCounter]);
  await signInAs(harness, officer);
  const referred = await referCase(harness, familyIntake([...couple]), today);
  const acked = await ok<CaseDetail>(harness, 'stage.record', {
    caseId: referred.id,
    baseVersion: referred.version,
    occurredOn: today,
    source: 'iom_email',
    stage: { action: 'acknowledge', iomReference: 'IOM-CA-2026-0459' },
  });
  const entryId = acked.stages.at(-1)!.id;
  await ok(harness, 'attachment.add', { caseId: acked.id, kind: 'other', fileName: 'iom-acknowledgement.pdf', contentBase64: letter.toString('base64'), stageEntryId: entryId });
  await ok(harness, 'auth.signOut', {});

  await page.goto(harness.url);
  await signIn(page, officer);
  await openCase(page, 'Keita', acked.caseNumber);
  const timeline = page.getByRole('region', { name: 'Stages after referral' }).getByRole('group', { name: 'Timeline' });
  const ack = timeline.getByTestId('stage-entry').filter({ hasText: 'IOM-CA-2026-0459' });
  const atAck = ack.getByRole('list', { name: 'Scans of this stage' }).getByTestId('stage-scan');
  await expect(atAck).toContainText('Scan: Other paper');
  await expect(atAck).toContainText(`Added on ${today} by Inès Officer · SHA-256 ${sha(letter).slice(0, 16)}…`);
  await expect(atAck.locator('code.hash')).toHaveAttribute('title', sha(letter));
  // Named by its hash, as in the packet: the file name the officer's computer chose is not shown.
  await expect(timeline).not.toContainText('iom-acknowledgement');

  // A scan attached from the attachments panel, keyboard only, stands on the timeline by its day,
  // after the acknowledgement of the same day.
  const panel = page.getByRole('region', { name: 'Attachments' });
  await chooseFile(page, panel.getByLabel('Scanned file'), 'signed-consent.pdf', consent, 'application/pdf');
  await press(page, panel.getByRole('button', { name: 'Attach the scan' }));
  await expect(panel.getByRole('status')).toContainText('Scan attached: Signed consent form.');
  const byDate = timeline.locator('ol.timeline > li').last();
  await expect(byDate).toContainText(`${today} Scan added: Signed consent form`);
  await expect(byDate).toContainText(`Added by Inès Officer · SHA-256 ${sha(consent).slice(0, 16)}…`);
  await expect(timeline.getByTestId('stage-scan')).toHaveCount(2);

  // The whole hash, to read or copy: unfolded from the keyboard, selected when it has the focus.
  const full = byDate.getByRole('textbox', { name: `Full SHA-256 of the scan ${sha(consent).slice(0, 16)}…` });
  await expect(full).toBeHidden();
  await press(page, byDate.getByText('Full SHA-256'));
  await page.keyboard.press('Tab');
  await expect(full).toBeFocused();
  await expect(full).toHaveValue(sha(consent));
  expect(await full.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 64]);
  await expectAccessible(page);
  await timeline.screenshot({ path: '/tmp/h1-timeline-scans-en.png' });

  // A front-counter officer (no attachment.view): the scans and their hashes on the timeline, nothing to open.
  await signOut(page);
  await signIn(page, frontCounter);
  await openCase(page, 'Keita', acked.caseNumber);
  await expect(timeline.getByTestId('stage-scan')).toHaveCount(2);
  await expect(timeline).toContainText(`Scan added: Signed consent form`);
  await expect(timeline).toContainText(`SHA-256 ${sha(consent).slice(0, 16)}…`);
  await expect(timeline).toContainText(`SHA-256 ${sha(letter).slice(0, 16)}…`);
  await expect(page.getByRole('button', { name: /Open the scan/ })).toHaveCount(0);
  await expectAccessible(page);

  // In French.
  await press(page, page.getByRole('button', { name: 'Français' }));
  const chronologie = page.getByRole('region', { name: 'Étapes après l’aiguillage' }).getByRole('group', { name: 'Chronologie' });
  await expect(chronologie).toContainText(`${today} Numérisation ajoutée\u00a0: Formulaire de consentement signé`);
  await expect(chronologie).toContainText(`Ajoutée par Inès Officer · SHA-256 ${sha(consent).slice(0, 16)}…`);
  await expect(chronologie).toContainText(`Numérisation\u00a0: Autre document`);
  await press(page, chronologie.getByText('SHA-256 complet').first());
  await expect(chronologie.getByRole('textbox', { name: `SHA-256 complet de la numérisation ${sha(letter).slice(0, 16)}…` })).toHaveValue(sha(letter));
  await expectAccessible(page);
  await chronologie.screenshot({ path: '/tmp/h1-timeline-scans-fr.png' });
});
