import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Previous, next and a page number to go to: every page can be reached. `pages` is what is known
 * from this page on (the back end counts up to a cap past it); `more` says there are more beyond.
 * Buttons that cannot act say so (aria-disabled) but keep the focus, so pressing Next up to the
 * last page never drops the officer back to the top of the page.
 */
export function Pager(props: { page: number; pages: number; more: boolean; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(String(props.page));
  useEffect(() => setText(String(props.page)), [props.page]);
  const hasPrevious = props.page > 1;
  const hasNext = props.page < props.pages;
  const wanted = Number(text);
  const valid = Number.isInteger(wanted) && wanted >= 1 && wanted <= props.pages;
  const of = props.more ? t('caseList.pageOfMore', { page: props.page, pages: props.pages }) : t('caseList.pageOf', { page: props.page, pages: props.pages });
  return (
    <nav className="pager row-actions" aria-label={t('caseList.pages')}>
      <button type="button" aria-disabled={!hasPrevious || undefined} onClick={() => hasPrevious && props.onPage(props.page - 1)}>
        {t('caseList.previous')}
      </button>
      <span className="page-of" role="status">
        {of}
      </span>
      <button type="button" aria-disabled={!hasNext || undefined} onClick={() => hasNext && props.onPage(props.page + 1)}>
        {t('caseList.next')}
      </button>
      <form
        className="go-to-page"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) props.onPage(wanted);
        }}
      >
        <label htmlFor={`${id}-page`}>{t('caseList.goToPage')}</label>
        <input id={`${id}-page`} className="short" inputMode="numeric" value={text} aria-describedby={`${id}-range`} aria-invalid={!valid || undefined} onChange={(e) => setText(e.target.value.trim())} />
        <span className="hint" id={`${id}-range`}>
          {props.more ? t('caseList.pageRangeMore', { pages: props.pages }) : t('caseList.pageRange', { pages: props.pages })}
        </span>
        <button type="submit">{t('caseList.go')}</button>
      </form>
    </nav>
  );
}
