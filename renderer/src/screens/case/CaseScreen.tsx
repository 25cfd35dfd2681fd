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
  if (!q.data)
    return q.error ? (
      <>
        <h1>{t('case.heading')}</h1>
        <ErrorBanner error={errorOf(q.error)} />
      </>
    ) : (
      <p role="status">{t('common.loading')}</p>
    );
  // A refresh that failed (the office server away, the session gone) never takes the form, and
  // what was typed in it, off the screen: the error shows above it.
  return (
    <>
      {q.error && <ErrorBanner error={errorOf(q.error)} />}
      <CaseWorkspace initial={q.data} user={user} />
    </>
  );
}
