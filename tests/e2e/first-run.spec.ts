import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createAppCore } from '../../electron/core/app-core';
import { devPlaintextSealer } from '../../electron/core/keys/sealer';
import { createOfficeCore } from '../../electron/core/office-core';
import { createDeploymentRouter } from '../../electron/main/deployment';
import { startOfficeTransport } from '../../electron/office/server';
import { startHarnessServer } from '../../electron/web/server';
import { expect, expectAccessible, press, test } from './fixtures';

/**
 * The desktop app's first run (issue 15 point 3), keyboard only: the page is served by the same
 * router Electron's main process uses (electron/main/deployment.ts), behind the harness. "Connect
 * to the office server" enrols with the code and the fingerprint and the app then talks to the
 * server; "this computer only" opens the local database's setup.
 */
async function firstRunPage(browser: Browser, root: string, localBuilt: string[]): Promise<{ page: Page; close(): Promise<void> }> {
  const userData = mkdtempSync(join(root, 'userdata-'));
  const dataDir = join(userData, 'data');
  const router = createDeploymentRouter({
    userData,
    dataDir,
    // The harness has no OS key store; Electron passes its safeStorage sealer (unit-tested in tests/unit/electron).
    sealer: devPlaintextSealer,
    localCore: () => {
      localBuilt.push(dataDir);
      return createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'e2e-first-run' });
    },
  });
  const server = await startHarnessServer(router, { rendererDir: resolve('out/web'), port: 0 });
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'How will this computer work?', level: 1 })).toBeVisible();
  return {
    page,
    close: async () => {
      await server.close();
      router.close();
    },
  };
}

test('first run: connect to the office server, keyboard only, in English and French', async ({ browser }) => {
  const root = mkdtempSync(join(tmpdir(), 'avrr-e2e-first-run-'));
  const serverDir = join(root, 'server');
  const core = createOfficeCore({ dataDir: serverDir, sealer: devPlaintextSealer });
  const office = await startOfficeTransport({ dataDir: serverDir, port: 0, enrolPort: 0, handler: (r) => core.invoke(r.workstation, r.body.channel, r.body.input), onEnrolled: (w) => core.recordEnrolment(w) });
  core.attachAdmin(office);
  const localBuilt: string[] = [];
  const desk = await firstRunPage(browser, root, localBuilt);
  const { page } = desk;
  try {
    await expectAccessible(page);
    await press(page, page.getByRole('button', { name: 'Français' }));
    await expect(page.getByRole('heading', { name: /Comment cet ordinateur travaillera-t-il/, level: 1 })).toBeVisible();
    await expectAccessible(page);
    await press(page, page.getByRole('button', { name: 'English' }));

    const fill = async (label: string, value: string) => {
      await page.getByLabel(label, { exact: true }).focus();
      await page.keyboard.type(value);
    };
    await fill('Office server address', `https://localhost:${office.port}`);
    await fill('Enrolment address', `https://localhost:${office.enrolPort}`);
    await fill('Enrolment code', office.createEnrolmentCode().code.toLowerCase());
    await fill("This workstation's name", 'Front counter 1');
    // A fingerprint from elsewhere: nothing is sent, the form says why.
    await fill('Office authority fingerprint', 'AB'.repeat(32));
    await page.keyboard.press('Enter');
    await expect(page.getByText(/not the office server whose fingerprint you were given/)).toBeVisible();
    await page.getByLabel('Office authority fingerprint', { exact: true }).fill('');
    await fill('Office authority fingerprint', office.caFingerprint);
    await page.keyboard.press('Enter');

    // Enrolled: the app now talks to the office server, which has no account yet.
    await expect(page.getByRole('heading', { name: 'Set up AVRR Intake' })).toBeVisible();
    expect(office.listWorkstations().map((w) => w.name)).toEqual(['Front counter 1']);
    expect(localBuilt).toEqual([]);
  } finally {
    await desk.close();
    await office.close();
    core.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('first run: this computer only opens the local setup', async ({ browser }) => {
  const root = mkdtempSync(join(tmpdir(), 'avrr-e2e-first-run-'));
  const localBuilt: string[] = [];
  const desk = await firstRunPage(browser, root, localBuilt);
  try {
    await press(desk.page, desk.page.getByRole('button', { name: 'Use this computer only' }));
    await expect(desk.page.getByRole('heading', { name: 'Set up AVRR Intake' })).toBeVisible();
    expect(localBuilt).toHaveLength(1);
  } finally {
    await desk.close();
    rmSync(root, { recursive: true, force: true });
  }
});
