import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../../shared/schema/documents-api';
import { useDocumentActions } from './useDocumentActions';

/**
 * The case's documents as a list, one document per item: what it is and its history on the left,
 * its actions beside it (below it when the column is narrow). Never a table wider than its
 * column, so Print, Reprint and View stay visible at any window width and in French.
 */
export function DocumentList({ documents }: { documents: DocumentInfo[] }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'medium', timeStyle: 'short' });
  const { print, view, outcome } = useDocumentActions();
  return (
    <>
      {outcome}
      <ul className="doc-list" aria-label={t('caseLayout.documentList')}>
        {documents.map((d) => {
          const printLabel = d.superseded ? t('documents.printForFile') : d.printCount === 0 ? t('documents.print') : t('documents.reprint');
          return (
            <li key={d.id} className="doc-item">
              <div className="doc-what">
                <p className="doc-title">
                  <strong>{t(`documents.types.${d.type}`)}</strong> <code>{d.number}</code>
                  {d.superseded && (
                    <>
                      {' '}
                      <span className="tag-superseded">{t('documents.superseded')}</span>
                    </>
                  )}
                </p>
                <p className="doc-meta">
                  {t('caseLayout.generatedBy', { at: when.format(new Date(d.generatedAt)), by: d.generatedBy })} · {d.signed ? t('documents.signed') : t('documents.unsigned')} ·{' '}
                  {d.printCount === 0 ? t('documents.notPrinted') : `${t('documents.prints')} ${t('documents.printCount', { count: d.printCount })}`}
                </p>
              </div>
              <div className="doc-actions">
                <button type="button" className={d.superseded ? undefined : 'primary'} onClick={() => print.mutate(d.superseded ? { id: d.id, forFile: true } : { id: d.id })} aria-label={`${printLabel} ${d.number}`}>
                  {printLabel}
                </button>
                <button type="button" onClick={() => view.mutate(d.id)} aria-label={`${t('documents.view')} ${d.number}`}>
                  {t('documents.view')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
