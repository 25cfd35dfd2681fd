import { createSelfSignedOfficeCertificate } from '../../electron/core/documents';
import { makeTestPki } from '../unit/documents/support/pki';
import { chooseFile, expect, expectAccessible, press, supervisor, test } from './fixtures';

/** Issue 13.5: the certificate at first run, labelled for what it is, replaced only after a confirmation, warned before it expires. */
test('first-run setup ends with the certificate step; a temporary one is labelled so; replacing asks once and keeps the history', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByLabel('Full name').fill(supervisor.displayName);
  await page.getByLabel('User name').fill(supervisor.username);
  await page.getByLabel('New password').fill(supervisor.password);
  await page.getByLabel('New password').press('Enter');
  await expect(page.getByRole('heading', { name: 'Last step: the signing certificate', level: 1 })).toBeFocused();
  await expectAccessible(page);
  await press(page, page.getByRole('button', { name: 'Make a temporary certificate' }));
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeFocused();

  await press(page, page.getByRole('button', { name: 'Certificate', exact: true }));
  const current = page.getByRole('region', { name: 'Certificate in use' });
  await expect(current).toContainText('Temporary certificate made by AVRR Intake');

  // The office's certificate, issued by a CA: shown by its real subject and issuer, never as "temporary".
  const pki = makeTestPki();
  await chooseFile(page, page.getByLabel('Certificate file (.p12 or .pfx)'), 'office.p12', Buffer.from(pki.officeP12), 'application/x-pkcs12');
  await page.getByLabel('Passphrase of the file').fill(pki.passphrase);
  await press(page, page.getByRole('button', { name: 'Import', exact: true }));
  const confirm = page.getByRole('dialog', { name: 'Replace the certificate in use?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(current).toContainText('Temporary certificate made by AVRR Intake');
  await press(page, page.getByRole('button', { name: 'Import', exact: true }));
  await press(page, confirm.getByRole('button', { name: 'Replace the certificate' }));
  await expect(current).toContainText('CBSA GTA AVRR office (TEST ONLY)');
  await expect(current).toContainText('AVRR Intake TEST-ONLY Root CA');
  await expect(current).not.toContainText('Temporary');
  await expect(page.getByRole('table', { name: 'Certificates replaced' })).toContainText('Temporary certificate made by AVRR Intake');
  await press(page, page.getByRole('button', { name: 'Français' }));
  await expect(page.getByRole('table', { name: 'Certificats remplacés' })).toContainText('Certificat temporaire créé par Accueil ARVR');
  await expectAccessible(page);
});

test('a certificate expiring within 30 days is announced to the supervisor at sign-in, in both languages', async ({ page, harness }) => {
  await harness.core.invoke('auth.setup', supervisor);
  const passphrase = 'expiring test passphrase';
  const soon = createSelfSignedOfficeCertificate({ passphrase, validityDays: 10 });
  const imported = await harness.core.invoke('certificate.import', { p12Base64: Buffer.from(soon.p12).toString('base64'), passphrase, label: 'Office certificate 2026' });
  expect(imported.ok).toBe(true);
  await harness.core.invoke('auth.signOut', {});
  await page.goto(harness.url);
  await page.getByLabel('User name').fill(supervisor.username);
  await page.getByLabel('Password', { exact: true }).fill(supervisor.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByText(/The office signing certificate expires in (9|10) days/)).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Français' }));
  await expect(page.getByText(/Le certificat de signature du bureau expire dans (9|10) jours/)).toBeVisible();
  await expectAccessible(page);
  await press(page, page.getByRole('button', { name: 'Ouvrir l’écran du certificat' }));
  await expect(page.getByRole('heading', { name: 'Certificat de signature du bureau', level: 1 })).toBeFocused();
});
