import { intakeDocument } from '../schema/intake';
import type { LocalDate } from './office-time';

/**
 * "Not in the future" for the dates of an intake, checked against the office's date that the
 * caller passes (OfficeClock.today() in the core, the office date in the renderer). The static
 * schemas only check that a date is real: they never read the wall clock.
 */

export interface FutureDateIssue {
  path: (string | number)[];
  messageKey: 'validation.date_in_future';
}

/** The issue for one date after `today`, or none (an absent or empty date is not checked here). */
export function futureDateIssue(date: string | null | undefined, today: LocalDate, path: (string | number)[]): FutureDateIssue[] {
  return date && date > today ? [{ path, messageKey: 'validation.date_in_future' }] : [];
}

/** The application date and every date of birth must be on or before `today` (YYYY-MM-DD). */
export function futureDateIssues(intake: { applicationDate: string; persons: readonly { dateOfBirth: string }[] }, today: LocalDate): FutureDateIssue[] {
  return [
    ...futureDateIssue(intake.applicationDate, today, ['applicationDate']),
    ...intake.persons.flatMap((p, i) => futureDateIssue(p.dateOfBirth, today, ['persons', i, 'dateOfBirth'])),
  ];
}

/** The intake schema of a form filled on `today`: the static schema plus "no date in the future". */
export function intakeDocumentAsOf(today: LocalDate) {
  return intakeDocument.superRefine((doc, ctx) => {
    for (const issue of futureDateIssues(doc, today)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.messageKey });
  });
}
