import { useTranslation } from 'react-i18next';
import type { CaseSortKey, CaseSummary } from '../../../../shared/schema/case';
import { todayIso } from '../../../../shared/schema/common';
import { PersonName } from '../../components/PersonName';
import { useOfficeTimeZone } from '../../office-time';
import { OpenCaseButton } from '../today/CaseCells';
import type { CaseListState } from './list-state';

/** A column header that orders the list: a button, with aria-sort on the column in force. */
function SortHeader(props: { label: string; sortKey: CaseSortKey; state: CaseListState; onSort: (k: CaseSortKey) => void }) {
  const { t } = useTranslation();
  const active = props.state.sort === props.sortKey;
  const sort = active ? (props.state.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={sort}>
      <button type="button" className="sort-button" onClick={() => props.onSort(props.sortKey)}>
        {props.label}
        {/* The order is said by aria-sort; the arrow is for the eyes, the hidden text for the button's name. */}
        <span aria-hidden="true" className="sort-arrow">
          {sort === 'ascending' ? ' ▲' : sort === 'descending' ? ' ▼' : ''}
        </span>
        <span className="visually-hidden">{t(active ? 'caseList.sortOtherWay' : 'caseList.sortBy')}</span>
      </button>
    </th>
  );
}

/**
 * One page of cases, each row with its button to open the case. Date of birth and nationality
 * only for a reader of case facts: a clerk's rows come without them (null from the back end).
 */
export function CaseListTable(props: { items: CaseSummary[]; facts: boolean; state: CaseListState; caption: string; onSort: (k: CaseSortKey) => void }) {
  const { t } = useTranslation();
  const zone = useOfficeTimeZone();
  const sortable = (label: string, sortKey: CaseSortKey) => <SortHeader label={label} sortKey={sortKey} state={props.state} onSort={props.onSort} />;
  return (
    <div className="table-scroll">
      <table className="case-list">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {sortable(t('cases.number'), 'caseNumber')}
            {sortable(t('cases.principal'), 'name')}
            {props.facts && <th scope="col">{t('person.dateOfBirth')}</th>}
            {props.facts && <th scope="col">{t('person.nationality')}</th>}
            <th scope="col">{t('cases.persons')}</th>
            {sortable(t('cases.status'), 'status')}
            {sortable(t('caseList.applicationDate'), 'applicationDate')}
            {sortable(t('cases.updated'), 'updated')}
            <th scope="col">
              <span className="visually-hidden">{t('cases.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((c) => (
            <tr key={c.id}>
              <td className="nowrap">{c.caseNumber}</td>
              <td>
                <PersonName asWritten={c.principalNameAsWritten} latin={c.principalNameLatin} />
              </td>
              {props.facts && <td className="nowrap">{c.principalDateOfBirth ?? '—'}</td>}
              {props.facts && <td>{c.principalNationality ?? '—'}</td>}
              <td>{c.personCount}</td>
              <td>{t(`status.${c.status}`)}</td>
              <td className="nowrap">{c.applicationDate ?? '—'}</td>
              <td className="nowrap">{todayIso(new Date(c.updatedAt), zone)}</td>
              <td>
                <OpenCaseButton caseId={c.id} caseNumber={c.caseNumber} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
