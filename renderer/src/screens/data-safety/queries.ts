import { useQuery } from '@tanstack/react-query';
import { call } from '../../ipc';

export const BACKUP_STATUS_KEY = ['backup-status'] as const;
export const KEY_STATUS_KEY = ['keys-status'] as const;
export const RETENTION_KEY = ['retention'] as const;

/**
 * The backups' status; asked again every second while a backup runs (its progress), and not at
 * all otherwise (the result comes with the last poll).
 */
export function useBackupStatus(enabled = true) {
  return useQuery({
    queryKey: BACKUP_STATUS_KEY,
    queryFn: () => call('backup.status', {}),
    enabled,
    refetchInterval: (q) => (q.state.data?.running ? 1000 : false),
  });
}
