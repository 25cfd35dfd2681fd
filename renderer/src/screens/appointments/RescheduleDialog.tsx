import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { rescheduleAppointmentInput } from '../../../../shared/schema/appointments';
import type { AppointmentInfo } from '../../../../shared/schema/appointments';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useBackEndSubmit } from '../../hooks/useBackEndSubmit';
import { call } from '../../ipc';
import { useAppointmentFormat } from './format';
import { SlotPicker } from './SlotPicker';
import { useAppointmentsChanged } from './useAppointmentChange';

const schema = rescheduleAppointmentInput.pick({ date: true, time: true });
type Values = z.input<typeof schema>;

/** Move a booking to another free time; the old one stays in the case's history as moved. */
export function RescheduleDialog(props: { open: boolean; appointment: AppointmentInfo; name: string; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const fmt = useAppointmentFormat();
  const changed = useAppointmentsChanged();
  const a = props.appointment;
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { date: a.date, time: '' } });
  const { error, onSubmit } = useBackEndSubmit(form, async (v) => {
    changed(await call('appointment.reschedule', { appointmentId: a.id, date: v.date, time: v.time }), a.caseId);
    props.onDone(t('appointments.done.reschedule', { name: props.name }));
  });
  const e = form.formState.errors;
  const date = form.watch('date');
  const time = form.watch('time');
  const submitted = form.formState.isSubmitted;
  return (
    <Dialog open={props.open} title={t('appointments.rescheduleTitle', { name: props.name })} onClose={props.onClose}>
      <p>{t('appointments.rescheduleText', { when: fmt.when(a.date, a.time) })}</p>
      <form noValidate onSubmit={onSubmit}>
        <SlotPicker
          date={date}
          time={time}
          excluding={a.id}
          onDate={(d) => form.setValue('date', d, { shouldValidate: submitted })}
          onTime={(x) => form.setValue('time', x, { shouldValidate: submitted })}
          errors={{ date: e.date, time: e.time }}
        />
        <ErrorBanner error={error} />
        <div className="row-actions">
          {/* The dialog opens on its date field (Enter there without a new time moves nothing); going back comes first. */}
          <button type="button" onClick={props.onClose}>
            {t('appointments.goBack')}
          </button>
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('appointments.rescheduleConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
