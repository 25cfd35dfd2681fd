import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { FirstRunScreen } from './FirstRunScreen';

/**
 * Before anything else: has this computer chosen how it works? Only the desktop app's first run
 * has a choice to make; the harness and the office server answer `fixed`.
 */
export function DeploymentGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: ['deployment'], queryFn: () => call('deployment.status', {}), staleTime: Infinity });
  if (status.error) return <ErrorBanner error={errorOf(status.error)} />;
  if (!status.data) return <p role="status">{t('common.loading')}</p>;
  if (status.data.state === 'undecided') return <FirstRunScreen />;
  return <>{children}</>;
}
