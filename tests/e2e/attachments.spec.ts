import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { CaseDetail } from '../../shared/schema/case-api';
import { familyIntake } from '../fixtures/intakes';
import { chooseFile, createAccount, expect, expectAccessible, frontCounter, officer, ok, signIn, signInAs, supervisor, test } from './fixtures';
import type { Harness } from './fixtures';
import { press } from './intake.helpers';

/**
 * Scanned paper, keyboard only: an interview officer attaches the signed consent form (file
 * chooser opened from the keyboard), sees it listed with its hash and in the case's history,
 * opens it; a renamed program is refused with a clear message; a front-counter officer (who
 * reads the whole case but has no attachment.view) sees that the scan exists but cannot open
 * it; axe clean.
 */
const family = [{ relationship: 'principal', nameAsWritten: 'Bakary Keita', nameLatin: 'Bakary Keita', dateOfBirth: '1979-03-14', nationality: 'MLI' }] as const;
const scan = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% signed consent, scanned\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const program = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode.\r\n', 'latin1'), Buffer.alloc(64)]);

async function seed(h: Harness): Promise<CaseDetail> {
  await ok(h, 'auth.setup', supervisor);
  await createAccount(h, frontCounter);
  await createAccount(h, officer);
  const c = await ok<CaseDetail>(h, 'case.create', { intake: familyIntake([...family]) });
  await ok(h, 'auth.signOut', {});
  return c;
}

async function openCase(page: Page, caseNumber: string) {
  await page.getByLabel('Search by name, date of birth or UCI').fill('Keita');
  await press(page, page.getByRole('button', { name: `Open case ${caseNumber}` }).first());
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Case ${caseNumber}`) })).toBeVisible();
}

test('an officer attaches a scan by keyboard, sees it listed and in the history; a front-counter officer sees it but cannot open it', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const c = await seed(harness);
  await page.goto(harness.url);
  await signIn(page, officer);
  await openCase(page, c.caseNumber);

  const panel = page.getByRole('region', { name: 'Attachments' });
  await expect(panel).toContainText('No scan attached yet.');
  const kind = panel.getByLabel('What it is');
  await expect(kind).toHaveValue('signed_consent');

  // A program renamed .pdf is refused by its content, with a clear message.
  await chooseFile(page, panel.getByLabel('Scanned file'), 'signed-consent.pdf', program, 'application/pdf');
  await press(page, panel.getByRole('button', { name: 'Attach the scan' }));
  await expect(panel.getByRole('alert')).toContainText('This file is a program, not a scan. Only PDF, JPEG or PNG files are accepted.');
  await expect(panel).toContainText('No scan attached yet.');

  // The real scan.
  await chooseFile(page, panel.getByLabel('Scanned file'), 'signed-consent.pdf', scan, 'application/pdf');
  await press(page, panel.getByRole('button', { name: 'Attach the scan' }));
  await expect(panel.getByRole('status')).toContainText('Scan attached: Signed consent form.');
  const row = panel.getByRole('row', { name: /signed-consent\.pdf/ });
  await expect(row).toContainText('Signed consent form');
  await expect(row).toContainText('PDF');
  await expect(row).toContainText('Inès Officer');

  // The history names the scan by its hash.
  const history = page.getByRole('region', { name: 'History' });
  const table = history.getByRole('table', { name: 'History of the case' });
  await expect(table).toContainText('Intake started');
  await expect(table).toContainText(/Scan attached — Signed consent form · SHA-256 [0-9a-f]{16}…/);
  await expect(table).toContainText('Inès Officer (Interview officer)');

  // Opening it hands over the very bytes.
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, row.getByRole('button', { name: 'Open the scan signed-consent.pdf' }))]);
  expect(download.suggestedFilename()).toBe('signed-consent.pdf');
  expect(readFileSync(await download.path()).equals(scan)).toBe(true);
  await expect(table).toContainText('Scan opened');
  await expectAccessible(page);

  // A front-counter officer: the scan exists, its content is not theirs to see, and there is nothing to attach.
  await press(page, page.getByRole('button', { name: 'Sign out' }));
  await signIn(page, frontCounter);
  await openCase(page, c.caseNumber);
  const seen = page.getByRole('region', { name: 'Attachments' });
  await expect(seen.getByRole('row', { name: /signed-consent\.pdf/ })).toContainText('Signed consent form');
  await expect(seen.getByRole('button', { name: /Open the scan/ })).toHaveCount(0);
  await expect(seen).toContainText('Only interview officers and supervisors open scans.');
  await expect(seen.getByLabel('Scanned file')).toHaveCount(0);
  const denied = await harness.core.invoke('attachment.list', { caseId: c.id });
  const id = denied.ok ? (denied.value as { id: string }[])[0]?.id : undefined;
  const view = await harness.core.invoke('attachment.view', { attachmentId: id });
  expect(view.ok ? 'ok' : view.error.code).toBe('forbidden');
  await expectAccessible(page);
});

test('the attachments and the history read in French', async ({ page, harness }) => {
  const c = await seed(harness);
  await signInAs(harness, officer);
  await ok(harness, 'attachment.add', { caseId: c.id, kind: 'travel_document', fileName: 'passeport.pdf', contentBase64: scan.toString('base64') });
  await ok(harness, 'auth.signOut', {});
  await page.goto(harness.url);
  await signIn(page, officer);
  await openCase(page, c.caseNumber);
  await press(page, page.getByRole('button', { name: 'Français' }));
  const panel = page.getByRole('region', { name: 'Pièces jointes' });
  await expect(panel.getByRole('row', { name: /passeport\.pdf/ })).toContainText('Titre de voyage');
  const history = page.getByRole('region', { name: 'Historique' });
  await expect(history).toContainText('Demande commencée');
  await expect(history).toContainText('Inès Officer (Agent d’entrevue)');
  await expect(history).toContainText(/Numérisation jointe — Titre de voyage · SHA-256 [0-9a-f]{16}…/);
  await expectAccessible(page);
});
