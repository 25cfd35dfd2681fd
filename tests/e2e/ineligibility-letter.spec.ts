import type { Locator, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseDetail } from '../../shared/schema/case-api';
import { reasonText } from '../../shared/rules';
import { familyIntake } from '../fixtures/intakes';
import { couple, expect, expectAccessible, officer, ok, openCase, press, seedPeople, signIn, signInAs, test } from './fixtures';

/**
 * The letter explaining a decision of not eligible (issue 13 point 11), from the case page,
 * keyboard only, at both window sizes and in both languages: made (signed) from the documents
 * part, then printed from the documents list without scrolling sideways; the PDF carries the
 * rules' reasons in English and French and verifies.
 */
const artefacts = join('tests', 'artifacts', 'e2e-ineligibility-letter');
const sizes = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const words = {
  en: { docs: 'Documents for IOM', make: 'Make the ineligibility letter (signed)', ready: 'is ready: print it from the list of documents.', print: 'Print', type: 'Ineligibility letter' },
  fr: { docs: 'Documents pour l’OIM', make: 'Produire la lettre de non-admissibilité (signée)', ready: 'est prête\u00a0: imprimez-la à partir de la liste des documents.', print: 'Imprimer', type: 'Lettre de non-admissibilité' },
} as const;

async function inViewport(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  const size = page.viewportSize();
  expect(box && size).toBeTruthy();
  if (!box || !size) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
}

for (const size of sizes) {
  for (const lang of ['en', 'fr'] as const) {
    const w = words[lang];
    test(`ineligibility letter ${size.width}x${size.height} ${lang}: made and printed from the case page by keyboard`, async ({ page, harness }) => {
      await seedPeople(harness, [officer]);
      await signInAs(harness, officer);
      // The couple's claim was not made in the GTA: both are not eligible (E2).
      const intake = familyIntake([...couple]);
      intake.persons = intake.persons.map((p) => ({ ...p, facts: { ...p.facts, claim: { ...p.facts.claim, inGta: false } } }));
      const created = await ok<CaseDetail>(harness, 'case.create', { intake });
      const decided = await ok<CaseDetail>(harness, 'case.decide', { caseId: created.id, baseVersion: created.version });
      expect(decided.decision?.outcome).toBe('ineligible');
      await ok(harness, 'auth.signOut', {});

      await page.setViewportSize(size);
      await page.goto(harness.url);
      await signIn(page, officer);
      await openCase(page, 'Keita', decided.caseNumber);
      if (lang === 'fr') await press(page, page.getByRole('button', { name: 'Français' }));
      const docs = page.getByRole('region', { name: w.docs });
      await page.keyboard.press('Alt+3');
      await expect(docs.getByRole('heading', { name: w.docs })).toBeFocused();
      const make = docs.getByRole('button', { name: w.make });
      await inViewport(page, make);
      await expectAccessible(page);
      await press(page, make);
      const number = `${decided.caseNumber}-IL-01`;
      await expect(docs.getByRole('status').filter({ hasText: w.ready })).toContainText(number);
      const item = docs.getByRole('listitem').filter({ hasText: number });
      await expect(item).toContainText(w.type);
      const print = item.getByRole('button', { name: `${w.print} ${number}`, exact: true });
      await inViewport(page, print);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(sideways).toBeLessThanOrEqual(0);
      await expectAccessible(page);

      const download = page.waitForEvent('download');
      await press(page, print);
      mkdirSync(artefacts, { recursive: true });
      const file = join(artefacts, `letter-${size.width}-${lang}.pdf`);
      await (await download).saveAs(file);
      expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid.');
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFKC').replace(/\s+/g, ' ');
      for (const l of ['en', 'fr'] as const) expect(text).toContain(reasonText('E2', l).split(' ').slice(0, 5).join(' '));
      expect(text).toContain('PROTECTED B / PROTÉGÉ B');
      expect(text).toContain('Bakary Keita');
      await page.screenshot({ path: join(artefacts, `case-${size.width}-${lang}.png`) });
    });
  }
}
