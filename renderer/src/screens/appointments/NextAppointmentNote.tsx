import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatLocalDateTime } from '../../../../shared/time/format';
import { call } from '../../ipc';
import { localeOf, useLang } from '../../lang';
import { useOfficeTimeZone } from '../../office-time';

/**
 * " · appointment Nov 24, 2026, 10:00 a.m." in the case's heading: the booking to come, read from
 * the same list as the case's Appointments card, so a booking moved or cancelled there shows here
 * at once (the case itself is not read again for it).
 */
export function NextAppointmentNote({ caseId, initial }: { caseId: string; initial: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const timeZone = useOfficeTimeZone();
  const list = useQuery({ queryKey: ['case-appointments', caseId], queryFn: () => call('appointment.forCase', { caseId }), staleTime: 0 });
  const next = list.data ? list.data.find((a) => a.status === 'booked' || a.status === 'checked_in') : undefined;
  const at = list.data ? (next ? `${next.date}T${next.time}` : null) : initial;
  if (!at) return null;
  const when = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return <> · {t('handover.appointmentAt', { at: formatLocalDateTime(at, when) })}</>;
}
