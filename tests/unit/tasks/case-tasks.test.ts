import { describe, expect, it } from 'vitest';
import { NO_TASK_FACTS, caseTasks } from '../../../shared/case/tasks';
import type { TaskCase } from '../../../shared/case/tasks';
import { OFFICE_CALENDAR, OFFICE_HOURS } from '../../../shared/time/office-hours';
import type { OfficeCalendar } from '../../../shared/time/office-hours';

/** The pure rules on a fixture office calendar: weekends only, then one closure, then the real holidays. */
const weekendsOnly: OfficeCalendar = { hours: OFFICE_HOURS, closures: [] };
const withClosure: OfficeCalendar = { hours: OFFICE_HOURS, closures: [{ date: '2026-04-07', name: 'Office move', source: 'fixture' }] };
const referred = (referredOn: string): TaskCase => ({ id: 'c1', caseNumber: 'AVRR-2026-000001', status: 'referred', principalNameAsWritten: 'Bakary Keita', principalNameLatin: 'Bakary Keita', referredOn, facts: NO_TASK_FACTS });
const ack = (c: TaskCase, today: string, cal: OfficeCalendar) => caseTasks(c, today, cal).filter((x) => x.kind === 'acknowledgement_overdue').map((x) => `${x.dueOn} ${x.daysOverdue}`);

describe('caseTasks on a fixture calendar', () => {
  it('3 working days after a referral on Thursday 2 April 2026 end on Tuesday 7 (weekends only), Wednesday 8 (a closure), Thursday 9 (Good Friday, Easter Monday)', () => {
    const c = referred('2026-04-02');
    expect(ack(c, '2026-04-07', weekendsOnly)).toEqual([]);
    expect(ack(c, '2026-04-08', weekendsOnly)).toEqual(['2026-04-07 1']);
    expect(ack(c, '2026-04-08', withClosure)).toEqual([]);
    expect(ack(c, '2026-04-09', withClosure)).toEqual(['2026-04-08 1']);
    expect(ack(c, '2026-04-09', OFFICE_CALENDAR)).toEqual([]);
    expect(ack(c, '2026-04-10', OFFICE_CALENDAR)).toEqual(['2026-04-09 1']);
  });

  it('no task before referral, none on a case that has moved on', () => {
    expect(caseTasks({ ...referred('2026-01-05'), referredOn: null }, '2026-06-01')).toEqual([]);
    expect(caseTasks({ ...referred('2026-01-05'), status: 'closed' }, '2026-06-01')).toEqual([]);
    expect(caseTasks({ ...referred('2026-01-05'), status: 'withdrawn' }, '2026-06-01')).toEqual([]);
    // Both tasks on a referral never acknowledged for 30 days.
    expect(caseTasks(referred('2026-01-05'), '2026-02-04').map((x) => `${x.kind} ${x.dueOn} ${x.daysOverdue}`)).toEqual(['acknowledgement_overdue 2026-01-08 27', 'flight_not_booked 2026-01-26 9']);
  });
});
