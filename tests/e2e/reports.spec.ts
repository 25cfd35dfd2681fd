import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { fiscalYearLabel, fiscalYearOf } from '../../shared/reports/query';
import { todayIso } from '../../shared/schema/common';
import { expect, expectAccessible, supervisor, test } from './fixtures';
import { press, reportClerk, reportFrontCounter, reportOfficer, seedReports, signIn, signOut, typeInto } from './reports.helpers';

/**
 * The Reports screen, keyboard only, in English and French: every section as a table with its
 * caption, a chart named after its table; a number opens the list of its cases (as many as it
 * says) and a case from it; the CSV downloads; a supervisor records a target and sees it in the
 * targets table, exports the cases after a warning; an interview officer sees the screen but not
 * the case-level export; a clerk and a front-counter officer do not see Reports. Axe clean;
 * screenshots in both languages and in print.
 */

const CASES = 40;
const fy = fiscalYearOf(todayIso(new Date(), 'America/Toronto'));
const fyLabel = fiscalYearLabel(fy);
const fyLabelFr = `exercice ${fy}-${fy + 1}`;

async function openReports(page: Page, name = 'Reports') {
  await press(page, page.getByRole('navigation').getByRole('button', { name }));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The charts are loaded lazily: wait until each table's chart is drawn. */
async function chartsDrawn(page: Page) {
  await expect(page.locator('figure.report-chart svg[role="img"]').first()).toBeVisible();
  await expect(page.getByText(/Loading the chart|Chargement du graphique/)).toHaveCount(0);
}

test('a supervisor reads the report, opens the cases behind a number, exports, records a target; English and French; print', async ({ page, harness }, info) => {
  test.setTimeout(240_000);
  await seedReports(harness, [], CASES);
  await page.goto(harness.url);
  await signIn(page, supervisor);
  await openReports(page);

  // What the report covers: this fiscal year, by application date, with the sentence saying what that means.
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Report: ${fyLabel}`) })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What the report covers' }).getByLabel('Fiscal year', { exact: true })).toHaveValue(String(fy));
  await expect(page.getByRole('radio', { name: /By application date/ })).toBeChecked();
  await expect(page.getByText(/a cohort/).first()).toBeVisible();
  await expect(page.getByText(/Decisions counted used|No decision counted/)).toBeVisible();

  // Every section is a real table with its caption; a chart is an image named after its table.
  const funnel = page.getByRole('table', { name: 'Cases at each step' });
  await expect(funnel).toBeVisible();
  for (const caption of ['Days between steps', 'By month', 'Removal targets and persons departed, by fiscal year', 'Cases by country of return', 'Cases by nationality of the principal', 'Assistance by tier', 'Assistance by category', 'Travel documents: latest outcome', 'Exits by the status left from', 'Cases by issue']) {
    await expect(page.getByRole('table', { name: caption })).toBeVisible();
  }
  await chartsDrawn(page);
  await expect(page.getByRole('img', { name: 'Chart of the table “Cases at each step”; the table gives the figures.' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: info.outputPath('reports-en.png'), fullPage: true });

  // A number opens the list of its cases: as many as it says; focus goes in and comes back.
  const intake = funnel.getByRole('button', { name: /^[\d,]+ cases at the step Intake: list them$/ });
  const n = Number(((await intake.textContent()) ?? '').replace(/\D/g, ''));
  expect(n).toBeGreaterThan(0);
  await press(page, intake);
  const dialog = page.getByRole('dialog', { name: /cases at the step Intake/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  const list = dialog.getByRole('table', { name: new RegExp(`^${n} cases? behind this number$`) });
  await expect(list.getByRole('row')).toHaveCount(n + 1);
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(intake).toBeFocused();

  // Again, and open the first case from the list.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  const first = dialog.getByRole('button', { name: /^Open case AVRR-/ }).first();
  await expect(first).toBeFocused();
  const caseNumber = ((await first.getAttribute('aria-label')) ?? '').replace('Open case ', '');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Case ${caseNumber}`) })).toBeVisible();

  // Back to the report (the same one): the CSV holds aggregate numbers only.
  await openReports(page);
  await expect(funnel).toBeVisible();
  const csvDownload = page.waitForEvent('download');
  await press(page, page.getByRole('button', { name: 'Tables as CSV' }));
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText.length).toBeGreaterThan(0);
  expect(csvText).not.toMatch(/AVRR-\d{4}-\d{6}/);
  await expect(page.getByRole('status').filter({ hasText: `Saved: ${csv.suggestedFilename()}.` })).toBeVisible();

  // The report as a signed PDF.
  const pdfDownload = page.waitForEvent('download');
  await press(page, page.getByRole('button', { name: 'Report as signed PDF' }));
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The case-level export asks first, and says the file leaves the protected store.
  await press(page, page.getByRole('button', { name: 'Cases (personal data)…' }));
  const confirm = page.getByRole('dialog', { name: 'Export the cases with personal data?' });
  await expect(confirm).toContainText('leaves the encrypted, protected store');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page);
  const casesDownload = page.waitForEvent('download');
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Export the cases' })).toBeFocused();
  await page.keyboard.press('Enter');
  const cases = await casesDownload;
  expect(readFileSync(await cases.path(), 'utf8')).toContain(caseNumber);
  await expect(confirm).toBeHidden();

  // A target for this fiscal year: refused empty (errors by the fields), then recorded and shown.
  const form = page.getByRole('region', { name: 'Record a target' });
  await expect(form.getByLabel('Fiscal year')).toHaveValue(String(fy));
  await press(page, form.getByRole('button', { name: 'Record the target' }));
  await expect(form.getByText('This field is required.')).toBeVisible();
  await expect(form.getByLabel('Removals aimed for (persons)')).toBeFocused();
  await typeInto(page, form.getByLabel('Removals aimed for (persons)'), '1500');
  await typeInto(page, form.getByLabel('Source note'), 'Regional memo of 2 May, removals plan');
  await press(page, form.getByRole('button', { name: 'Record the target' }));
  await expect(page.getByRole('status').filter({ hasText: `The target for ${fyLabel} was recorded.` })).toBeVisible();
  const targets = page.getByRole('table', { name: 'Removal targets and persons departed, by fiscal year' });
  const row = targets.getByRole('row').filter({ has: page.getByRole('rowheader', { name: fyLabel }) });
  await expect(row).toContainText('1,500');
  await expect(row).toContainText('Regional memo of 2 May, removals plan');
  await expect(row).not.toContainText('historical');

  // In French: labels, fiscal years, numbers and errors in French.
  await press(page, page.getByRole('button', { name: 'Français' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Rapports' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Rapport : ${fyLabelFr}`) })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Selon la date de la demande/ })).toBeChecked();
  await expect(page.getByRole('table', { name: 'Dossiers à chaque étape' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Graphique du tableau «\u00a0Dossiers à chaque étape\u00a0»\u00a0; le tableau donne les chiffres.' })).toBeVisible();
  const rowFr = page.getByRole('table', { name: 'Cibles de renvois et personnes parties, par exercice' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: fyLabelFr }) });
  await expect(rowFr).toContainText('1\u00a0500');
  const formFr = page.getByRole('region', { name: 'Consigner une cible' });
  await press(page, formFr.getByRole('button', { name: 'Consigner la cible' }));
  await expect(formFr.getByText('Ce champ est obligatoire.')).toBeVisible();
  const intakeFr = page.getByRole('table', { name: 'Dossiers à chaque étape' }).getByRole('button', { name: /^[\d\s]+ dossiers à l’étape Accueil : voir la liste$/ });
  await press(page, intakeFr);
  const dialogFr = page.getByRole('dialog', { name: /dossiers à l’étape Accueil/ });
  await expect(dialogFr.getByRole('table', { name: new RegExp(`^${n} dossiers? derrière ce nombre$`) }).getByRole('row')).toHaveCount(n + 1);
  await expect(dialogFr.getByRole('button', { name: 'Fermer' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(intakeFr).toBeFocused();
  await chartsDrawn(page);
  await expectAccessible(page);
  await page.screenshot({ path: info.outputPath('reports-fr.png'), fullPage: true });

  // Printed: the tables and charts, no navigation, no controls.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afficher le rapport' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'Dossiers à chaque étape' })).toBeVisible();
  await expect(page.locator('figure.report-chart').first()).toBeVisible();
  await page.screenshot({ path: info.outputPath('reports-print.png'), fullPage: true });
});

test('an interview officer reads the report and exports the CSV but not the cases; a clerk and a front-counter officer have no Reports', async ({ page, harness }, info) => {
  test.setTimeout(180_000);
  await seedReports(harness, [reportOfficer, reportClerk, reportFrontCounter], 20);
  await page.goto(harness.url);
  await signIn(page, reportOfficer);
  await openReports(page);
  await expect(page.getByRole('table', { name: 'Cases at each step' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tables as CSV' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Report as signed PDF' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cases (personal data)…' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Record a target' })).toHaveCount(0);
  // Dates of one's choice, by event date; a range that ends before it starts is refused by the field.
  await press(page, page.getByRole('radio', { name: 'Dates of my choice' }), 'Space');
  await typeInto(page, page.getByLabel('From', { exact: true }), `${fy}-06-30`);
  await typeInto(page, page.getByLabel('To', { exact: true }), `${fy}-04-01`);
  await press(page, page.getByRole('radio', { name: /By event date/ }), 'Space');
  await press(page, page.getByRole('button', { name: 'Show the report' }));
  await expect(page.getByText('The end date must not be before the start date.')).toBeVisible();
  await typeInto(page, page.getByLabel('To', { exact: true }), `${fy + 1}-03-31`);
  await press(page, page.getByRole('button', { name: 'Show the report' }));
  await expect(page.getByRole('heading', { level: 2, name: /^Report: / })).toContainText(String(fy + 1));
  await expect(page.getByText(/each step counts when its own date is in the period/i).first()).toBeVisible();
  await chartsDrawn(page);
  await expectAccessible(page);
  await page.screenshot({ path: info.outputPath('reports-officer.png'), fullPage: true });
  await signOut(page);

  for (const who of [reportClerk, reportFrontCounter]) {
    await signIn(page, who);
    await expect(page.getByRole('navigation').getByRole('button', { name: "Today's cases" })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reports' })).toHaveCount(0);
    await signOut(page);
  }
});
