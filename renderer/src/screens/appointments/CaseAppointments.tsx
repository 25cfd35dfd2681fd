import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appointmentRefusal } from '../../../../shared/case/lifecycle';
import type { CaseDetail } from '../../../../shared/schema/case-api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { AppointmentActions } from './AppointmentActions';
import { BookAppointmentForm } from './BookAppointmentForm';
import { useAppointmentFormat } from './format';

/**
 * A case's appointments on its page: the one to come with its actions, a form to book one when
 * there is none (while the case is in the programme), and every earlier booking as history.
 */
export function CaseAppointments({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const fmt = useAppointmentFormat();
  const [message, setMessage] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['case-appointments', detail.id], queryFn: () => call('appointment.forCase', { caseId: detail.id }), staleTime: 0 });
  const name = detail.intake.persons[0]?.nameLatin ?? detail.caseNumber;
  const all = list.data ?? [];
  const current = all.find((a) => a.status === 'booked');
  const whenOf = (id: string | null) => {
    const a = id ? all.find((x) => x.id === id) : undefined;
    return a ? fmt.when(a.date, a.time) : '';
  };
  return (
    <section className="card case-appointments" aria-labelledby="case-appointments-title">
      <h2 id="case-appointments-title">{t('appointments.section')}</h2>
      {message && (
        <p role="status" className="banner banner-ok">
          {message}
        </p>
      )}
      {list.error && <ErrorBanner error={errorOf(list.error)} />}
      {current && (
        <>
          <p>
            <strong>{t('appointments.current', { when: fmt.when(current.date, current.time) })}</strong> · {t(`appointments.kinds.${current.kind}`)}
          </p>
          <AppointmentActions appointment={current} name={name} onDone={setMessage} />
        </>
      )}
      {list.data && !current && appointmentRefusal(detail.status) === null && <BookAppointmentForm caseId={detail.id} onDone={setMessage} />}
      {list.data && all.length === 0 && appointmentRefusal(detail.status) !== null && <p className="hint">{t('appointments.noneForCase')}</p>}
      {all.filter((a) => a !== current).length > 0 && (
        <ul className="appointment-history">
          {all
            .filter((a) => a !== current)
            .map((a) => (
              <li key={a.id}>
                {fmt.when(a.date, a.time)} · {t(`appointments.kinds.${a.kind}`)} · <strong>{t(`appointments.statuses.${a.status}`)}</strong>
                {a.status === 'rescheduled' && a.rescheduledToId && <> ({t('appointments.movedTo', { when: whenOf(a.rescheduledToId) })})</>}
                {a.bookedByName && <> · {t('appointments.bookedBy', { name: a.bookedByName })}</>}
                {a.reason && <> · <span dir="auto">{a.reason}</span></>}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
