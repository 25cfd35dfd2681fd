import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TodayCase } from '../../../../shared/schema/case-api';
import { PersonName } from '../../components/PersonName';
import { OpenCaseButton } from './CaseCells';

/** One list of the Today screen: a titled table of cases, each with a button to open it. */
export function CaseTable(props: { title: string; empty: string; cases: TodayCase[]; intro?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const showWhy = props.cases.some((c) => c.reviewReasons !== undefined);
  return (
    <section aria-labelledby={id} className="today-list">
      <h2 id={id}>
        {props.title} <span className="count">({props.cases.length})</span>
      </h2>
      {props.intro && <p className="hint">{props.intro}</p>}
      {props.cases.length === 0 ? (
        <p className="hint">{props.empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('cases.number')}</th>
              <th scope="col">{t('cases.principal')}</th>
              <th scope="col">{t('cases.status')}</th>
              {showWhy && <th scope="col">{t('review.whyColumn')}</th>}
              <th scope="col">
                <span className="visually-hidden">{t('cases.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.cases.map((c) => (
              <tr key={c.id}>
                <td>{c.caseNumber}</td>
                <td>
                  <PersonName asWritten={c.principalNameAsWritten} latin={c.principalNameLatin} />
                </td>
                <td>{t(`status.${c.status}`)}</td>
                {showWhy && <td>{(c.reviewReasons ?? []).map((code) => t(`review.reasonCode.${code}`)).join('; ') || '—'}</td>}
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
