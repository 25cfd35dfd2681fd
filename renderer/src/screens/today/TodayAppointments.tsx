import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayAppointment } from '../../../../shared/schema/appointments';
import { useNavigate } from '../../navigation';
import { DayTable } from '../appointments/DayTable';

/** Today's appointments in time order, each person checked in as they arrive; the whole day view one button away. */
export function TodayAppointments({ appointments }: { appointments: DayAppointment[] }) {
  const { t } = useTranslation();
  const go = useNavigate();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="today-appointments-title" className="today-list">
      <h2 id="today-appointments-title">
        {t('today.appointments')} <span className="count">({appointments.length})</span>
      </h2>
      {message && (
        <p role="status" className="banner banner-ok">
          {message}
        </p>
      )}
      {appointments.length === 0 ? (
        <p className="hint">{t('today.noAppointments')}</p>
      ) : (
        <>
          <p className="hint">{t('appointments.todayIntro')}</p>
          <DayTable appointments={appointments} onDone={setMessage} only={['checkIn']} />
        </>
      )}
      <p>
        <button type="button" className="link-button" onClick={() => go({ name: 'appointments' })}>
          {t('appointments.openDay')}
        </button>
      </p>
    </section>
  );
}
