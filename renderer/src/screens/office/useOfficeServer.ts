import { useQuery } from '@tanstack/react-query';
import { call } from '../../ipc';

/** True when the back end is the office server (auth.status says so): its workstations can be managed. */
export function useOfficeServer(): boolean {
  const status = useQuery({ queryKey: ['auth'], queryFn: () => call('auth.status', {}) });
  return status.data?.officeServer === true;
}
