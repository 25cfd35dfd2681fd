import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAppCore } from '../../electron/core/app-core';
import type { AppCore } from '../../electron/core/app-core';
import { devPlaintextSealer } from '../../electron/core/keys/sealer';
import { startHarnessServer } from '../../electron/web/server';

export interface Harness {
  url: string;
  dataDir: string;
  core: AppCore;
}

/** A harness of its own for each test: the same handler map, a fresh encrypted data folder. */
export const test = base.extend<{ harness: Harness }>({
  harness: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'avrr-e2e-'));
    const core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'e2e-workstation' });
    const server = await startHarnessServer(core, { rendererDir: resolve('out/web'), port: 0 });
    await use({ url: server.url, dataDir, core });
    await server.close();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});
export { expect };

export const supervisor = { displayName: 'Awa Diallo', username: 'awa.diallo', password: 'correct horse battery staple 2026' };

/** First run: create the supervisor account through the setup screen, keyboard only. */
export async function setUpSupervisor(page: Page, harness: Harness): Promise<void> {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Set up AVRR Intake' })).toBeVisible();
  await page.getByLabel('Full name').fill(supervisor.displayName);
  await page.getByLabel('User name').fill(supervisor.username);
  await page.getByLabel('New password').fill(supervisor.password);
  await page.getByLabel('New password').press('Enter');
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
}

/** Zero WCAG 2.1 A/AA violations on what the page shows now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}
