import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { parseLocalDate } from '../../../../shared/time/office-time';
import type { FieldErrorLike } from '../../components/Field';
import { call } from '../../ipc';
import { useOfficeToday } from '../../office-time';
import { useAppointmentFormat } from './format';

/**
 * The date and time of an appointment, by keyboard: the browser's own date field (type or use its
 * calendar), then a list of the free times of that day at the office's slot length, as the back end
 * counts them (appointment.slots). The ids let a form put the focus on the field in error.
 */
export function SlotPicker(props: {
  date: string;
  time: string;
  onDate: (date: string) => void;
  onTime: (time: string) => void;
  /** The booking being moved (its own time counts as free). */
  excluding?: string;
  errors?: { date?: FieldErrorLike; time?: FieldErrorLike };
  /** Ids for the two controls (defaults are unique). */
  dateId?: string;
  timeId?: string;
}) {
  const { t } = useTranslation();
  const fmt = useAppointmentFormat();
  const today = useOfficeToday();
  const own = useId();
  const dateId = props.dateId ?? `${own}-date`;
  const timeId = props.timeId ?? `${own}-time`;
  const real = parseLocalDate(props.date) !== null;
  const slots = useQuery({
    queryKey: ['appointment-slots', props.date, props.excluding ?? null],
    queryFn: () => call('appointment.slots', { date: props.date, ...(props.excluding ? { excluding: props.excluding } : {}) }),
    enabled: real,
    staleTime: 0,
  });
  // Only the free times are offered: a time chosen before the date changed shows as "Choose a time" if that day has it taken.
  const options = slots.data?.slots.filter((s) => s.free) ?? [];
  const state = !real ? t('appointments.chooseDateFirst') : slots.data && !slots.data.hours ? t('appointments.closedDay') : slots.data && options.length === 0 ? t('appointments.noFreeSlot') : null;
  const error = (e: FieldErrorLike, id: string) =>
    e?.message ? (
      <p className="error" id={id}>
        {t(e.message, e.types ?? {})}
      </p>
    ) : null;
  const describe = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || undefined;
  return (
    <div className="slot-picker">
      <div className="field">
        <label htmlFor={dateId}>{t('appointments.date')}</label>
        <p className="hint" id={`${dateId}-hint`}>
          {t('appointments.dateHint')}
        </p>
        <input
          id={dateId}
          type="date"
          min={today}
          value={props.date}
          aria-describedby={describe(`${dateId}-hint`, Boolean(props.errors?.date?.message) && `${dateId}-error`)}
          aria-invalid={props.errors?.date?.message ? true : undefined}
          onChange={(e) => props.onDate(e.target.value)}
        />
        {error(props.errors?.date, `${dateId}-error`)}
      </div>
      <div className="field">
        <label htmlFor={timeId}>{t('appointments.slot')}</label>
        <p className="hint" id={`${timeId}-hint`}>
          {t('appointments.slotHint', { minutes: slots.data?.minutes ?? 30 })}
          {state && <> {state}</>}
        </p>
        <select
          id={timeId}
          value={options.some((s) => s.time === props.time) ? props.time : ''}
          aria-describedby={describe(`${timeId}-hint`, Boolean(props.errors?.time?.message) && `${timeId}-error`)}
          aria-invalid={props.errors?.time?.message ? true : undefined}
          onChange={(e) => props.onTime(e.target.value)}
        >
          <option value="">{t('appointments.chooseSlot')}</option>
          {options.map((s) => (
            <option key={s.time} value={s.time}>
              {fmt.time(props.date, s.time)}
            </option>
          ))}
        </select>
        {error(props.errors?.time, `${timeId}-error`)}
      </div>
    </div>
  );
}
