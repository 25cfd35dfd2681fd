import { useQuery } from '@tanstack/react-query';
import { todayIso } from '../../shared/schema/common';
import { DEFAULT_OFFICE_TIME_ZONE } from '../../shared/time/office-time';
import { call } from './ipc';

/** The office's time zone, as the back end's setting says (the default until the status is known). */
export function useOfficeTimeZone(): string {
  const status = useQuery({ queryKey: ['auth'], queryFn: () => call('auth.status', {}) });
  return status.data?.officeTimeZone ?? DEFAULT_OFFICE_TIME_ZONE;
}

/** Today's date at the office (YYYY-MM-DD), whatever the workstation's own zone. */
export function useOfficeToday(): string {
  return todayIso(new Date(), useOfficeTimeZone());
}
