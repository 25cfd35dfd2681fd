import type { Locator, Page } from '@playwright/test';
import { expect, press } from './fixtures';

/**
 * Keyboard-only steps for the intake specs: nothing here clicks or uses the mouse. A button is
 * focused and pressed with Enter; a radio is focused and chosen with Space.
 */
export { press };

/** Answer a radio group (fieldset + legend) by the option's label. */
export async function choose(page: Page, scope: Locator | Page, legend: string | RegExp, option: string): Promise<void> {
  const radio = scope.getByRole('group', { name: legend }).getByRole('radio', { name: option, exact: true });
  await radio.focus();
  await page.keyboard.press('Space');
  await expect(radio).toBeChecked();
}

/** Tick a checkbox with the keyboard. */
export async function tick(page: Page, box: Locator): Promise<void> {
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
}

export interface QuickPerson {
  written: string;
  latin: string;
  dob: string;
  nationality: string;
  uci?: string;
}

/** Fill the principal's identity in the front counter's quick intake. */
export async function fillQuickIdentity(form: Locator, p: QuickPerson): Promise<void> {
  await form.getByLabel('Name as written in documents').fill(p.written);
  await form.getByLabel('Name in Latin letters').fill(p.latin);
  await form.getByLabel('Date of birth').fill(p.dob);
  await form.getByLabel('Nationality').fill(p.nationality);
  if (p.uci) await form.getByLabel('Client ID (UCI)').fill(p.uci);
}

/** Start the intake (creates the case) and wait for the confirmation. */
export async function startIntake(page: Page, form: Locator): Promise<string> {
  await press(page, form.getByRole('button', { name: 'Start intake' }));
  const banner = page.getByRole('status').filter({ hasText: /Case AVRR-\d{4}-\d{6} created/ });
  await expect(banner).toBeVisible();
  // The confirmation takes the focus (the form it replaces is gone), never the page body.
  await expect(banner).toBeFocused();
  const text = (await banner.textContent()) ?? '';
  return /AVRR-\d{4}-\d{6}/.exec(text)?.[0] ?? '';
}

/** Open a case by its number from wherever an "Open case N" button shows. */
export async function openCase(page: Page, caseNumber: string): Promise<void> {
  await press(page, page.getByRole('button', { name: `Open case ${caseNumber}` }).first());
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Case ${caseNumber}`) })).toBeVisible();
  // After every navigation the new screen's heading has the focus.
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Case ${caseNumber}`) })).toBeFocused();
}
