import { useQueryClient } from '@tanstack/react-query';
import type { AppointmentInfo } from '../../../../shared/schema/appointments';

/** After a booking changes: every list that shows it reads again (the day, Today, the case, the free times). */
export function useAppointmentsChanged(): (list: AppointmentInfo[], caseId: string) => void {
  const qc = useQueryClient();
  return (list, caseId) => {
    qc.setQueryData(['case-appointments', caseId], list);
    void qc.invalidateQueries({ queryKey: ['appointment-day'] });
    void qc.invalidateQueries({ queryKey: ['appointment-slots'] });
    void qc.invalidateQueries({ queryKey: ['today'] });
    void qc.invalidateQueries({ queryKey: ['case-appointments', caseId] });
  };
}
