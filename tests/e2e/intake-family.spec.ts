import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, setUpSupervisor, test } from './fixtures';
import { choose, fillQuickIdentity, openCase, press, startIntake } from './intake.helpers';

const family = [
  { written: 'Andrés Gómez Restrepo', latin: 'Andres Gomez Restrepo', dob: '1981-02-14' },
  { written: 'Lucía Fernández de Gómez', latin: 'Lucia Fernandez de Gomez', dob: '1984-09-03', add: 'Add spouse or partner' },
  { written: 'Mateo Gómez', latin: 'Mateo Gomez', dob: '2010-06-21', add: 'Add child' },
  { written: 'Valentina Gómez', latin: 'Valentina Gomez', dob: '2014-01-30', add: 'Add child' },
] as const;

function personIn(section: Locator, latin: string): Locator {
  return section.getByRole('group', { name: latin });
}

async function answerPrincipal(page: Page, claim: Locator, exclusions: Locator, compliance: Locator) {
  const p = personIn(claim, family[0].latin);
  await choose(page, p, 'Outcome of the refugee claim', 'Rejected');
  await choose(page, p, /in or around the Greater Toronto Area/, 'Yes');
  await p.getByLabel('Date of the refugee claim').fill('2024-03-10');
  await p.getByLabel('Date of the refugee decision').fill('2025-01-15');
  await choose(page, p, /no credible basis/, 'No');
  await choose(page, p, /manifestly unfounded/, 'No');
  await choose(page, p, /Refugee Appeal Division/, 'Appeal dismissed');
  await choose(page, p, /Federal Court leave/, 'No');
  await choose(page, p, /pre-removal risk assessment/, 'No');
  const x = personIn(exclusions, family[0].latin);
  for (const q of ['Does the person have a criminal record?', /security grounds/, /rights violations/, /organized criminality/, /spousal sponsorship/]) await choose(page, x, q, 'No');
  await choose(page, personIn(compliance, family[0].latin), /comply with all the conditions/, 'Yes');
}

test('interview: a family of four through the interview to an eligible decision, T1 $2,000 each (keyboard only)', async ({ page, harness }) => {
  // Every fact of four people, the packet's travel and escort facts included, typed by keyboard: a long interview.
  test.setTimeout(150_000);
  await setUpSupervisor(page, harness);
  const form = page.getByRole('region', { name: 'New intake' });
  await choose(page, form, 'How the person came', 'Reporting interview');
  await fillQuickIdentity(form, { ...family[0], nationality: 'COL', uci: '5566778899' });
  const number = await startIntake(page, form);
  await openCase(page, number);

  // The outline: every section is a link, with its progress.
  const outline = page.getByRole('navigation', { name: 'Interview sections' });
  await expect(outline.getByRole('link')).toHaveCount(8);
  await press(page, outline.getByRole('link', { name: 'Persons' }));
  await expect(page.getByRole('heading', { name: 'Persons', level: 2 })).toBeFocused();

  const persons = page.getByRole('region', { name: 'Persons' });
  for (const [i, p] of family.entries()) {
    if (i === 0 || !('add' in p)) continue;
    await press(page, persons.getByRole('button', { name: p.add }));
    const card = persons.getByRole('group', { name: `Person ${i + 1}` });
    await expect(card.getByRole('radio').first()).toBeFocused();
    // The card takes the person's name as soon as it is typed.
    await card.getByLabel('Name in Latin letters').fill(p.latin);
    const named = persons.getByRole('group', { name: p.latin });
    await named.getByLabel('Name as written in documents').fill(p.written);
    await named.getByLabel('Date of birth').fill(p.dob);
    await named.getByLabel('Nationality').fill('COL');
  }
  await expect(outline.getByRole('listitem').filter({ hasText: 'Persons' })).toContainText('16 of 16 answered');

  const claim = page.getByRole('region', { name: 'Refugee claim and recourse' });
  const exclusions = page.getByRole('region', { name: 'Exclusions' });
  const compliance = page.getByRole('region', { name: 'Compliance with conditions' });
  await answerPrincipal(page, claim, exclusions, compliance);
  for (const p of family.slice(1)) {
    await press(page, claim.getByRole('button', { name: `Copy the principal applicant's answers to ${p.latin} (then check them)` }));
  }
  await expect(outline.getByRole('listitem').filter({ hasText: 'Exclusions' })).toContainText('20 of 20 answered');

  const travel = page.getByRole('region', { name: 'Travel' });
  await travel.getByLabel('Country of return').fill('col');
  await travel.getByLabel('Final destination').fill('Medellín');
  // Everything the referral packet prints is needed for an eligible decision (lifecycle: decision_ready).
  for (const p of family) {
    await choose(page, personIn(travel, p.latin), 'Passport or travel document', 'Valid passport');
    await personIn(travel, p.latin).getByLabel('Expiry date of the document').fill('2030-05-01');
  }
  const needs = page.getByRole('region', { name: 'Special needs' });
  for (const p of family) {
    await choose(page, personIn(needs, p.latin), 'Needs a medical escort?', 'No');
    await choose(page, personIn(needs, p.latin), 'Needs a non-medical escort?', 'No');
  }
  await choose(page, page.getByRole('region', { name: 'Application and contact' }), 'Is an interpreter needed?', 'No');
  const reintegration = page.getByRole('region', { name: 'Reintegration preferences' });
  for (const c of ['Temporary accommodation and housing', 'Small business support']) {
    const box = reintegration.getByRole('checkbox', { name: c });
    await box.focus();
    await page.keyboard.press('Space');
  }

  // The live panel: every person eligible, tier T1, $2,000 each, $8,000 for the family.
  const panel = page.getByRole('region', { name: 'Eligibility (live)' });
  await expect(panel).toContainText('Family of 4: Eligible.');
  await expect(panel).toContainText('Up to $8,000 in total.');
  for (const p of family) {
    const row = panel.getByRole('row', { name: new RegExp(p.latin) });
    await expect(row).toContainText('Eligible');
    await expect(row).toContainText('T1');
    await expect(row).toContainText('$2,000');
  }
  await expect(panel.getByRole('row', { name: /Family total/ })).toContainText('$8,000');
  await expect(page.getByRole('status').filter({ hasText: /^Draft kept/ })).toBeVisible();
  await expectAccessible(page);

  // Record the decision: saved first, then decided by the back end on the stored intake.
  await press(page, page.getByRole('button', { name: 'Save and record the decision' }));
  await expect(page.getByRole('status').filter({ hasText: 'Decision recorded: Eligible.' })).toBeVisible();
  const decision = page.getByRole('region', { name: 'Recorded decision' });
  await expect(decision).toContainText(/Eligible — decided .* under policy version \S+/);
  await expect(decision).toContainText('Valentina Gomez: Eligible · T1 · $2,000');
  await expect(page.getByText('Status: Decided')).toBeVisible();

  // It stays recorded: reopened later, from the Today screen.
  await press(page, page.getByRole('button', { name: "Today's cases" }));
  await openCase(page, number);
  await expect(page.getByRole('region', { name: 'Recorded decision' })).toContainText('Andres Gomez Restrepo: Eligible · T1 · $2,000');
  await expect(page.getByRole('region', { name: 'Persons' }).getByRole('group', { name: 'Valentina Gomez' })).toBeVisible();

  await press(page, page.getByRole('button', { name: 'Français' }).first());
  await expect(page.getByRole('region', { name: 'Décision enregistrée' })).toContainText('Admissible');
  await expect(page.getByRole('region', { name: 'Admissibilité (en direct)' })).toContainText('8 000 $');
  await expectAccessible(page);
});
