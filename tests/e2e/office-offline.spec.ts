import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { z } from 'zod';
import { devPlaintextSealer } from '../../electron/core/keys/sealer';
import { createOfficeCore } from '../../electron/core/office-core';
import type { OfficeCore } from '../../electron/core/office-core';
import { startOfficeTransport } from '../../electron/office/server';
import type { OfficeTransport } from '../../electron/office/server';
import type { IpcResult } from '../../shared/ipc/errors';
import { enrolledDesk } from './office.helpers';
import { expect, expectAccessible, ok, press, setUpSupervisor, supervisor, test } from './fixtures';
import { fillQuickIdentity, openCase, startIntake } from './intake.helpers';

const caseListSchema = z.object({ items: z.array(z.object({ id: z.string(), caseNumber: z.string() })) });
const caseDraftSchema = z.object({ myDraft: z.object({ data: z.unknown() }).nullable() });

/** Nothing of the work in the browser's own storage: only the language preference may be there. */
async function expectNothingStoredLocally(page: Page, typed: readonly string[]): Promise<void> {
  const stored = await page.evaluate(async () => ({
    local: Object.entries(localStorage),
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
  }));
  expect(stored.local.map(([k]) => k).filter((k) => k !== 'avrr.lang')).toEqual([]);
  expect(stored.session).toBe(0);
  expect(stored.databases).toBe(0);
  for (const text of typed) expect(JSON.stringify(stored.local)).not.toContain(text);
}

/**
 * One office server and one workstation harness forwarding to it over mutual TLS, with a page
 * signed in as the supervisor; the server can be stopped and started again on the same ports and
 * folder (a fresh core: no sessions, as after a restart).
 */
async function officeRig(browser: Browser) {
  const root = mkdtempSync(join(tmpdir(), 'avrr-e2e-offline-'));
  const serverDir = join(root, 'server');
  let core: OfficeCore | null = createOfficeCore({ dataDir: serverDir, sealer: devPlaintextSealer });
  const listen = (ports: { port: number; enrolPort: number }) =>
    startOfficeTransport({
      dataDir: serverDir,
      ...ports,
      handler: async (r) => (core ? core.invoke(r.workstation, r.body.channel, r.body.input) : { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } }),
    });
  let office: OfficeTransport | null = await listen({ port: 0, enrolPort: 0 });
  const ports = { port: office.port, enrolPort: office.enrolPort };
  const dataDir = mkdtempSync(join(root, 'ws-'));
  const { forwarding, harness } = await enrolledDesk(office, dataDir, 'front-counter-1');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await setUpSupervisor(page, { url: harness.url, origin: harness.origin, dataDir, core: forwarding });
  return {
    page,
    invoke: forwarding.invoke,
    async stop() {
      await office?.close();
      office = null;
      core?.close();
      core = null;
    },
    async start() {
      core = createOfficeCore({ dataDir: serverDir, sealer: devPlaintextSealer });
      office = await listen(ports);
    },
    /** The network goes (the server's listeners close; its sessions stay), then comes back. */
    async cutNetwork() {
      await office?.close();
      office = null;
    },
    async restoreNetwork() {
      office = await listen(ports);
    },
    async close() {
      await context.close();
      await harness.close();
      forwarding.close();
      await office?.close();
      core?.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * "Try again now" once the server is back; the page may have found it by itself already (the live
 * updates ask every second while someone is signed in), then the banner is gone and that is fine.
 */
async function tryAgainNow(page: Page, banner: Locator, name: string): Promise<void> {
  try {
    await banner.getByRole('button', { name }).focus({ timeout: 2_000 });
    await page.keyboard.press('Enter');
  } catch {
    await expect(banner).toHaveCount(0);
  }
}

/** The officer's draft of case `number`, as the server holds it (through the workstation's session). */
async function draftOnServer(invoke: (channel: string, input: unknown) => Promise<IpcResult<unknown>>, number: string): Promise<string> {
  const listed = await invoke('case.list', { query: 'amina' });
  const id = listed.ok ? caseListSchema.parse(listed.value).items.find((c) => c.caseNumber === number)?.id : undefined;
  const got = await invoke('case.get', { caseId: id });
  return got.ok ? JSON.stringify(caseDraftSchema.parse(got.value).myDraft?.data ?? null) : JSON.stringify(got.error);
}

/** The officer opens a new case and types a destination; the draft reaches the server. */
async function startTyping(page: Page): Promise<{ number: string; destination: Locator }> {
  const form = page.getByRole('region', { name: 'New intake' });
  await fillQuickIdentity(form, { written: 'Amina Yusuf', latin: 'Amina Yusuf', dob: '1990-01-20', nationality: 'SOM' });
  const number = await startIntake(page, form);
  await openCase(page, number);
  const destination = page.getByRole('region', { name: 'Travel' }).getByLabel('Final destination');
  await destination.fill('Hargeisa');
  await expect(page.getByRole('status').filter({ hasText: /^Draft kept/ }).first()).toBeVisible();
  return { number, destination };
}

/**
 * Issue 15 point 5: the office server goes away while an officer edits a case at a workstation.
 * A banner says so; the officer keeps typing and the text stays; the server comes back on the
 * same ports and folder, restarted (no sessions): the banner goes, the officer signs in again
 * over the kept screen, finds the text, and the draft reaches the server. Keyboard only; the
 * banner and the sign-in in French too. Nothing is kept in the browser's storage.
 */
test('the office server stops and restarts: the banner, the typed text kept and retried, sign in again, the draft saved', async ({ browser }) => {
  const rig = await officeRig(browser);
  const { page } = rig;
  try {
    const { number, destination } = await startTyping(page);

    // The server stops. The officer keeps typing: the autosave cannot reach it, the banner says so.
    await rig.stop();
    const phone = page.getByLabel('Phone number');
    await phone.fill('+1 647 555 0199');
    const banner = page.getByRole('region', { name: 'The office server cannot be reached.' });
    await expect(banner.getByRole('alert')).toContainText('What you typed is kept on this screen and will be sent when the server is back.');
    await expect(banner).toContainText(/Next try at \d/);
    await expect(page.getByRole('status').filter({ hasText: /^Not sent — the office server cannot be reached/ })).toBeVisible();
    // Scrolled down to the phone field, the officer still sees it, in the save bar that stays in view.
    await expect(page.getByText('Office server unreachable: what you type is kept here.')).toBeInViewport();
    // In the page's flow, above the screen: the form is not covered.
    const bannerBox = await banner.boundingBox();
    const mainBox = await page.locator('main#main').boundingBox();
    expect(bannerBox && mainBox && bannerBox.y + bannerBox.height <= mainBox.y).toBe(true);
    await expectAccessible(page);
    // More typing while it is away: the text stays on screen.
    await destination.press('End');
    await destination.pressSequentially(', Somaliland');
    await expect(destination).toHaveValue('Hargeisa, Somaliland');
    await expect(phone).toHaveValue('+1 647 555 0199');
    // Trying now while it is still away: still the banner, the focus where it was.
    await press(page, banner.getByRole('button', { name: 'Try again now' }));
    await expect(banner).toContainText(/Next try at \d/);
    await expect(banner.getByRole('button', { name: 'Try again now' })).toBeFocused();

    // In French.
    await press(page, page.getByRole('button', { name: 'Français' }));
    const banniere = page.getByRole('region', { name: 'Le serveur du bureau est injoignable.' });
    await expect(banniere.getByRole('alert')).toContainText('Ce que vous avez saisi reste sur cet écran');
    await expect(banniere).toContainText(/Prochain essai à \d/);

    // The server starts again on the same ports and folder: a new core, with no sessions.
    await rig.start();
    await tryAgainNow(page, banniere, 'Réessayer maintenant');
    await expect(banniere).toHaveCount(0);
    const signInAgain = page.getByRole('dialog', { name: 'Ouvrez de nouveau la session' });
    await expect(signInAgain).toContainText('Le serveur du bureau a redémarré');
    await expect(signInAgain.getByLabel('Nom d’utilisateur')).toBeFocused();
    await expect(signInAgain.getByLabel('Nom d’utilisateur')).toHaveValue(supervisor.username);
    await expectAccessible(page);
    // The same person signs in again (keyboard): the screen is as they left it.
    await signInAgain.getByLabel('Mot de passe', { exact: true }).focus();
    await page.keyboard.type(supervisor.password);
    await page.keyboard.press('Enter');
    await expect(signInAgain).toHaveCount(0);
    await press(page, page.getByRole('button', { name: 'English' }));
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Case ${number}`) })).toBeVisible();
    await expect(destination).toHaveValue('Hargeisa, Somaliland');
    await expect(phone).toHaveValue('+1 647 555 0199');

    // What was typed while the server was away reaches it: the officer's draft of this case holds it.
    await expect(page.getByRole('status').filter({ hasText: /^Draft kept/ }).first()).toBeVisible();
    await expect.poll(() => draftOnServer(rig.invoke, number)).toContain('Hargeisa, Somaliland');
    expect(await draftOnServer(rig.invoke, number)).toContain('+1 647 555 0199');

    // Nothing of it was kept in the browser's storage meanwhile.
    await expectNothingStoredLocally(page, ['Hargeisa', '555 0199', 'Amina']);
  } finally {
    await rig.close();
  }
});

/**
 * After a restart, someone else signs in at the overlay: the first person's screen is closed, nothing of it is shown to the second, and
 * the first person's draft stays theirs on the server as last saved.
 */
test('after a restart, another person signing in gets a fresh screen, never the first person’s', async ({ browser }) => {
  const rig = await officeRig(browser);
  const { page } = rig;
  try {
    // A second account, made and given its password through the workstation (then the supervisor again).
    const desk = { url: '', origin: '', dataDir: '', core: { invoke: rig.invoke, close: () => undefined } };
    const call = <T,>(channel: string, input: unknown) => ok<T>(desk, channel, input);
    const made = await call<{ oneTimePassword: string }>('user.create', { username: 'omar.officer', displayName: 'Omar Officer', role: 'interview_officer' });
    await call('auth.signIn', { username: 'omar.officer', password: made.oneTimePassword });
    await call('auth.changePassword', { currentPassword: made.oneTimePassword, newPassword: 'interviews every morning 2026' });
    await call('auth.signIn', { username: supervisor.username, password: supervisor.password });

    const { number, destination } = await startTyping(page);
    // Typed while the server is down (not saved), then it restarts.
    await rig.stop();
    await destination.press('End');
    await destination.pressSequentially(', Somaliland');
    const banner = page.getByRole('region', { name: 'The office server cannot be reached.' });
    await expect(banner).toBeVisible();
    await rig.start();
    await tryAgainNow(page, banner, 'Try again now');
    const signInAgain = page.getByRole('dialog', { name: 'Sign in again' });
    await expect(signInAgain).toContainText('The office server was restarted: Awa Diallo must sign in again.');
    await expect(page.getByRole('region', { name: 'The office server cannot be reached.' })).toHaveCount(0);

    // Omar signs in instead.
    await signInAgain.getByLabel('User name').fill('omar.officer');
    await signInAgain.getByLabel('Password', { exact: true }).fill('interviews every morning 2026');
    await signInAgain.getByLabel('Password', { exact: true }).press('Enter');
    await expect(signInAgain).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: "Today's cases" })).toBeVisible();
    await expect(page.getByText('Omar Officer ·')).toBeVisible();
    // Awa's case screen and her typing are gone (the case itself is on the walk-ins list: office data Omar may see).
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Case ${number}`) })).toHaveCount(0);
    const shown = await page.locator('body').innerText();
    expect(shown).not.toContain('Hargeisa');
    expect(shown).not.toContain('Somaliland');
    expect(await page.evaluate(() => [...document.querySelectorAll('input, textarea')].map((e) => (e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement ? e.value : '')).join(' '))).not.toContain('Hargeisa');

    // Awa's draft is hers, as last saved before the restart (what she typed after it was on her screen only).
    await call('auth.signIn', { username: supervisor.username, password: supervisor.password });
    const draft = await draftOnServer(rig.invoke, number);
    expect(draft).toContain('Hargeisa');
    expect(draft).not.toContain('Somaliland');
  } finally {
    await rig.close();
  }
});

/**
 * The network goes for a while, the server keeps its sessions. The officer locks the screen
 * meanwhile: it locks at once, on this workstation, even though the server cannot be told; when
 * the server answers again it is locked there too (no way past it without the password), and
 * once the officer signs in what was typed while the network was gone is sent.
 */
test('the network goes and comes back: the lock works meanwhile, the server is locked too, then the typing is sent', async ({ browser }) => {
  const rig = await officeRig(browser);
  const { page } = rig;
  try {
    const { number, destination } = await startTyping(page);
    await rig.cutNetwork();
    await destination.press('End');
    await destination.pressSequentially(', Somaliland');
    const banner = page.getByRole('region', { name: 'The office server cannot be reached.' });
    await expect(banner).toBeVisible();

    // Locking while the server cannot be reached: the screen locks here, the banner stays in view.
    await press(page, page.getByRole('button', { name: 'Lock' }));
    const lock = page.getByRole('dialog', { name: 'Workstation locked' });
    await expect(lock).toBeVisible();
    await expect(lock.getByRole('region', { name: 'The office server cannot be reached.' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Case ${number}`) })).not.toBeVisible();
    await expectAccessible(page);

    // The network is back: the server's session is locked as well; the lock screen stays.
    await rig.restoreNetwork();
    await tryAgainNow(page, lock.getByRole('region', { name: 'The office server cannot be reached.' }), 'Try again now');
    await expect(lock.getByRole('region', { name: 'The office server cannot be reached.' })).toHaveCount(0);
    await expect.poll(async () => (await rig.invoke('case.list', { query: 'amina' })).ok).toBe(false);
    const refused = await rig.invoke('case.list', { query: 'amina' });
    expect(refused.ok ? null : refused.error.code).toBe('locked');
    await expect(lock).toBeVisible();

    // The officer unlocks: the screen as it was, and the typing reaches the server.
    await lock.getByLabel('Password', { exact: true }).fill(supervisor.password);
    await lock.getByLabel('Password', { exact: true }).press('Enter');
    await expect(lock).toHaveCount(0);
    await expect(destination).toHaveValue('Hargeisa, Somaliland');
    await expect.poll(() => draftOnServer(rig.invoke, number)).toContain('Hargeisa, Somaliland');
  } finally {
    await rig.close();
  }
});
