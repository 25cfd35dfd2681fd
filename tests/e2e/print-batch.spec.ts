import type { Download, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseDetail } from '../../shared/schema/case-api';
import { familyIntake } from '../fixtures/intakes';
import { clerk, couple, expect, expectAccessible, ok, press, referCase, seedPeople, signIn, signInAs, supervisor, test } from './fixtures';

/**
 * The clerk's batch printing and the day's print log (issue 13 point 11), keyboard only, in
 * English and French: several queued documents printed as one batch (one signed file each,
 * one after another), each logged as printed today; the log of the day lists them with who
 * and when, and exports as CSV with case and document numbers only.
 */
const artefacts = join('tests', 'artifacts', 'e2e-print-batch');

async function saved(download: Download): Promise<string> {
  mkdirSync(artefacts, { recursive: true });
  const file = join(artefacts, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** Every download the page starts while `act` runs, once `count` have come. */
async function downloads(page: Page, count: number, act: () => Promise<void>): Promise<Download[]> {
  const got: Download[] = [];
  const seen = (d: Download) => got.push(d);
  page.on('download', seen);
  await act();
  await expect.poll(() => got.length, { timeout: 15_000 }).toBe(count);
  page.off('download', seen);
  return got;
}

/** Type into a field with the keyboard (what was there selected and replaced). */
async function typeInto(page: Page, field: ReturnType<Page['getByLabel']>, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

const names = couple.map((p) => p.nameLatin);

test('the clerk prints queued documents as a batch and finds them in the day’s print log, in English and French', async ({ page, harness }) => {
  await seedPeople(harness, [clerk]);
  const cases: CaseDetail[] = [];
  for (let i = 0; i < 3; i++) cases.push(await referCase(harness, familyIntake([...couple]), '2026-11-20'));
  await ok(harness, 'auth.signOut', {});
  const packets = cases.map((c) => `${c.caseNumber}-RP-01`);

  await page.goto(harness.url);
  await signIn(page, clerk);
  await press(page, page.getByRole('button', { name: 'Print queue' }));
  await expect(page.getByRole('heading', { name: 'Print queue', level: 1 })).toBeVisible();
  const queue = page.getByRole('table', { name: 'Documents waiting to print' });
  for (const p of packets) await expect(queue.getByRole('row').filter({ hasText: p })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Print log' })).toContainText('Nothing was printed on');
  await expectAccessible(page);

  // Nothing selected: the batch says so instead of printing nothing.
  const printSelected = page.getByRole('button', { name: 'Print the selected documents' });
  await press(page, printSelected);
  await expect(page.getByRole('alert')).toHaveText('Select at least one document to print.');

  // Two of three, chosen with Space, printed as one batch: one signed file each.
  await press(page, page.getByRole('checkbox', { name: `Select ${packets[0]} for the batch` }), 'Space');
  await press(page, page.getByRole('checkbox', { name: `Select ${packets[2]} for the batch` }), 'Space');
  await expect(page.getByText('2 documents selected')).toBeVisible();
  const files = await downloads(page, 2, () => press(page, printSelected));
  expect(files.map((d) => d.suggestedFilename()).sort()).toEqual([`${packets[0]}.pdf`, `${packets[2]}.pdf`].sort());
  for (const d of files) expect(execFileSync('pdfsig', [await saved(d)], { encoding: 'utf8' })).toContain('Signature is Valid.');
  await expect(page.getByRole('status').filter({ hasText: '2 documents printed, one file each' })).toContainText(packets[0]!);
  await expect(queue.getByRole('row').filter({ hasText: packets[0]! })).toHaveCount(0);
  await expect(queue.getByRole('row').filter({ hasText: packets[1]! })).toHaveCount(1);

  // The rest with "select all".
  await press(page, page.getByRole('checkbox', { name: 'Select all documents in the queue' }), 'Space');
  await expect(page.getByText('1 document selected')).toBeVisible();
  await downloads(page, 1, () => press(page, printSelected));
  await expect(page.getByText('Nothing to print.')).toBeVisible();

  // Today's print log: three first prints, by the clerk, with case and document numbers.
  const log = page.getByRole('region', { name: 'Print log' });
  await expect(log).toContainText('First prints: 3 · Copies (reprints): 0');
  for (const p of packets) await expect(log.getByRole('row').filter({ hasText: p })).toContainText('Carl Clerk');
  await expect(log.getByRole('row').filter({ hasText: packets[1]! })).toContainText('First print');
  await expectAccessible(page);

  // Another day, typed: empty; then today again.
  const day = log.getByLabel('Day');
  const today = await day.inputValue();
  await typeInto(page, day, '2026-01-05');
  await press(page, log.getByRole('button', { name: 'Show the day' }));
  await expect(log).toContainText('Nothing was printed on 2026-01-05.');
  await typeInto(page, day, today);
  await press(page, log.getByRole('button', { name: 'Show the day' }));
  await expect(log).toContainText('First prints: 3 · Copies (reprints): 0');

  // The CSV: numbers, never the persons' names.
  const [csvEn] = await downloads(page, 1, () => press(page, log.getByRole('button', { name: 'Export the day as CSV' })));
  const en = readFileSync(await saved(csvEn!), 'utf8');
  expect(en.split('\r\n')[0]).toBe('\uFEFFTime,Document number,Case number,Document,Print or copy,Print number,Printed by');
  for (const p of packets) expect(en).toContain(p);
  for (const n of names) expect(en).not.toContain(n);
  await page.screenshot({ path: join(artefacts, 'print-log-en.png'), fullPage: true });

  // In French.
  await press(page, page.getByRole('button', { name: 'Français' }));
  await expect(page.getByRole('heading', { name: 'File d’impression', level: 1 })).toBeVisible();
  const journal = page.getByRole('region', { name: 'Journal d’impression' });
  await expect(journal).toContainText('Premières impressions\u00a0: 3 · Copies (réimpressions)\u00a0: 0');
  await expect(journal.getByRole('columnheader', { name: 'Imprimé par' })).toBeVisible();
  await expect(journal.getByRole('row').filter({ hasText: packets[1]! })).toContainText('Première impression');
  await expect(page.getByText('Rien à imprimer.')).toBeVisible();
  await expectAccessible(page);
  const [csvFr] = await downloads(page, 1, () => press(page, journal.getByRole('button', { name: 'Exporter le jour en CSV' })));
  const fr = readFileSync(await saved(csvFr!), 'utf8');
  expect(fr.split('\r\n')[0]).toBe('\uFEFFHeure,Numéro du document,Numéro de cas,Document,Impression ou copie,Numéro d’impression,Imprimé par');
  expect(fr).toContain('Dossier d’aiguillage,Première impression,1,Carl Clerk');
  await page.screenshot({ path: join(artefacts, 'print-log-fr.png'), fullPage: true });
});

test('a supervisor reads the print log, a copy counted as the second print of its document', async ({ page, harness }) => {
  await seedPeople(harness, [clerk]);
  const c = await referCase(harness, familyIntake([...couple]), '2026-11-20');
  const packet = `${c.caseNumber}-RP-01`;
  await signInAs(harness, clerk);
  const [doc] = await ok<{ id: string }[]>(harness, 'document.printQueue', {});
  await ok(harness, 'document.printBatch', { documentIds: [doc!.id] });
  await ok(harness, 'document.print', { documentId: doc!.id });
  await ok(harness, 'auth.signOut', {});

  await page.goto(harness.url);
  await signIn(page, supervisor);
  await press(page, page.getByRole('button', { name: 'Print queue' }));
  const log = page.getByRole('region', { name: 'Print log' });
  await expect(log).toContainText('First prints: 1 · Copies (reprints): 1');
  const rows = log.getByRole('row').filter({ hasText: packet });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Copy (reprint)');
  await expect(rows.nth(1)).toContainText('2');
  await expectAccessible(page);
});
