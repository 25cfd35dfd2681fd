import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentInfo } from '../../../../shared/schema/appointments';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { useAppointmentFormat } from './format';
import { useAppointmentsChanged } from './useAppointmentChange';

export type ConfirmedAction = 'checkIn' | 'cancel' | 'noShow';

const channelOf = { checkIn: 'appointment.checkIn', cancel: 'appointment.cancel', noShow: 'appointment.noShow' } as const;

/**
 * Check in, cancel or mark a no-show, asked once: the safe choice ("Keep the appointment") comes
 * first and has the focus. A cancellation may say why.
 */
export function ConfirmAppointmentDialog(props: { open: boolean; action: ConfirmedAction; appointment: AppointmentInfo; name: string; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const fmt = useAppointmentFormat();
  const changed = useAppointmentsChanged();
  const [reason, setReason] = useState('');
  const a = props.appointment;
  const run = useMutation({
    mutationFn: () => {
      const id = { appointmentId: a.id };
      const trimmed = reason.trim();
      return props.action === 'cancel' ? call('appointment.cancel', { ...id, ...(trimmed ? { reason: trimmed } : {}) }) : call(channelOf[props.action], id);
    },
    onSuccess: (list) => {
      changed(list, a.caseId);
      props.onDone(t(`appointments.done.${props.action}`, { name: props.name }));
    },
  });
  const reset = run.reset;
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!props.open) return;
    setReason('');
    reset();
    // The dialog has just been shown (its effect runs first) and focused its first control, the
    // reason of a cancellation: the safe choice takes the focus instead.
    keep.current?.focus();
  }, [props.open, reset]);
  const when = fmt.when(a.date, a.time);
  return (
    <Dialog open={props.open} title={t(`appointments.${props.action}Title`, { name: props.name })} onClose={props.onClose}>
      <p>{t(`appointments.${props.action}Text`, { name: props.name, when })}</p>
      {props.action === 'cancel' && (
        <div className="field">
          <label htmlFor="appointment-cancel-reason">{t('appointments.cancelReason')}</label>
          <input id="appointment-cancel-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      {run.error && <ErrorBanner error={errorOf(run.error)} />}
      <div className="row-actions">
        <button type="button" ref={keep} onClick={props.onClose}>
          {t('appointments.keep')}
        </button>
        <button type="button" className={props.action === 'checkIn' ? 'primary' : 'danger'} onClick={() => run.mutate()} disabled={run.isPending}>
          {t(`appointments.${props.action}Confirm`)}
        </button>
      </div>
    </Dialog>
  );
}
