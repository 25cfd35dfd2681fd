import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/roles';
import type { SessionUser } from '../../../../shared/schema/auth';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { CaseOverviewScreen } from './CaseOverviewScreen';
import { CaseWorkspace } from './CaseWorkspace';

/**
 * One case. Those who work on it (`case.read_facts`) get the whole case; a clerk gets its
 * overview (the back end refuses them the whole case in any case).
 */
export function CaseScreen({ caseId, user }: { caseId: string; user: SessionUser }) {
  return can(user.role, 'case.read_facts') ? <WholeCase caseId={caseId} user={user} /> : <CaseOverviewScreen caseId={caseId} />;
}

/** The whole case: loaded fresh every time it is opened (never from a cache another person filled). */
function WholeCase({ caseId, user }: { caseId: string; user: SessionUser }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['case', caseId], queryFn: () => call('case.get', { caseId }), staleTime: Infinity, gcTime: 0 });
  if (q.error)
    return (
      <>
        <h1>{t('case.heading')}</h1>
        <ErrorBanner error={errorOf(q.error)} />
      </>
    );
  if (!q.data) return <p role="status">{t('common.loading')}</p>;
  return <CaseWorkspace initial={q.data} user={user} />;
}
