import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appointmentActionRefusal } from '../../../../shared/appointments/status';
import type { AppointmentAction } from '../../../../shared/appointments/status';
import type { AppointmentInfo } from '../../../../shared/schema/appointments';
import { officeClock } from '../../../../shared/time/office-time';
import { useOfficeTimeZone } from '../../office-time';
import { ConfirmAppointmentDialog } from './ConfirmAppointmentDialog';
import type { ConfirmedAction } from './ConfirmAppointmentDialog';
import { useAppointmentFormat } from './format';
import { RescheduleDialog } from './RescheduleDialog';

/**
 * The buttons of one booking: check in, reschedule, cancel, no-show, each shown only when the
 * shared rule allows it now (the back end asks the same rule), each named with the person and
 * the time for screen readers, each confirmed in a dialog.
 */
export function AppointmentActions(props: { appointment: AppointmentInfo; name: string; onDone: (message: string) => void; only?: readonly AppointmentAction[] }) {
  const { t } = useTranslation();
  const fmt = useAppointmentFormat();
  const timeZone = useOfficeTimeZone();
  const [open, setOpen] = useState<AppointmentAction | null>(null);
  // The confirmation keeps its last action while it closes (the dialog stays mounted, so the focus goes back to the button).
  const [confirming, setConfirming] = useState<ConfirmedAction>('checkIn');
  const a = props.appointment;
  const clock = officeClock(() => new Date(), timeZone);
  const allowed = (x: AppointmentAction) => (props.only ? props.only.includes(x) : true) && appointmentActionRefusal(x, a, clock) === null;
  const time = fmt.time(a.date, a.time);
  const label = { name: props.name, time };
  const done = (message: string) => {
    setOpen(null);
    props.onDone(message);
  };
  const buttons: { action: AppointmentAction; text: string; named: string; tone?: string }[] = [
    { action: 'checkIn', text: t('appointments.checkIn'), named: t('appointments.checkInNamed', label), tone: 'primary' },
    { action: 'reschedule', text: t('appointments.reschedule'), named: t('appointments.rescheduleNamed', label) },
    { action: 'cancel', text: t('appointments.cancel'), named: t('appointments.cancelNamed', label), tone: 'danger' },
    { action: 'noShow', text: t('appointments.noShow'), named: t('appointments.noShowNamed', label), tone: 'danger' },
  ];
  const shown = buttons.filter((b) => allowed(b.action));
  if (shown.length === 0) return null;
  return (
    <div className="row-actions">
      {shown.map((b) => (
        <button
          key={b.action}
          type="button"
          className={b.tone}
          aria-label={b.named}
          onClick={() => {
            if (b.action !== 'reschedule') setConfirming(b.action);
            setOpen(b.action);
          }}
        >
          {b.text}
        </button>
      ))}
      <RescheduleDialog open={open === 'reschedule'} appointment={a} name={props.name} onClose={() => setOpen(null)} onDone={done} />
      <ConfirmAppointmentDialog open={open !== null && open !== 'reschedule'} action={confirming} appointment={a} name={props.name} onClose={() => setOpen(null)} onDone={done} />
    </div>
  );
}
