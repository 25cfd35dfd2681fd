import type { Locator, Page } from '@playwright/test';
import type { CaseDetail } from '../../shared/schema/case-api';
import { familyIntake } from '../fixtures/intakes';
import { clerk, expect, expectAccessible, ok, press, seedPeople, signIn, supervisor, test } from './fixtures';
import type { Harness } from './fixtures';

/**
 * Issue 13, point 1: the Cases screen, keyboard only, at both window sizes and in both
 * languages: a case found by its number, by a date of birth typed day first (read both ways, and
 * said so), by a name typed without its accents; 300 results paged through to the last; the
 * filters kept in the address, so a reload and the back button bring the same list back.
 */
const sizes = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

const words = {
  en: {
    nav: 'All cases',
    search: 'Search by case number, name, date of birth or UCI',
    readAsNumber: (n: string) => `Read as case number ${n}`,
    readBothWays: 'Read as 7 March 1980 or 3 July 1980',
    readAsName: 'Read as a name: zoltan kovacs',
    count: (n: number) => `${n} cases`,
    pageOf: (p: number, n: number) => `Page ${p} of ${n}`,
    next: 'Next page',
    previous: 'Previous page',
    goTo: 'Go to page',
    open: (n: string) => `Open case ${n}`,
    caseTitle: (n: string) => new RegExp(`Case ${n}`),
    number: 'Case number',
    channel: 'How the person came',
    walkIn: 'Walk-in (front counter)',
  },
  fr: {
    nav: 'Tous les dossiers',
    search: 'Rechercher par numéro de dossier, nom, date de naissance ou IUC',
    readAsNumber: (n: string) => `Lu comme le numéro de dossier ${n}`,
    readBothWays: 'Lu comme le 7 mars 1980 ou le 3 juillet 1980',
    readAsName: 'Lu comme un nom\u00a0: zoltan kovacs',
    count: (n: number) => `${n} dossiers`,
    pageOf: (p: number, n: number) => `Page ${p} sur ${n}`,
    next: 'Page suivante',
    previous: 'Page précédente',
    goTo: 'Aller à la page',
    open: (n: string) => `Ouvrir le dossier ${n}`,
    caseTitle: (n: string) => new RegExp(`Dossier ${n}`),
    number: 'Numéro de dossier',
    channel: 'Comment la personne s’est présentée',
    walkIn: 'Sans rendez-vous (comptoir)',
  },
} as const;

const FIRST = ['Amina', 'Bao', 'Chen', 'Dara', 'Elif', 'Farid', 'Grace', 'Hana', 'Ivan', 'Jamal', 'Kofi', 'Lina', 'Malik', 'Nadia', 'Omar'];
const PAGED = 300;

/** 300 cases of the Nguyen family name, and Zoltán Kovács (born 7 March 1980) among them, seeded through the back end. */
async function seed(h: Harness): Promise<{ kovacs: CaseDetail; hundredFiftieth: CaseDetail }> {
  await seedPeople(h, [clerk]);
  let kovacs: CaseDetail | null = null;
  let hundredFiftieth: CaseDetail | null = null;
  for (let i = 0; i < PAGED + 1; i++) {
    const who: Parameters<typeof familyIntake>[0][number] =
      i === 120
        ? { relationship: 'principal', nameAsWritten: 'Zoltán Kovács', nameLatin: 'Zoltán Kovács', dateOfBirth: '1980-03-07', nationality: 'HUN' }
        : { relationship: 'principal', nameAsWritten: `${FIRST[i % FIRST.length]} Nguyen`, nameLatin: `${FIRST[i % FIRST.length]} Nguyen`, dateOfBirth: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`, nationality: 'VNM' };
    const intake = familyIntake([who]);
    const created = await ok<CaseDetail>(h, 'case.create', { intake: { ...intake, channel: i % 2 === 0 ? 'walk_in' : 'email' } });
    if (i === 120) kovacs = created;
    if (i === 149) hundredFiftieth = created;
  }
  if (!kovacs || !hundredFiftieth) throw new Error('seed');
  await ok(h, 'auth.signOut', {});
  return { kovacs, hundredFiftieth };
}

/** Replace the search box's text by typing, as an officer does. */
async function search(page: Page, box: Locator, text: string): Promise<void> {
  await box.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** The case numbers of the rows shown. */
async function shownNumbers(results: Locator): Promise<string[]> {
  return results.locator('tbody tr td:first-child').allInnerTexts();
}

for (const size of sizes) {
  for (const lang of ['en', 'fr'] as const) {
    const w = words[lang];
    test(`cases screen ${size.width}x${size.height} ${lang}: find by number, day-first date, unaccented name; page through 300; reload and back keep the list`, async ({ page, harness }) => {
      test.setTimeout(120_000);
      const { kovacs, hundredFiftieth } = await seed(harness);
      await page.setViewportSize(size);
      await page.goto(harness.url);
      await signIn(page, supervisor);
      if (lang === 'fr') await press(page, page.getByRole('button', { name: 'Français' }));

      // Arrival: the heading has the focus.
      await press(page, page.getByRole('navigation').getByRole('button', { name: w.nav }));
      await expect(page.getByRole('heading', { level: 1, name: w.nav })).toBeFocused();
      const results = page.getByRole('region', { name: lang === 'en' ? 'Cases found' : 'Dossiers trouvés' });
      await expect(results.getByRole('row')).toHaveCount(51);
      await expectAccessible(page);

      const box = page.getByRole('searchbox', { name: w.search });
      // By case number.
      await search(page, box, hundredFiftieth.caseNumber);
      await expect(page.getByText(w.readAsNumber(hundredFiftieth.caseNumber))).toBeVisible();
      await expect(results.getByRole('row')).toHaveCount(2);
      expect(await shownNumbers(results)).toEqual([hundredFiftieth.caseNumber]);

      // By a date of birth typed day first: ambiguous, read both ways, and said so.
      await search(page, box, '07/03/1980');
      await expect(page.getByText(w.readBothWays)).toBeVisible();
      await expect(results.getByRole('row').filter({ hasText: 'Zoltán Kovács' })).toBeVisible();
      expect(await shownNumbers(results)).toContain(kovacs.caseNumber);

      // By the name typed without its accents.
      await search(page, box, 'zoltan kovacs');
      await expect(page.getByText(w.readAsName)).toBeVisible();
      await expect(results.getByRole('row')).toHaveCount(2);
      await expect(results.getByRole('row').filter({ hasText: 'Zoltán Kovács' })).toContainText(kovacs.caseNumber);
      await expectAccessible(page);

      // 300 results, paged through to the last with Next, every row once.
      await search(page, box, 'nguyen');
      await expect(results.getByRole('status').first()).toHaveText(w.count(PAGED));
      const pager = page.getByRole('navigation', { name: lang === 'en' ? 'Pages of cases' : 'Pages de dossiers' });
      const seen = new Set<string>();
      for (let p = 1; p <= 6; p++) {
        await expect(pager.getByText(w.pageOf(p, 6), { exact: true })).toBeVisible();
        // The pager moves at once; the rows are the new page's only once the list is not busy.
        await expect(results).not.toHaveAttribute('aria-busy', 'true');
        await expect(results.locator('tbody tr')).toHaveCount(50);
        for (const n of await shownNumbers(results)) seen.add(n);
        if (p < 6) await press(page, pager.getByRole('button', { name: w.next }));
      }
      expect(seen.size).toBe(PAGED);
      // The last page: Next says it cannot go on, and keeps the focus.
      await expect(pager.getByRole('button', { name: w.next })).toHaveAttribute('aria-disabled', 'true');
      await page.keyboard.press('Enter');
      await expect(pager.getByRole('button', { name: w.next })).toBeFocused();
      await expect(pager.getByText(w.pageOf(6, 6), { exact: true })).toBeVisible();

      // Any page by its number.
      const goTo = pager.getByRole('textbox', { name: w.goTo });
      await goTo.focus();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('3');
      await page.keyboard.press('Enter');
      await expect(pager.getByText(w.pageOf(3, 6), { exact: true })).toBeVisible();
      const pageThree = await shownNumbers(results);

      // A filter by keyboard (the first channel), then a column header orders the list.
      const channel = page.getByLabel(w.channel, { exact: true });
      await channel.focus();
      await page.keyboard.press('ArrowDown');
      await expect(channel).toHaveValue('walk_in');
      await expect(results.getByRole('status').first()).toHaveText(w.count(PAGED / 2));
      const numberHeader = results.getByRole('columnheader', { name: new RegExp(w.number) });
      await press(page, numberHeader.getByRole('button'));
      await expect(numberHeader).toHaveAttribute('aria-sort', 'ascending');
      const ascending = await shownNumbers(results);
      expect(ascending).toEqual([...ascending].sort());
      await expectAccessible(page);

      // Reload: the same list (search, filter, order) from the address.
      await page.reload();
      await expect(page.getByRole('searchbox', { name: w.search })).toHaveValue('nguyen');
      await expect(page.getByLabel(w.channel, { exact: true })).toHaveValue('walk_in');
      await expect(page.getByRole('columnheader', { name: new RegExp(w.number) })).toHaveAttribute('aria-sort', 'ascending');
      expect(await shownNumbers(results)).toEqual(ascending);

      // Back, twice: before the order, before the filter (page 3 of the search).
      await page.goBack();
      await expect(page.getByLabel(w.channel, { exact: true })).toHaveValue('walk_in');
      await expect(page.getByRole('columnheader', { name: new RegExp(w.number) })).not.toHaveAttribute('aria-sort', 'ascending');
      await page.goBack();
      await expect(page.getByLabel(w.channel, { exact: true })).toHaveValue('');
      await expect(pager.getByText(w.pageOf(3, 6), { exact: true })).toBeVisible();
      expect(await shownNumbers(results)).toEqual(pageThree);

      // A row opens its case; back returns to the same page of the list.
      const first = pageThree[0] ?? '';
      await press(page, results.getByRole('button', { name: w.open(first) }));
      await expect(page.getByRole('heading', { level: 1, name: w.caseTitle(first) })).toBeVisible();
      await page.goBack();
      await expect(page.getByRole('heading', { level: 1, name: w.nav })).toBeFocused();
      await expect(pager.getByText(w.pageOf(3, 6), { exact: true })).toBeVisible();
      await expect(page.getByRole('searchbox', { name: w.search })).toHaveValue('nguyen');
    });
  }
}

test('a clerk finds cases by name but sees no date of birth or nationality', async ({ page, harness }) => {
  await seedPeople(harness, [clerk]);
  const c = await ok<CaseDetail>(harness, 'case.create', { intake: familyIntake([{ relationship: 'principal', nameAsWritten: 'Zoltán Kovács', nameLatin: 'Zoltán Kovács', dateOfBirth: '1980-03-07', nationality: 'HUN' }]) });
  await ok(harness, 'auth.signOut', {});
  await page.goto(harness.url);
  await signIn(page, clerk);
  await press(page, page.getByRole('navigation').getByRole('button', { name: 'All cases' }));
  await expect(page.getByRole('heading', { level: 1, name: 'All cases' })).toBeFocused();
  await search(page, page.getByRole('searchbox', { name: words.en.search }), 'kovacs');
  const results = page.getByRole('region', { name: 'Cases found' });
  await expect(results.getByRole('row').filter({ hasText: 'Zoltán Kovács' })).toContainText(c.caseNumber);
  await expect(results.getByRole('columnheader', { name: 'Date of birth' })).toHaveCount(0);
  await expect(results).not.toContainText('1980-03-07');
  await expect(results).not.toContainText('HUN');
  // Nothing of "needs my action": a clerk acts on no case.
  await expect(page.getByLabel('Needs my action')).toHaveCount(0);
  await expectAccessible(page);
});
