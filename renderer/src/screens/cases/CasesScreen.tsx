import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/roles';
import type { SessionUser } from '../../../../shared/schema/auth';
import { CASE_PAGE_SIZE } from '../../../../shared/schema/limits';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { useNavigate } from '../../navigation';
import type { NavigateHow } from '../../navigation';
import { CaseFilters } from './CaseFilters';
import { CaseListTable } from './CaseListTable';
import { CaseSearchField } from './CaseSearchField';
import { listInput, withFilter, withSort } from './list-state';
import type { CaseListState } from './list-state';
import { Pager } from './Pager';
import './cases.css';

/**
 * Every case, a page at a time: search, filters (status or stage, officer, channel, application
 * dates, "needs my action"), order by any column, every page reachable. What it shows is the
 * route's state (navigation.ts), so the address holds it and back, forward and reload restore it.
 */
export function CasesScreen({ state, user }: { state: CaseListState; user: SessionUser }) {
  const { t } = useTranslation();
  const go = useNavigate();
  // Changes within the screen keep the focus where the officer is.
  const show = (list: CaseListState, how?: NavigateHow) => go({ name: 'cases', list }, { keepFocus: true, ...how });
  const input = listInput(state);
  const list = useQuery({ queryKey: ['case-list', input], queryFn: () => call('case.list', input), placeholderData: keepPreviousData });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / CASE_PAGE_SIZE)) : state.page;
  const count = data ? (data.more ? t('caseList.countMore', { count: data.total }) : t('cases.count', { count: data.total })) : t('common.loading');
  return (
    <div className="cases-screen">
      <h1>{t('caseList.title')}</h1>
      {/* Typing rewrites the current history entry: back leaves the screen, not one letter. */}
      <CaseSearchField value={state.query} onChange={(query) => show(withFilter(state, { query }), { replace: true })} />
      <CaseFilters state={state} user={user} onChange={(next) => show(next)} />
      <section aria-labelledby="case-list-results" aria-busy={list.isFetching || undefined}>
        <h2 id="case-list-results">{t('caseList.results')}</h2>
        <p role="status" className="case-count">
          {count}
        </p>
        {list.error && <ErrorBanner error={errorOf(list.error)} />}
        {data && data.items.length === 0 && <p className="hint">{t('caseList.none')}</p>}
        {data && data.items.length > 0 && (
          <>
            <CaseListTable items={data.items} facts={can(user.role, 'case.read_facts')} state={state} caption={t('caseList.caption', { page: state.page })} onSort={(k) => show(withSort(state, k))} />
            <Pager page={state.page} pages={pages} more={data.more} onPage={(page) => show({ ...state, page })} />
          </>
        )}
      </section>
    </div>
  );
}
