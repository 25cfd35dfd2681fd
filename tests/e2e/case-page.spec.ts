import type { Locator, Page } from '@playwright/test';
import { familyIntake } from '../fixtures/intakes';
import { couple, expect, expectAccessible, officer, openCase, press, referCase, seedPeople, signIn, test } from './fixtures';
import type { Harness } from './fixtures';

const sizes = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const words = {
  en: { docs: 'Documents for IOM', lock: 'Lock', locked: 'Workstation locked', eligibility: 'Eligibility (live)', intake: 'Application and contact', print: /^(Print|Reprint)/ },
  fr: { docs: 'Documents pour l’OIM', lock: 'Verrouiller', locked: 'Poste verrouillé', eligibility: 'Admissibilité (en direct)', intake: 'Demande et coordonnées', print: /^(Imprimer|Réimprimer)/ },
} as const;

/** A referred family (consent form and signed packet in the register), opened by the officer at this window size. */
async function openReferredCase(page: Page, harness: Harness, size: (typeof sizes)[number]): Promise<string> {
  await seedPeople(harness, [officer]);
  const referred = await referCase(harness, familyIntake([...couple]), '2026-11-21');
  await harness.core.invoke('auth.signOut', {});
  await page.setViewportSize(size);
  await page.goto(harness.url);
  await signIn(page, officer);
  await openCase(page, 'Keita', referred.caseNumber);
  return referred.caseNumber;
}

/** Entirely inside the window: nothing to scroll to, sideways or down. */
async function expectInViewport(page: Page, target: Locator, size: (typeof sizes)[number]): Promise<void> {
  const box = await target.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height);
}

for (const size of sizes) {
  for (const lang of ['en', 'fr'] as const) {
    const w = words[lang];
    test(`case page ${size.width}x${size.height} ${lang}: parts by shortcut, print without scrolling sideways, the lock hides the case`, async ({ page, harness }) => {
      const caseNumber = await openReferredCase(page, harness, size);
      if (lang === 'fr') await press(page, page.getByRole('button', { name: 'Français' }));
      const docs = page.getByRole('region', { name: w.docs });
      await expect(docs).toBeVisible();

      // The page never scrolls sideways.
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(sideways).toBeLessThanOrEqual(0);

      // Alt+2: eligibility; Alt+1: the intake's first section; Alt+3: the documents, whose actions are all in view.
      await page.keyboard.press('Alt+2');
      await expect(page.getByRole('heading', { name: w.eligibility })).toBeFocused();
      await page.keyboard.press('Alt+1');
      await expect(page.getByRole('heading', { name: w.intake, level: 2 })).toBeFocused();
      await page.keyboard.press('Alt+3');
      await expect(docs.getByRole('heading', { name: w.docs })).toBeFocused();
      const actions = docs.getByRole('listitem').getByRole('button');
      await expect(actions).toHaveCount(4);
      for (const b of await actions.all()) await expectInViewport(page, b, size);
      await page.screenshot({ path: `/tmp/look13-case-${size.width}-${lang}.png` });
      await expectAccessible(page);

      // Print the referral packet from the keyboard.
      const download = page.waitForEvent('download');
      await press(page, docs.getByRole('button', { name: new RegExp(`${w.print.source.slice(1)}.* ${caseNumber}-RP-01`) }));
      expect((await download).suggestedFilename()).toContain(`${caseNumber}-RP-01`);

      // Lock: the lock screen is the whole window; nothing of the case is shown or read out.
      await press(page, page.getByRole('button', { name: w.lock, exact: true }));
      await expect(page.getByRole('dialog', { name: w.locked })).toBeVisible();
      await page.screenshot({ path: `/tmp/look13-lock-${size.width}-${lang}.png` });
      const shown = await page.locator('body').innerText();
      const tree = await page.locator('body').ariaSnapshot();
      for (const personal of [caseNumber, 'Bakary Keita', 'Mariam Keita', '2026-11-20', w.eligibility]) {
        expect(shown).not.toContain(personal);
        expect(tree).not.toContain(personal);
      }
      await expect(page.getByText('Bakary Keita').first()).toBeHidden();
      await expectAccessible(page);
    });
  }
}
