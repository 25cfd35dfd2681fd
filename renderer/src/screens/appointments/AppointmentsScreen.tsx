import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPOINTMENT_SLOTS } from '../../../../shared/appointments/slots';
import { addDays, parseLocalDate } from '../../../../shared/time/office-time';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { useOfficeToday } from '../../office-time';
import { DayTable } from './DayTable';
import { useAppointmentFormat } from './format';

/**
 * The day view for the front counter and interview officers: one day's appointments in time
 * order (today first), the day before and after, or any day typed; each booking with its
 * actions. What was done is announced in a status line.
 */
export function AppointmentsScreen(props: { date?: string | undefined }) {
  const { t } = useTranslation();
  const fmt = useAppointmentFormat();
  const today = useOfficeToday();
  const [date, setDate] = useState(props.date ?? today);
  const [typed, setTyped] = useState(date);
  const [message, setMessage] = useState<string | null>(null);
  const dayId = useId();
  const day = useQuery({ queryKey: ['appointment-day', date], queryFn: () => call('appointment.day', { date }), staleTime: 0 });
  const show = (d: string) => {
    setDate(d);
    setTyped(d);
    setMessage(null);
  };
  const d = day.data;
  return (
    <section className="appointments-day" aria-labelledby="appointments-title">
      <h1 id="appointments-title">{t('appointments.title')}</h1>
      <div className="day-nav row-actions">
        <button type="button" onClick={() => show(addDays(date, -1))}>
          {t('appointments.previousDay')}
        </button>
        <button type="button" onClick={() => show(today)} aria-pressed={date === today}>
          {t('appointments.today')}
        </button>
        <button type="button" onClick={() => show(addDays(date, 1))}>
          {t('appointments.nextDay')}
        </button>
        <form
          className="day-jump"
          onSubmit={(e) => {
            e.preventDefault();
            if (parseLocalDate(typed)) show(typed);
          }}
        >
          <label htmlFor={dayId}>{t('appointments.day')}</label>
          <input id={dayId} type="date" value={typed} onChange={(e) => setTyped(e.target.value)} />
          <button type="submit">{t('appointments.show')}</button>
        </form>
      </div>
      {/* Read out when the day changes (Previous day, Next day, Show). */}
      <h2 aria-live="polite">
        {fmt.day(date)}
      </h2>
      {message && (
        <p role="status" className="banner banner-ok">
          {message}
        </p>
      )}
      {day.error && <ErrorBanner error={errorOf(day.error)} />}
      {d && (
        <>
          <p className="hint">{d.hours ? t('appointments.hours', { opens: fmt.time(d.date, d.hours.opens), closes: fmt.time(d.date, d.hours.closes), minutes: APPOINTMENT_SLOTS.minutes }) : t('appointments.closedDay')}</p>
          {d.appointments.length === 0 ? <p className="hint">{t('appointments.none')}</p> : <DayTable appointments={d.appointments} onDone={setMessage} />}
        </>
      )}
    </section>
  );
}
