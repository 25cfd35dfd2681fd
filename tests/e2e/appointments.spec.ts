import { test as base } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAppCore } from '../../electron/core/app-core';
import { devPlaintextSealer } from '../../electron/core/keys/sealer';
import { startHarnessServer } from '../../electron/web/server';
import type { AppointmentDay } from '../../shared/schema/appointments';
import type { CaseDetail } from '../../shared/schema/case-api';
import { familyIntake } from '../fixtures/intakes';
import { couple, expect, expectAccessible, frontCounter, ok, openCase, press, seedPeople, signIn } from './fixtures';
import type { Harness } from './fixtures';
import { choose, fillQuickIdentity, startIntake } from './intake.helpers';

/**
 * Issue 13 point 2, by keyboard only, at both window sizes and in both languages: book an
 * appointment from the case page, reschedule it from the day view, and mark a no-show once its
 * time has passed. The back end's clock and the page's clock are the same office morning
 * (Monday 23 November 2026, 09:20 in Mississauga), moved together.
 */
type OfficeClock = { now: Date; set(page: Page, iso: string): Promise<void> };
const test = base.extend<{ office: { harness: Harness; clock: OfficeClock } }>({
  office: async ({ page }, use) => {
    const clock: OfficeClock = {
      now: new Date('2026-11-23T14:20:00Z'),
      async set(p, iso) {
        this.now = new Date(iso);
        await p.clock.setFixedTime(this.now);
      },
    };
    await page.clock.setFixedTime(clock.now);
    const dataDir = mkdtempSync(join(tmpdir(), 'avrr-e2e-appt-'));
    const core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'e2e-workstation', now: () => clock.now });
    const server = await startHarnessServer(core, { rendererDir: resolve('out/web'), port: 0 });
    await use({ harness: { url: server.url, origin: server.origin, dataDir, core }, clock });
    await server.close();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

const sizes = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

const words = {
  en: {
    section: 'Appointments',
    nav: 'Appointments',
    date: 'Date',
    time: 'Time',
    book: 'Book',
    booked: /Appointment booked for Monday, November 23, 2026/,
    heading: 'appointment Nov 23, 2026',
    reschedule: /^Reschedule the appointment of Bakary Keita/,
    rescheduleTitle: 'Reschedule the appointment of Bakary Keita',
    move: 'Move the appointment',
    moved: 'The appointment of Bakary Keita is moved.',
    nextDay: 'Next day',
    previousDay: 'Previous day',
    noShow: /^Mark Bakary Keita as a no-show/,
    noShowTitle: 'Mark Bakary Keita as a no-show?',
    keep: 'Keep the appointment',
    confirmNoShow: 'Mark as no-show',
    noShowDone: 'Bakary Keita is marked as a no-show.',
    didNotCome: 'Did not come',
    bookedStatus: 'Booked',
  },
  fr: {
    section: 'Rendez-vous',
    nav: 'Rendez-vous',
    date: 'Date',
    time: 'Heure',
    book: 'Réserver',
    booked: /Rendez-vous fixé le lundi 23 novembre 2026/,
    heading: 'rendez-vous 23 nov. 2026',
    reschedule: /^Déplacer le rendez-vous de Bakary Keita/,
    rescheduleTitle: 'Déplacer le rendez-vous de Bakary Keita',
    move: 'Déplacer le rendez-vous',
    moved: 'Le rendez-vous de Bakary Keita est déplacé.',
    nextDay: 'Jour suivant',
    previousDay: 'Jour précédent',
    noShow: /^Marquer Bakary Keita comme absent/,
    noShowTitle: 'Marquer Bakary Keita comme absent\u00a0?',
    keep: 'Garder le rendez-vous',
    confirmNoShow: 'Marquer comme absent',
    noShowDone: 'Bakary Keita est marqué comme absent.',
    didNotCome: 'Absent',
    bookedStatus: 'Prévu',
  },
} as const;

/** Choose an option of a focused <select> by typing the start of its text, as a keyboard user does. */
async function typeToSelect(page: Page, select: ReturnType<Page['getByLabel']>, prefix: string, value: string): Promise<void> {
  // The day's free times arrive from the back end: type once they are listed, as a person would.
  await expect(select.locator(`option[value="${value}"]`)).toHaveCount(1);
  await select.focus();
  await page.keyboard.type(prefix);
  await expect(select).toHaveValue(value);
}

for (const size of sizes) {
  for (const lang of ['en', 'fr'] as const) {
    const w = words[lang];
    test(`appointments ${size.width}x${size.height} ${lang}: book, reschedule and mark a no-show, keyboard only`, async ({ page, office }) => {
      const { harness, clock } = office;
      await seedPeople(harness, [frontCounter]);
      // The office's longest idle lock: the test moves the clock 11 minutes at once.
      await ok(harness, 'settings.setIdleLock', { minutes: 15 });
      const made = await ok<CaseDetail>(harness, 'case.create', { intake: familyIntake([...couple]) });
      await harness.core.invoke('auth.signOut', {});
      await page.setViewportSize(size);
      await page.goto(harness.url);
      await signIn(page, frontCounter);
      await openCase(page, 'Keita', made.caseNumber);
      if (lang === 'fr') await press(page, page.getByRole('button', { name: 'Français' }));

      // Book from the case page: the browser's date field, then one of that day's free times.
      const card = page.getByRole('region', { name: w.section, exact: true });
      await expect(card).toBeVisible();
      await card.getByLabel(w.date, { exact: true }).focus();
      await page.keyboard.type('11232026');
      await expect(card.getByLabel(w.date, { exact: true })).toHaveValue('2026-11-23');
      // 09:00 has passed (it is 09:20): the first time offered is 09:30.
      await typeToSelect(page, card.getByLabel(w.time, { exact: true }), '10', '10:00');
      await expectAccessible(page);
      await press(page, card.getByRole('button', { name: w.book, exact: true }));
      await expect(card.getByRole('status')).toHaveText(w.booked);
      // The case's heading says it at once.
      await expect(page.locator('.case-status')).toContainText(w.heading);

      // The day view: today by default, in time order, with the booking's actions.
      await press(page, page.getByRole('navigation').getByRole('button', { name: w.nav, exact: true }));
      await expect(page.getByRole('heading', { level: 1, name: w.nav })).toBeFocused();
      const row = page.getByRole('row').filter({ hasText: made.caseNumber });
      await expect(row).toContainText(w.bookedStatus);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(sideways).toBeLessThanOrEqual(0);
      await expectAccessible(page);

      // Reschedule to 09:30: the dialog opens on its first field, the day (kept).
      await press(page, row.getByRole('button', { name: w.reschedule }));
      const moveDialog = page.getByRole('dialog', { name: w.rescheduleTitle });
      await expect(moveDialog.getByLabel(w.date, { exact: true })).toBeFocused();
      await expect(moveDialog.getByLabel(w.date, { exact: true })).toHaveValue('2026-11-23');
      await typeToSelect(page, moveDialog.getByLabel(w.time, { exact: true }), lang === 'fr' ? '09' : '9', '09:30');
      await expectAccessible(page);
      await press(page, moveDialog.getByRole('button', { name: w.move }));
      await expect(page.getByRole('status').filter({ hasText: w.moved })).toBeVisible();
      await expect(page.getByRole('row').filter({ hasText: made.caseNumber })).toHaveCount(1);

      // 09:31: the person has not come. The day is read again (next day and back).
      await clock.set(page, '2026-11-23T14:31:00Z');
      await press(page, page.getByRole('button', { name: w.nextDay }));
      await press(page, page.getByRole('button', { name: w.previousDay }));
      await press(page, row.getByRole('button', { name: w.noShow }));
      const noShowDialog = page.getByRole('dialog', { name: w.noShowTitle });
      await expect(noShowDialog.getByRole('button', { name: w.keep })).toBeFocused();
      await expectAccessible(page);
      await page.keyboard.press('Tab');
      await expect(noShowDialog.getByRole('button', { name: w.confirmNoShow })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status').filter({ hasText: w.noShowDone })).toBeVisible();
      await expect(row).toContainText(w.didNotCome);
      await expect(row.getByRole('button')).toHaveText([lang === 'fr' ? 'Ouvrir' : 'Open']);
      await expectAccessible(page);

      // The case keeps the history: the moved booking and the missed one.
      const history = await ok<{ time: string; status: string }[]>(harness, 'appointment.forCase', { caseId: made.id });
      expect(history.map((a) => [a.time, a.status])).toEqual([
        ['10:00', 'rescheduled'],
        ['09:30', 'no_show'],
      ]);
    });
  }
}

for (const lang of ['en', 'fr'] as const) {
  const t = {
    en: { today: "Today's cases", list: "Today's reporting appointments", checkIn: /^Check in Bakary Keita/, title: 'Check in Bakary Keita?', confirm: 'Check in', keep: 'Keep the appointment', done: 'Bakary Keita is checked in.', arrived: 'Arrived' },
    fr: { today: 'Dossiers du jour', list: 'Rendez-vous de présentation d’aujourd’hui', checkIn: /^Enregistrer l’arrivée de Bakary Keita/, title: 'Enregistrer l’arrivée de Bakary Keita\u00a0?', confirm: 'Enregistrer l’arrivée', keep: 'Garder le rendez-vous', done: 'L’arrivée de Bakary Keita est enregistrée.', arrived: 'Arrivé' },
  }[lang];
  test(`today's appointments 1280x720 ${lang}: in time order, check-in by keyboard`, async ({ page, office }) => {
    const { harness } = office;
    await seedPeople(harness, [frontCounter]);
    const later = await ok<CaseDetail>(harness, 'case.create', { intake: familyIntake([{ relationship: 'principal', nameAsWritten: 'Hawa Traoré', nameLatin: 'Hawa Traore', dateOfBirth: '1990-05-01', nationality: 'MLI' }]) });
    const first = await ok<CaseDetail>(harness, 'case.create', { intake: familyIntake([...couple]) });
    await ok(harness, 'appointment.book', { caseId: later.id, date: '2026-11-23', time: '11:00', kind: 'follow_up' });
    await ok(harness, 'appointment.book', { caseId: first.id, date: '2026-11-23', time: '09:30', kind: 'interview' });
    await harness.core.invoke('auth.signOut', {});
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(harness.url);
    await signIn(page, frontCounter);
    if (lang === 'fr') await press(page, page.getByRole('button', { name: 'Français' }));
    await press(page, page.getByRole('navigation').getByRole('button', { name: t.today, exact: true }));
    const list = page.getByRole('region', { name: new RegExp(`^${t.list}`) });
    // In time order, whatever the order of booking.
    await expect(list.getByRole('row').nth(1)).toContainText(first.caseNumber);
    await expect(list.getByRole('row').nth(2)).toContainText(later.caseNumber);
    await press(page, list.getByRole('button', { name: t.checkIn }));
    const dialog = page.getByRole('dialog', { name: t.title });
    await expect(dialog.getByRole('button', { name: t.keep })).toBeFocused();
    await expectAccessible(page);
    await press(page, dialog.getByRole('button', { name: t.confirm, exact: true }));
    await expect(list.getByRole('status')).toHaveText(t.done);
    await expect(list.getByRole('row').nth(1)).toContainText(t.arrived);
    await expectAccessible(page);
  });
}

test('hand-over at the counter 1280x720 en: the appointment is a date and a free time, and the case is not a walk-in waiting', async ({ page, office }) => {
  const { harness } = office;
  await seedPeople(harness, [frontCounter]);
  await harness.core.invoke('auth.signOut', {});
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(harness.url);
  await signIn(page, frontCounter);
  await press(page, page.getByRole('navigation').getByRole('button', { name: "Today's cases", exact: true }));
  const form = page.getByRole('region', { name: 'New intake' });
  await choose(page, form, 'How the person came', 'Walk-in (front counter)');
  await fillQuickIdentity(form, { written: 'Hawa Traoré', latin: 'Hawa Traore', dob: '1990-05-01', nationality: 'mli' });
  await choose(page, form, 'Hand over to an interview', 'Book a reporting appointment');
  const date = form.getByLabel('Date', { exact: true });
  await date.focus();
  await page.keyboard.type('11242026');
  await typeToSelect(page, form.getByLabel('Time', { exact: true }), '10', '10:00');
  await expectAccessible(page);
  const number = await startIntake(page, form);
  await expect(page.getByRole('status').filter({ hasText: 'handed over to an interview' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Walk-ins waiting/ })).not.toContainText(number);
  const day = await ok<AppointmentDay>(harness, 'appointment.day', { date: '2026-11-24' });
  expect(day.appointments.map((a) => [a.time, a.caseNumber, a.kind, a.status])).toEqual([['10:00', number, 'interview', 'booked']]);
});
