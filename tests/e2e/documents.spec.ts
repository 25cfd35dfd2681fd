import type { Download, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseDetail } from '../../shared/schema/case-api';
import { familyIntake, syrianFamily } from '../fixtures/intakes';
import { clerk, expect, expectAccessible, officer, ok, seedPeople, signIn, supervisor, test } from './fixtures';
import type { Harness } from './fixtures';

const artefacts = join('tests', 'artifacts', 'e2e-documents');

/** Seed through the back end: supervisor, certificate, an interview officer, a clerk, one case decided eligible. */
async function seed(h: Harness) {
  await seedPeople(h, [officer, clerk]);
  const created = await ok<CaseDetail>(h, 'case.create', { intake: familyIntake(syrianFamily) });
  const decided = await ok<CaseDetail>(h, 'case.decide', { caseId: created.id, baseVersion: created.version });
  await ok(h, 'auth.signOut', {});
  return { people: { officer, clerk }, caseNumber: decided.caseNumber };
}

async function openCase(page: Page, caseNumber: string) {
  await page.getByLabel('Search by name, date of birth or UCI').fill('Al-Ahmad');
  await page.getByRole('button', { name: `Open case ${caseNumber}` }).first().click();
  await expect(page.getByRole('region', { name: 'Documents for IOM' })).toBeVisible();
}

async function saved(download: Download, name: string): Promise<string> {
  mkdirSync(artefacts, { recursive: true });
  const file = join(artefacts, name);
  await download.saveAs(file);
  return file;
}

const text = (f: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }).normalize('NFKC');
const sig = (f: string) => execFileSync('pdfsig', [f], { encoding: 'utf8' });

test('the officer takes consent and refers; the clerk prints from the queue; a reprint is stamped COPY', async ({ page, harness }) => {
  const { people, caseNumber } = await seed(harness);
  await page.goto(harness.url);
  await signIn(page, people.officer);
  await openCase(page, caseNumber);
  const docs = page.getByRole('region', { name: 'Documents for IOM' });

  // Referral is not offered before consent; the consent form comes out for signing.
  await expect(docs.getByRole('button', { name: /Refer to IOM/ })).toHaveCount(0);
  const consentDownload = page.waitForEvent('download');
  await docs.getByRole('button', { name: 'Generate the consent form' }).click();
  const consentFile = await saved(await consentDownload, 'consent.pdf');
  expect(text(consentFile)).toContain('Mohammed Al-Ahmad');
  await expectAccessible(page);

  // Record who signed: the child by her mother.
  const record = docs.getByRole('form', { name: /Record the signed consent form/ });
  await record.getByRole('group', { name: /Layla Al-Ahmad/ }).getByLabel('Name of the parent or guardian').fill('فاطمة الزهراء');
  await record.getByRole('button', { name: 'Record consent' }).click();
  await docs.getByRole('button', { name: /Refer to IOM/ }).click();
  await page.getByRole('dialog', { name: /to IOM\?$/ }).getByRole('button', { name: 'Refer and sign the packet' }).click();
  await expect(docs.getByText('The case was referred to IOM.')).toBeVisible();
  await expect(docs.getByRole('listitem').filter({ hasText: 'Referral packet' })).toContainText('Digitally signed');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // The clerk: print queue, first print, then a reprint from the case.
  await signIn(page, people.clerk);
  await page.getByRole('button', { name: 'Print queue' }).click();
  const row = page.getByRole('row').filter({ hasText: `${caseNumber}-RP-01` });
  await expect(row).toBeVisible();
  await expectAccessible(page);
  const printDownload = page.waitForEvent('download');
  await row.getByRole('button', { name: /^Print / }).click();
  const packet = await saved(await printDownload, 'packet.pdf');
  expect(sig(packet)).toContain('Signature is Valid.');
  for (const p of syrianFamily) expect(text(packet)).toContain(p.nameLatin);
  await expect(page.getByText('Nothing to print.')).toBeVisible();

  await page.getByRole('button', { name: 'Today' }).click();
  await openCase(page, caseNumber);
  // A clerk prints; no decision or consent controls.
  await expect(page.getByRole('button', { name: /Record the decision|Refer to IOM|Generate the consent form/ })).toHaveCount(0);
  const reprintDownload = page.waitForEvent('download');
  await page.getByRole('row').filter({ hasText: 'Referral packet' }).getByRole('button', { name: /^Reprint/ }).click();
  const copy = await saved(await reprintDownload, 'packet-copy.pdf');
  expect(text(copy)).toMatch(/COPY/);
  expect(sig(copy)).toContain('Signature is Valid.');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('region', { name: 'Documents pour l’OIM' })).toBeVisible();
  await expectAccessible(page);
});

test('the supervisor sees the office certificate and can make a labelled self-signed one', async ({ page, harness }) => {
  await ok(harness, 'auth.setup', supervisor);
  await ok(harness, 'auth.signOut', {});
  await page.goto(harness.url);
  await signIn(page, supervisor);
  await page.getByRole('button', { name: 'Certificate', exact: true }).click();
  await expect(page.getByText('No certificate yet.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Make a temporary certificate' }).click();
  await expect(page.getByText(/^This is a temporary self-signed certificate/)).toBeVisible();
  await expect(page.locator('dl.facts dd').first()).toHaveText(/Temporary certificate made by AVRR Intake/);
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { name: 'Certificat de signature du bureau' })).toBeVisible();
  await expectAccessible(page);
});
