import type { Locator, Page } from '@playwright/test';
import { z } from 'zod';
import { generateDemoFamilies, insertDemoLifecycle } from '../../electron/core/demo';
import { openDemoDataFolder } from '../../electron/core/demo/data-folder';
import { expect, supervisor } from './fixtures';
import type { Harness } from './fixtures';

/**
 * The Reports spec's seed and keyboard steps. Accounts come through the back end's own channels;
 * the cases are the demo data (synthetic families over the whole lifecycle, as
 * `npm run demo-data` writes them), inserted into the harness's data folder before the page opens.
 */

export interface Person {
  username: string;
  password: string;
  displayName: string;
  role: 'front_counter' | 'interview_officer' | 'clerk' | 'supervisor';
}

export const reportOfficer: Person = { username: 'ines.officer', password: 'interviews all morning long', displayName: 'Inès Officer', role: 'interview_officer' };
export const reportClerk: Person = { username: 'carl.clerk', password: 'prints packets for IOM daily', displayName: 'Carl Clerk', role: 'clerk' };
export const reportFrontCounter: Person = { username: 'fatima.front', password: 'walk-ins every single morning', displayName: 'Fatima Front', role: 'front_counter' };

async function ok<T>(h: Harness, channel: string, input: unknown): Promise<T> {
  const r = await h.core.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** The supervisor (first run), these accounts with their own passwords, and `cases` demo families spread over the past 420 days. */
export async function seedReports(h: Harness, people: readonly Person[], cases: number): Promise<void> {
  await ok(h, 'auth.setup', supervisor);
  // The signed PDF export signs with the office certificate.
  await ok(h, 'certificate.generateSelfSigned', {});
  for (const who of people) {
    await ok(h, 'auth.signIn', { username: supervisor.username, password: supervisor.password });
    const made = await ok<{ oneTimePassword: string }>(h, 'user.create', { username: who.username, displayName: who.displayName, role: who.role });
    await ok(h, 'auth.signIn', { username: who.username, password: made.oneTimePassword });
    await ok(h, 'auth.changePassword', { currentPassword: made.oneTimePassword, newPassword: who.password });
  }
  await ok(h, 'auth.signOut', {});
  const { open } = await openDemoDataFolder(h.dataDir, { ...supervisor });
  try {
    const by = z.string().parse(open.sqlite.prepare('SELECT id FROM users WHERE username = ?').pluck().get(supervisor.username));
    insertDemoLifecycle(open, generateDemoFamilies(cases, 7), new Date(), { by, seed: 7 });
  } finally {
    open.close();
  }
}

/** Focus a control and press a key on it: keyboard only, never a click. */
export async function press(page: Page, target: Locator, key: 'Enter' | 'Space' | 'Escape' = 'Enter'): Promise<void> {
  await target.focus();
  await page.keyboard.press(key);
}

/** Type into a field with the keyboard (select what is there first). */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

export async function signIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.getByLabel('User name').fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByRole('button', { name: /^(Sign out|Fermer la session)$/ })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await press(page, page.getByRole('button', { name: /^(Sign out|Fermer la session)$/ }));
  await expect(page.getByLabel('User name')).toBeVisible();
}
