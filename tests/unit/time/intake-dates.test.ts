import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { personIdentity } from '../../../shared/schema/case';
import { blankIntake } from '../../../shared/schema/intake';
import { intakeDocument } from '../../../shared/schema/intake';
import { futureDateIssues, intakeDocumentAsOf } from '../../../shared/time/intake-dates';

function intake(applicationDate: string, dateOfBirth: string) {
  const blank = blankIntake(randomUUID(), 'walk_in', applicationDate);
  return { ...blank, persons: [{ ...blank.persons[0], nameAsWritten: 'Amina Diallo', nameLatin: 'Amina Diallo', dateOfBirth, nationality: 'GIN' }] };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('dates in the future', () => {
  it('the static schemas do not read the wall clock', () => {
    const doc = intake('2030-05-01', '1990-01-01');
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-23T15:00:00Z'));
    expect(intakeDocument.safeParse(doc).success).toBe(true);
    vi.setSystemTime(new Date('2031-01-01T15:00:00Z'));
    expect(intakeDocument.safeParse(doc).success).toBe(true);
    expect(personIdentity.safeParse({ nameAsWritten: 'A', nameLatin: 'A', dateOfBirth: '2030-01-01', nationality: 'GIN' }).success).toBe(true);
  });

  it('intakeDocumentAsOf(today) judges against the date it is given, whatever the wall clock says', () => {
    const doc = intake('2026-11-24', '1990-01-01');
    vi.useFakeTimers();
    for (const wall of ['2020-01-01T12:00:00Z', '2026-11-24T12:00:00Z', '2035-01-01T12:00:00Z']) {
      vi.setSystemTime(new Date(wall));
      const before = intakeDocumentAsOf('2026-11-23').safeParse(doc);
      expect(before.success).toBe(false);
      expect(before.error?.issues.map((i) => [i.path, i.message])).toEqual([[['applicationDate'], 'validation.date_in_future']]);
      expect(intakeDocumentAsOf('2026-11-24').safeParse(doc).success).toBe(true);
    }
  });

  it('futureDateIssues names every future date with its path', () => {
    expect(futureDateIssues({ applicationDate: '2026-11-23', persons: [{ dateOfBirth: '1990-01-01' }, { dateOfBirth: '2026-11-24' }] }, '2026-11-23')).toEqual([
      { path: ['persons', 1, 'dateOfBirth'], messageKey: 'validation.date_in_future' },
    ]);
    expect(futureDateIssues({ applicationDate: '2026-11-24', persons: [{ dateOfBirth: '2026-11-25' }] }, '2026-11-23')).toEqual([
      { path: ['applicationDate'], messageKey: 'validation.date_in_future' },
      { path: ['persons', 0, 'dateOfBirth'], messageKey: 'validation.date_in_future' },
    ]);
    expect(futureDateIssues({ applicationDate: '2026-11-23', persons: [{ dateOfBirth: '' }] }, '2026-11-23')).toEqual([]);
  });

  it('the other checks of the schema still run (a date that is not real)', () => {
    const r = intakeDocumentAsOf('2026-11-23').safeParse(intake('2026-02-30', '1990-01-01'));
    expect(r.success).toBe(false);
    expect(r.error?.issues.some((i) => i.path.join('.') === 'applicationDate' && i.message === 'validation.date_invalid')).toBe(true);
  });
});
