import type { Page } from '@playwright/test';
import { expect, expectAccessible, setUpSupervisor, supervisor, test } from './fixtures';
import { fillQuickIdentity, openCase, press, startIntake } from './intake.helpers';

async function savedDraft(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: /^Draft kept/ }).first()).toBeVisible();
}

async function signInAtLock(page: Page, username: string | null, password: string) {
  const lock = page.getByRole('dialog', { name: 'Workstation locked' });
  await expect(lock).toBeVisible();
  if (username) await lock.getByLabel('User name').fill(username);
  await lock.getByLabel('Password', { exact: true }).fill(password);
  await lock.getByLabel('Password', { exact: true }).press('Enter');
  await expect(lock).toHaveCount(0);
}

test('a new intake draft survives a reload and the idle lock, and stays its author’s alone', async ({ page, harness }) => {
  await page.clock.install();
  await setUpSupervisor(page, harness);

  // A second person for the user switch at the lock screen.
  await press(page, page.getByRole('button', { name: 'Accounts' }));
  const account = page.getByRole('region', { name: 'New account' });
  await account.getByLabel('Full name').fill('Omar Officer');
  await account.getByLabel('User name').fill('omar.officer');
  await account.getByLabel('Role').selectOption({ label: 'Interview officer' });
  await press(page, account.getByRole('button', { name: 'Create account' }));
  const otp = (await page.locator('code.otp').textContent()) ?? '';
  await press(page, page.getByRole('button', { name: "Today's cases" }));

  const form = page.getByRole('region', { name: 'New intake' });
  await fillQuickIdentity(form, { written: '王小明', latin: 'Wang Xiaoming', dob: '1992-10-08', nationality: 'chn' });
  await savedDraft(page);

  // A reload (or a crash): the draft is in the encrypted database, listed to resume.
  await page.reload();
  const drafts = page.getByRole('region', { name: 'Unfinished intakes (not yet saved as a case)' });
  await expect(drafts).toContainText('Wang Xiaoming');
  await expectAccessible(page);
  await press(page, drafts.getByRole('button', { name: 'Resume the intake of Wang Xiaoming' }));
  await expect(form.getByLabel('Name as written in documents')).toHaveValue('王小明');
  await expect(form.getByLabel('Name as written in documents')).toBeFocused();
  await expect(form.getByLabel('Nationality')).toHaveValue('CHN');
  await form.getByLabel('Phone number').fill('+1 647 555 0123');

  // The idle lock: what was typed last is saved before the screen locks, and is there after.
  await page.clock.fastForward(10 * 60_000 + 1_000);
  await signInAtLock(page, null, supervisor.password);
  await expect(form.getByLabel('Phone number')).toHaveValue('+1 647 555 0123');

  // Another person signs in at the lock screen: they neither see nor overwrite the draft.
  await press(page, page.getByRole('button', { name: 'Lock' }));
  await signInAtLock(page, 'omar.officer', otp);
  await page.getByLabel('Current password').fill(otp);
  await page.getByLabel('New password').fill('interviews every morning 2026');
  await page.getByLabel('New password').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: "Today's cases" })).toBeVisible();
  await expect(page.getByRole('region', { name: 'New intake' }).getByLabel('Name as written in documents')).toHaveValue('');
  await expect(page.getByRole('region', { name: 'Unfinished intakes (not yet saved as a case)' })).toContainText('None.');
  const theirs = await page.evaluate(() => window.avrr.invoke('today.summary', {}));
  expect(JSON.stringify(theirs)).not.toContain('Wang');

  // Back to the first person: the draft is there, with the phone number typed before the lock.
  await press(page, page.getByRole('button', { name: 'Lock' }));
  await signInAtLock(page, supervisor.username, supervisor.password);
  await press(page, page.getByRole('region', { name: 'Unfinished intakes (not yet saved as a case)' }).getByRole('button', { name: 'Resume the intake of Wang Xiaoming' }));
  await expect(page.getByRole('region', { name: 'New intake' }).getByLabel('Phone number')).toHaveValue('+1 647 555 0123');
});

test('a case draft: restored on reopening; after someone else saved the case, the officer chooses to keep their changes', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  const form = page.getByRole('region', { name: 'New intake' });
  await fillQuickIdentity(form, { written: 'Amina Yusuf', latin: 'Amina Yusuf', dob: '1990-01-20', nationality: 'SOM' });
  const number = await startIntake(page, form);
  await openCase(page, number);
  const travel = page.getByRole('region', { name: 'Travel' });
  await travel.getByLabel('Final destination').fill('Hargeisa');
  await savedDraft(page);

  // Meanwhile the case is saved elsewhere (another workstation): its version moves on.
  const bumped = await page.evaluate(async (caseNumber) => {
    const list = await window.avrr.invoke('case.list', { query: 'amina' });
    if (!list.ok) return 'list failed';
    const item = (list.value as { items: { id: string; caseNumber: string }[] }).items.find((c) => c.caseNumber === caseNumber);
    const got = await window.avrr.invoke('case.get', { caseId: item?.id });
    if (!got.ok) return 'get failed';
    const c = got.value as { id: string; version: number; intake: { contact: object } };
    const saved = await window.avrr.invoke('case.saveIntake', { caseId: c.id, baseVersion: c.version, intake: { ...c.intake, contact: { ...c.intake.contact, phone: '+1 905 555 0100' } } });
    return saved.ok ? 'saved' : JSON.stringify(saved.error);
  }, number);
  expect(bumped).toBe('saved');

  // Saving now meets the newer version: a clear message, nothing overwritten, the draft kept.
  await press(page, page.getByRole('button', { name: 'Save the intake' }));
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else saved this case' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Someone saved this case after you started your changes' })).toBeVisible();
  await expect(travel.getByLabel('Final destination')).toHaveValue('Hargeisa');
  // Field by field: what the other person saved, what the officer typed, and which is proposed.
  const differences = page.getByRole('table', { name: 'Fields that differ between the saved case and your changes' });
  const phone = differences.getByRole('row').filter({ hasText: 'Phone number' });
  await expect(phone).toContainText('+1 905 555 0100');
  await expect(phone.getByRole('radio', { name: 'The saved value' })).toBeChecked();
  const destination = differences.getByRole('row').filter({ hasText: 'Final destination' });
  await expect(destination).toContainText('Hargeisa');
  await expect(destination.getByRole('radio', { name: 'Mine' })).toBeChecked();
  await expectAccessible(page);

  // Reopened later: the draft comes back, with the same review (the other person's phone is not lost).
  await page.reload();
  await press(page, page.getByRole('button', { name: "Today's cases" }));
  await openCase(page, number);
  await expect(page.getByRole('region', { name: 'Travel' }).getByLabel('Final destination')).toHaveValue('Hargeisa');
  await expect(phone.getByRole('radio', { name: 'The saved value' })).toBeChecked();
  await press(page, page.getByRole('button', { name: 'Use these choices' }));
  await expect(page.getByRole('heading', { name: 'Someone saved this case after you started your changes' })).toHaveCount(0);
  await press(page, page.getByRole('button', { name: 'Save the intake' }));
  await expect(page.getByRole('status').filter({ hasText: 'The intake was saved.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Travel' }).getByLabel('Final destination')).toHaveValue('Hargeisa');
  await expect(page.getByLabel('Phone number')).toHaveValue('+1 905 555 0100');
});

test('typing reloaded away within a moment is not lost: the draft is sent as the page goes', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  const form = page.getByRole('region', { name: 'New intake' });
  await form.getByLabel('Name in Latin letters').pressSequentially('Selam Gebre');
  // No wait for "Draft kept": the reload comes before the autosave's pause is over.
  await page.reload();
  const drafts = page.getByRole('region', { name: 'Unfinished intakes (not yet saved as a case)' });
  await expect(drafts).toContainText('Selam Gebre');
});
