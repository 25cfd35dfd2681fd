import type { Page } from '@playwright/test';
import type { DocumentInfo } from '../../shared/schema/documents-api';
import { todayIso } from '../../shared/schema/common';
import { familyIntake } from '../fixtures/intakes';
import { couple, expect, expectAccessible, officer, ok, press, referCase, seedPeople, signIn, signInAs, test } from './fixtures';
import type { Harness } from './fixtures';

/**
 * IOM's status file, keyboard only: an officer checks a file whose third row names a packet
 * unknown here (shown as conflicting, with the reason, and not offered), applies the two new
 * rows after a confirmation, sees them known afterwards; then a second file in French. Axe clean.
 */

const HEADER = 'packet_number,iom_reference,stage,date,details';
const UNKNOWN = 'AVRR-2026-999999-RP-01';

/** Supervisor, certificate, an interview officer, and one couple's case referred today; returns its packet number. */
async function seed(h: Harness, today: string): Promise<string> {
  await seedPeople(h, [officer]);
  await signInAs(h, officer);
  const referred = await referCase(h, familyIntake([...couple]), today);
  const docs = await ok<DocumentInfo[]>(h, 'document.list', { caseId: referred.id });
  await ok(h, 'auth.signOut', {});
  return docs.find((d) => d.type === 'referral_packet')!.number;
}

/** Choose a file with the keyboard: Space on the file input opens the chooser. */
async function chooseFile(page: Page, label: string, name: string, content: string) {
  const chooser = page.waitForEvent('filechooser');
  await press(page, page.getByLabel(label), 'Space');
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
}

test('an officer imports an IOM status file: a conflict shown and skipped, the new rows applied after confirming; English and French', async ({ page, harness }) => {
  test.setTimeout(180_000);
  const today = todayIso(new Date(), 'America/Toronto');
  const packet = await seed(harness, today);
  await page.goto(harness.url);
  await signIn(page, officer);

  await press(page, page.getByRole('button', { name: 'IOM status file' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Import an IOM status file' })).toBeVisible();
  const file = [HEADER, `${packet},IOM-CA-77,acknowledged,${today},`, `${packet},,counselling_done,${today},`, `${UNKNOWN},IOM-CA-78,acknowledged,${today},`].join('\r\n') + '\r\n';
  await chooseFile(page, 'IOM status file (CSV, UTF-8)', 'iom-status.csv', file);
  await press(page, page.getByRole('button', { name: 'Check the file' }));

  const table = page.getByRole('table', { name: /Rows of the file/ });
  await expect(table.getByRole('row')).toHaveCount(4);
  const row = (n: number) => table.getByRole('row').nth(n);
  await expect(row(1)).toContainText('Acknowledged');
  await expect(row(1)).toContainText('New');
  await expect(row(2)).toContainText('Counselling done');
  await expect(row(3)).toContainText('Conflicting');
  await expect(row(3)).toContainText('No referral packet here has this number.');
  // The conflicting row cannot be chosen; the new ones are chosen by default.
  await expect(row(3).getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Apply row 1' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Apply row 2' })).toBeChecked();
  await expectAccessible(page);

  await press(page, page.getByRole('button', { name: 'Apply the selected rows (2)' }));
  const dialog = page.getByRole('dialog', { name: 'Apply 2 rows?' });
  await expect(dialog).toBeVisible();
  // The safe choice has the focus; Tab to the other.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Apply the rows' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '2 rows applied.' })).toBeVisible();
  await expect(row(1)).toContainText('Already known');
  await expect(row(2)).toContainText('Already known');
  await expect(row(3)).toContainText('Conflicting');
  await expect(page.getByText('No row of this file would change anything.')).toBeVisible();
  const c = await ok<{ items: { status: string }[] }>(harness, 'case.list', {});
  expect(c.items.map((x) => x.status)).toEqual(['counselled']);

  // The same screen in French, with a second file: one new row, the same conflict.
  await press(page, page.getByRole('button', { name: 'Français' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Importer un fichier d’état de l’OIM' })).toBeVisible();
  const tableFr = page.getByRole('table', { name: /Lignes du fichier/ });
  await expect(tableFr.getByRole('row').nth(1)).toContainText('Déjà connue');
  const second = [HEADER, `${packet},,travel_document_not_needed,${today},`, `${UNKNOWN},,closed,${today},`].join('\n') + '\n';
  await chooseFile(page, 'Fichier d’état de l’OIM (CSV, UTF-8)', 'iom-etat.csv', second);
  await press(page, page.getByRole('button', { name: 'Vérifier le fichier' }));
  await expect(tableFr.getByRole('row')).toHaveCount(3);
  await expect(tableFr.getByRole('row').nth(1)).toContainText('Titre de voyage non nécessaire');
  await expect(tableFr.getByRole('row').nth(2)).toContainText('En conflit');
  await expect(tableFr.getByRole('row').nth(2)).toContainText('Aucun dossier de renvoi ici ne porte ce numéro.');
  await expectAccessible(page);
  await press(page, page.getByRole('button', { name: 'Appliquer les lignes choisies (1)' }));
  const dialogFr = page.getByRole('dialog', { name: 'Appliquer 1 ligne\u00a0?' });
  await expect(dialogFr).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialogFr.getByRole('button', { name: 'Appliquer les lignes' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '1 ligne appliquée.' })).toBeVisible();
  await expectAccessible(page);
  const after = await ok<{ items: { status: string }[] }>(harness, 'case.list', {});
  expect(after.items.map((x) => x.status)).toEqual(['ready_to_book']);
});

test('a file cut mid-row is refused whole with a clear message', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const today = todayIso(new Date(), 'America/Toronto');
  const packet = await seed(harness, today);
  await page.goto(harness.url);
  await signIn(page, officer);
  await press(page, page.getByRole('button', { name: 'IOM status file' }));
  await chooseFile(page, 'IOM status file (CSV, UTF-8)', 'cut.csv', `${HEADER}\r\n${packet},IOM-CA-77,acknowledged,${today},\r\n${packet},,counsel`);
  await press(page, page.getByRole('button', { name: 'Check the file' }));
  await expect(page.getByRole('alert')).toHaveText('The file is cut short: its last row is incomplete. Ask IOM to send it again.');
  await expect(page.getByText('The file was refused and nothing was recorded.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page);
});
