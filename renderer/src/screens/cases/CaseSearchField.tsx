import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { parseSearchQuery } from '../../../../shared/case/search-query';
import { describeQuery } from './understood';

/**
 * The Cases screen's search box: case number, UCI, name (any script, accents ignored) or date of
 * birth as officers type them. Under it, what the text was read as (the same parser the back end
 * uses, so it is what was searched), e.g. "read as 7 March 1980 or 3 July 1980".
 */
export function CaseSearchField({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const understood = parseSearchQuery(value);
  return (
    <div className="field case-search" role="search">
      <label htmlFor={id}>{t('caseList.search')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('caseList.searchHint')}
      </p>
      <input id={id} type="search" value={value} maxLength={100} autoComplete="off" aria-describedby={`${id}-hint ${id}-understood`} onChange={(e) => onChange(e.target.value)} />
      <p className="hint understood" id={`${id}-understood`} aria-live="polite">
        {understood ? describeQuery(understood, t, i18n.language) : ''}
      </p>
    </div>
  );
}
