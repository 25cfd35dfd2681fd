import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schema/auth';
import { ErrorBanner } from '../components/ErrorBanner';
import { call, errorOf } from '../ipc';
import { NewCaseForm } from './NewCaseForm';

/** Cases: search by name (any script, accents ignored), date of birth or UCI; start a new intake. */
export function CasesScreen({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const searchId = useId();
  const list = useQuery({ queryKey: ['cases', deferred], queryFn: () => call('case.list', { query: deferred || undefined, limit: 50, offset: 0 }) });
  const date = new Intl.DateTimeFormat(i18n.language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <>
      <h1>{t('cases.title')}</h1>
      {can(user.role, 'case.create') && <NewCaseForm />}
      <section aria-labelledby="case-list-title">
        <h2 id="case-list-title">{t('cases.listTitle')}</h2>
        <div className="field">
          <label htmlFor={searchId}>{t('cases.search')}</label>
          <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={100} />
        </div>
        {list.error && <ErrorBanner error={errorOf(list.error)} />}
        <p role="status" className="hint">
          {list.data ? t('cases.count', { count: list.data.total }) : t('common.loading')}
        </p>
        {list.data && list.data.items.length > 0 && (
          <table className="cases">
            <caption className="visually-hidden">{t('cases.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.number')}</th>
                <th scope="col">{t('cases.principal')}</th>
                <th scope="col">{t('person.dateOfBirth')}</th>
                <th scope="col">{t('person.nationality')}</th>
                <th scope="col">{t('cases.persons')}</th>
                <th scope="col">{t('cases.status')}</th>
                <th scope="col">{t('cases.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id}>
                  <td>{c.caseNumber}</td>
                  <td>
                    <span dir="auto">{c.principalNameAsWritten}</span>
                    {c.principalNameLatin !== c.principalNameAsWritten && <span className="latin"> ({c.principalNameLatin})</span>}
                  </td>
                  <td>{c.principalDateOfBirth}</td>
                  <td>{c.principalNationality}</td>
                  <td>{c.personCount}</td>
                  <td>{t(`status.${c.status}`)}</td>
                  <td>{date.format(new Date(c.updatedAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
