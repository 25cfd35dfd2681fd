import { test, expect } from './fixtures';

/**
 * Issue 12 point 10: the harness gives its token once, in the fragment of the URL it prints. The
 * page served at `/` holds no token, the app takes it from the address bar and removes it, and
 * the server refuses a call without it. A context of its own: the suite's contexts put the token
 * back on a reload (fixtures.ts), which a person opening the page would not have.
 */
test('the token is only in the printed URL: taken from the fragment, gone from the address bar, required by the server', async ({ browser, harness }) => {
  const token = /#token=([0-9a-f]{64})$/.exec(harness.url)?.[1] ?? '';
  expect(token).toHaveLength(64);

  const context = await browser.newContext();
  const page = await context.newPage();
  // Served to anyone on this machine who asks: no token in the page, nor in the bridge script.
  const served = await page.request.get(`${harness.origin}/`);
  expect(await served.text()).not.toContain(token);
  expect(await (await page.request.get(`${harness.origin}/harness-bridge.js`)).text()).not.toContain(token);
  // Without the token the back end answers nothing.
  const refused = await page.request.post(`${harness.origin}/api/invoke`, { data: { channel: 'auth.status', input: {} } });
  expect(refused.status()).toBe(403);

  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Set up AVRR Intake' })).toBeVisible();
  expect(page.url()).toBe(`${harness.origin}/`);
  expect(await page.evaluate(() => `${location.href} ${document.documentElement.outerHTML} ${JSON.stringify(sessionStorage)} ${JSON.stringify(localStorage)}`)).not.toContain(token);
  // The app still works from the token it keeps in memory.
  expect(await page.evaluate(async () => (await window.avrr.invoke('auth.status', {})).ok)).toBe(true);

  // A reload without the printed URL has no token: every call is refused.
  await page.reload();
  expect(await page.evaluate(async () => (await window.avrr.invoke('auth.status', {})).ok)).toBe(false);
  await context.close();
});
