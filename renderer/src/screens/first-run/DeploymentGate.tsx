import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { FirstRunScreen } from './FirstRunScreen';

/**
 * Before anything else: has this computer chosen how it works? Only the desktop app's first run
 * has a choice to make; the harness and the office server answer `fixed`. Once decided, the app
 * stays mounted whatever happens to this query later (a sign-out clears the query cache, an
 * unreachable server fails its refetch): the officer's screen is never swapped for a spinner.
 */
export function DeploymentGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: ['deployment'], queryFn: () => call('deployment.status', {}), staleTime: Infinity });
  const [decided, setDecided] = useState(false);
  const known = status.data;
  if (!decided && known && known.state !== 'undecided') setDecided(true);
  if (decided || (known && known.state !== 'undecided')) return <>{children}</>;
  if (known?.state === 'undecided') return <FirstRunScreen />;
  if (status.error) return <ErrorBanner error={errorOf(status.error)} />;
  return <p role="status">{t('common.loading')}</p>;
}
