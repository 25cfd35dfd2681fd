import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';
import { PersonName } from '../../components/PersonName';
import { OpenCaseButton } from './CaseCells';

/**
 * Find a person by name (any script, accents ignored), date of birth or UCI, as you type. Each
 * keystroke is its own query; only the answer for the text in the box is ever shown, so a slow
 * answer to an older text can never replace a newer one.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const id = useId();
  const q = text.trim();
  const list = useQuery({
    queryKey: ['case-search', q],
    queryFn: () => call('case.list', { query: q, limit: 20, offset: 0 }),
    enabled: q !== '',
    placeholderData: keepPreviousData,
    staleTime: 2_000,
  });
  const data = q !== '' && !list.isPlaceholderData ? list.data : undefined;
  return (
    <section aria-labelledby={`${id}-title`} className="search" role="search">
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('search.title')}
      </h2>
      <div className="field">
        <label htmlFor={id}>{t('cases.search')}</label>
        <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} maxLength={100} autoComplete="off" />
      </div>
      {list.error && <ErrorBanner error={errorOf(list.error)} />}
      <p role="status" className="hint">
        {q === '' ? '' : data ? t('cases.count', { count: data.total }) : t('common.loading')}
      </p>
      {data && data.items.length > 0 && (
        <table className="cases">
          <caption className="visually-hidden">{t('search.results')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.number')}</th>
              <th scope="col">{t('cases.principal')}</th>
              <th scope="col">{t('person.dateOfBirth')}</th>
              <th scope="col">{t('person.nationality')}</th>
              <th scope="col">{t('cases.persons')}</th>
              <th scope="col">{t('cases.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('cases.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((c) => (
              <tr key={c.id}>
                <td>{c.caseNumber}</td>
                <td>
                  <PersonName asWritten={c.principalNameAsWritten} latin={c.principalNameLatin} />
                </td>
                <td>{c.principalDateOfBirth}</td>
                <td>{c.principalNationality}</td>
                <td>{c.personCount}</td>
                <td>{t(`status.${c.status}`)}</td>
                <td>
                  <OpenCaseButton caseId={c.id} caseNumber={c.caseNumber} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
