import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { CaseDetail } from '../../shared/schema/case-api';
import { familyIntake } from '../fixtures/intakes';
import { couple, expect, expectAccessible, ok, press, seedPeople, signIn, supervisor, test } from './fixtures';

/**
 * Issue 13 point 10, the screen's own defects: the counts of the check and of the list agree, a
 * case is found by its number, and the export takes the filter in the form (not the last applied
 * one) and holds exactly the entries listed.
 */

const count = async (page: Page, pattern: RegExp): Promise<number> => {
  const heading = page.getByRole('heading', { level: 2, name: pattern });
  await expect(heading).toBeVisible();
  return Number(pattern.exec(await heading.innerText())?.[1]);
};

test('check and list agree; filter by case number and person; export exactly what the form filters (EN, FR)', async ({ page, harness }) => {
  test.setTimeout(180_000);
  await seedPeople(harness, []);
  const keita = await ok<CaseDetail>(harness, 'case.create', { intake: familyIntake([...couple]) });
  const mai = await ok<CaseDetail>(harness, 'case.create', { intake: familyIntake([{ relationship: 'principal', nameAsWritten: 'Nguyễn Thị Mai', nameLatin: 'Nguyen Thi Mai', dateOfBirth: '1990-03-07', nationality: 'VNM' }]) });
  await ok(harness, 'case.get', { caseId: keita.id });
  await ok(harness, 'case.get', { caseId: mai.id });
  await ok(harness, 'auth.signOut', {});

  await page.goto(harness.url);
  await signIn(page, supervisor);
  await press(page, page.getByRole('button', { name: 'Audit', exact: true }));
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await count(page, /^(\d+) entries in the trail$/);

  // The check counts the whole trail, itself included; the list read after it counts the same.
  await press(page, page.getByRole('button', { name: 'Verify the trail' }));
  const verified = page.getByRole('status').filter({ hasText: 'The whole audit trail is intact' });
  await expect(verified).toBeVisible();
  const checked = Number(/(\d+) entries checked/.exec(await verified.innerText())?.[1]);
  await expect(verified).toContainText(`no. 1 to no. ${checked}, this check included`);
  await expect(page.getByRole('heading', { level: 2, name: `${checked} entries in the trail` })).toBeVisible();
  await expectAccessible(page);

  // The case number as officers type it (no zeros), not an internal id.
  const table = page.getByRole('region', { name: /entries match the filter|entries in the trail/ }).getByRole('table');
  await page.getByLabel('Case', { exact: true }).fill(keita.caseNumber.replace(/-0+(\d)/, '-$1'));
  await page.getByLabel('Case', { exact: true }).press('Enter');
  const forKeita = await count(page, /^(\d+) entries match the filter$/);
  expect(forKeita).toBe(2); // created, opened
  await expect(table.getByRole('row').filter({ hasText: keita.caseNumber })).toHaveCount(2);

  // Typed but not applied: the export takes what the form holds now, lists it, and holds exactly that.
  await page.getByLabel('Case', { exact: true }).fill('');
  await page.getByLabel('Person', { exact: true }).fill('nguyen');
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, page.getByRole('button', { name: 'Export as CSV' }))]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\r\n').slice(1);
  const exported = page.getByRole('status').filter({ hasText: 'entries exported' });
  await expect(exported).toContainText(`${csv.length} entries exported`);
  expect(csv.length).toBe(2);
  expect(csv.every((line) => line.split(',')[6] === mai.id)).toBe(true);
  expect(await count(page, /^(\d+) entries match the filter$/)).toBe(csv.length);
  await expect(table.getByRole('row').filter({ hasText: mai.caseNumber })).toHaveCount(2);
  await expectAccessible(page);

  // A text that is not a case reference is refused next to the field.
  await page.getByLabel('Person', { exact: true }).fill('');
  await page.getByLabel('Case', { exact: true }).fill('Keita');
  await page.getByLabel('Case', { exact: true }).press('Enter');
  await expect(page.getByText('Type a case number (AVRR-2026-000150) or the 8-character id shown in the list.')).toBeVisible();

  await press(page, page.getByRole('button', { name: 'Français' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Piste de vérification' })).toBeVisible();
  await page.getByLabel('Dossier', { exact: true }).fill(mai.caseNumber);
  await page.getByLabel('Dossier', { exact: true }).press('Enter');
  expect(await count(page, /^(\d+) entrées correspondent au filtre$/)).toBe(2);
  await press(page, page.getByRole('button', { name: 'Vérifier la piste' }));
  await expect(page.getByRole('status').filter({ hasText: 'Toute la piste de vérification est intacte' })).toBeVisible();
  await expectAccessible(page);
});
