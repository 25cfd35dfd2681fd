import { formatLocalDateTime } from '../../../../shared/time/format';
import { localeOf, useLang } from '../../lang';
import { useOfficeTimeZone } from '../../office-time';

/**
 * Appointment dates and times in the screen's language, as the office's wall time (the zone of
 * the office, whatever this computer's): "Tuesday, November 24, 2026 at 10:00 a.m.",
 * "mardi 24 novembre 2026 à 10 h 00".
 */
export function useAppointmentFormat() {
  const locale = localeOf(useLang());
  const timeZone = useOfficeTimeZone();
  const whenFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone });
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone });
  const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  return {
    when: (date: string, time: string) => formatLocalDateTime(`${date}T${time}`, whenFormat),
    day: (date: string) => formatLocalDateTime(`${date}T12:00`, dayFormat),
    time: (date: string, time: string) => formatLocalDateTime(`${date}T${time}`, timeFormat),
  };
}
