import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { appointmentKinds, bookAppointmentInput } from '../../../../shared/schema/appointments';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useBackEndSubmit } from '../../hooks/useBackEndSubmit';
import { call } from '../../ipc';
import { useAppointmentFormat } from './format';
import { SlotPicker } from './SlotPicker';
import { useAppointmentsChanged } from './useAppointmentChange';

const schema = bookAppointmentInput.pick({ date: true, time: true, kind: true });
type Values = z.input<typeof schema>;

/** Book an appointment for a case: a working day, a free time, what it is for. */
export function BookAppointmentForm(props: { caseId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const fmt = useAppointmentFormat();
  const changed = useAppointmentsChanged();
  const kindId = useId();
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { date: '', time: '', kind: 'interview' } });
  const { error, onSubmit } = useBackEndSubmit(form, async (v) => {
    changed(await call('appointment.book', { caseId: props.caseId, ...v }), props.caseId);
    props.onDone(t('appointments.done.booked', { when: fmt.when(v.date, v.time) }));
  });
  const e = form.formState.errors;
  const submitted = form.formState.isSubmitted;
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby={`${kindId}-title`}>
      <h3 id={`${kindId}-title`}>{t('appointments.book')}</h3>
      <SlotPicker
        date={form.watch('date')}
        time={form.watch('time')}
        onDate={(d) => form.setValue('date', d, { shouldValidate: submitted })}
        onTime={(x) => form.setValue('time', x, { shouldValidate: submitted })}
        errors={{ date: e.date, time: e.time }}
      />
      <div className="field">
        <label htmlFor={kindId}>{t('appointments.kindField')}</label>
        <select id={kindId} {...form.register('kind')}>
          {appointmentKinds.map((k) => (
            <option key={k} value={k}>
              {t(`appointments.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorBanner error={error} />
      <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
        {t('appointments.bookConfirm')}
      </button>
    </form>
  );
}
