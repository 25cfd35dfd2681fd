import { useTranslation } from 'react-i18next';
import type { AppointmentAction } from '../../../../shared/appointments/status';
import type { DayAppointment } from '../../../../shared/schema/appointments';
import { PersonName } from '../../components/PersonName';
import { OpenCaseButton } from '../today/CaseCells';
import { AppointmentActions } from './AppointmentActions';
import { useAppointmentFormat } from './format';

/** A day's bookings in time order: time, person, case, what for, status, and the actions. */
export function DayTable(props: { appointments: DayAppointment[]; onDone: (message: string) => void; only?: readonly AppointmentAction[]; caption?: string }) {
  const { t } = useTranslation();
  const fmt = useAppointmentFormat();
  return (
    <table className="appointments-table">
      {props.caption && <caption className="visually-hidden">{props.caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('appointments.time')}</th>
          <th scope="col">{t('appointments.person')}</th>
          <th scope="col">{t('appointments.case')}</th>
          <th scope="col">{t('appointments.kind')}</th>
          <th scope="col">{t('appointments.status')}</th>
          <th scope="col">{t('appointments.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {props.appointments.map((a) => (
          <tr key={a.id} className={`appointment-${a.status}`}>
            <td>{fmt.time(a.date, a.time)}</td>
            <td>
              <PersonName asWritten={a.principalNameAsWritten} latin={a.principalNameLatin} />
            </td>
            <td>
              {a.caseNumber} <OpenCaseButton caseId={a.caseId} caseNumber={a.caseNumber} />
            </td>
            <td>{t(`appointments.kinds.${a.kind}`)}</td>
            <td>{t(`appointments.statuses.${a.status}`)}</td>
            <td>
              <AppointmentActions appointment={a} name={a.principalNameLatin} onDone={props.onDone} {...(props.only ? { only: props.only } : {})} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
