import type { Page } from '@playwright/test';
import type { DocumentInfo, PrintResult } from '../../shared/schema/documents-api';
import { familyIntake } from '../fixtures/intakes';
import { clerk, couple, expect, expectAccessible, ok, press, referCase, seedPeople, signIn, signInAs, supervisor, test } from './fixtures';
import type { Harness } from './fixtures';

/** A referred case and its signed packet, as the register keeps it. */
async function seed(h: Harness): Promise<{ caseNumber: string; number: string; pdf: Buffer }> {
  await seedPeople(h, [clerk]);
  const referred = await referCase(h, familyIntake([...couple]), '2026-11-20');
  const packet = (await ok<DocumentInfo[]>(h, 'document.list', { caseId: referred.id })).find((d) => d.type === 'referral_packet');
  if (!packet) throw new Error('no packet');
  const viewed = await ok<PrintResult>(h, 'document.view', { documentId: packet.id });
  await ok(h, 'auth.signOut', {});
  return { caseNumber: referred.caseNumber, number: packet.number, pdf: Buffer.from(viewed.pdfBase64 ?? '', 'base64') };
}

/** Choose a file from the keyboard (Space on the file field), then check it (Enter on the button). */
async function check(page: Page, name: string, buffer: Buffer, button: string): Promise<void> {
  const field = page.getByLabel(/PDF file|Fichier PDF/);
  await field.focus();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles({ name, mimeType: 'application/pdf', buffer });
  await press(page, page.getByRole('button', { name: button, exact: true }));
}

test('a clerk checks a packet: OK as signed, "changed after signing" once something was appended, in English and French', async ({ page, harness }) => {
  // Five accessibility scans and a signed referral: slower than most specs on a busy machine.
  test.setTimeout(180_000);
  const { caseNumber, number, pdf } = await seed(harness);
  await page.goto(harness.url);
  await signIn(page, clerk);
  await press(page, page.getByRole('button', { name: 'Check a document' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Check a document' })).toBeVisible();

  await check(page, 'packet.pdf', pdf, 'Check');
  const result = page.getByRole('region', { name: 'Result for packet.pdf' });
  await expect(result.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'ok');
  await expect(result.getByRole('heading', { name: 'OK' })).toBeVisible();
  await expect(result).toContainText(number);
  await expect(result).toContainText(caseNumber);
  await expect(result).toContainText('Referral packet');
  await expect(page.getByRole('status').filter({ has: result })).toBeFocused();
  // The data the packet embeds for IOM's systems, read from the signed part and compared with the register.
  const embedded = result.getByRole('region', { name: "Data for IOM's systems (attached file)" });
  await expect(embedded).toContainText('the office signature covers it');
  await expect(embedded).toContainText("Same data as the register's packet of that number.");
  await expect(embedded).toContainText(caseNumber);
  await expectAccessible(page);

  // An incremental update appended after signing: the signature still verifies for what it covers.
  const changed = Buffer.concat([pdf, Buffer.from('\n9999 0 obj\n<< /Title (edited) >>\nendobj\n')]);
  await check(page, 'edited.pdf', changed, 'Check');
  const edited = page.getByRole('region', { name: 'Result for edited.pdf' });
  await expect(edited.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'changed_after_signing');
  await expect(edited.getByRole('heading', { name: 'Changed after signing' })).toBeVisible();
  await expect(edited).toContainText('not total document signed');
  await expect(edited).toContainText(number);
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/verify-shots/check-document-en.png', fullPage: true });

  await press(page, page.getByRole('button', { name: 'Français' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Vérifier un document' })).toBeVisible();
  await check(page, 'edited.pdf', changed, 'Vérifier');
  const fr = page.getByRole('region', { name: 'Résultat pour edited.pdf' });
  await expect(fr.getByRole('heading', { name: 'Modifié après la signature' })).toBeVisible();
  await expect(fr).toContainText('Dossier d’aiguillage');
  await expect(fr.getByRole('region', { name: 'Données pour les systèmes de l’OIM (fichier joint)' })).toContainText('Mêmes données que le dossier de ce numéro au registre.');
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/verify-shots/check-document-fr.png', fullPage: true });
});

test('the front counter has no "Check a document"', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await seed(harness);
  await signInAs(harness, supervisor);
  const made = await ok<{ oneTimePassword: string }>(harness, 'user.create', { username: 'fatima.desk', displayName: 'Fatima Desk', role: 'front_counter' });
  await ok(harness, 'auth.signIn', { username: 'fatima.desk', password: made.oneTimePassword });
  await ok(harness, 'auth.changePassword', { currentPassword: made.oneTimePassword, newPassword: 'walk-ins at the counter daily' });
  await ok(harness, 'auth.signOut', {});
  await page.goto(harness.url);
  await signIn(page, { username: 'fatima.desk', password: 'walk-ins at the counter daily' });
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check a document' })).toHaveCount(0);
});
