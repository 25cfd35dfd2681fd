import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../../shared/schema/documents-api';
import { useDocumentActions } from './useDocumentActions';

export interface DocumentRights {
  print(d: DocumentInfo): boolean;
  view(d: DocumentInfo): boolean;
}
const everything: DocumentRights = { print: () => true, view: () => true };

/**
 * Documents with their number, hash and print history; print (first) or reprint (stamped COPY).
 * A superseded document (replaced, or its case withdrawn) says so and is printed only as a copy
 * for the file. `may` says what this person may do with a document (a clerk: print those for
 * IOM, view those waiting in the print queue, as the back end enforces); by default anything.
 */
export function DocumentTable({ documents, caption, showCase, may = everything }: { documents: DocumentInfo[]; caption: string; showCase?: boolean; may?: DocumentRights }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'medium', timeStyle: 'short' });
  const { print, view, outcome } = useDocumentActions();
  return (
    <>
      {outcome}
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('documents.number')}</th>
            {showCase && <th scope="col">{t('cases.number')}</th>}
            <th scope="col">{t('documents.type')}</th>
            <th scope="col">{t('documents.generated')}</th>
            <th scope="col">{t('documents.signature')}</th>
            <th scope="col">{t('documents.prints')}</th>
            <th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id}>
              <td>
                <code>{d.number}</code>
              </td>
              {showCase && <td>{d.caseNumber}</td>}
              <td>
                {t(`documents.types.${d.type}`)}
                {d.superseded && (
                  <>
                    {' '}
                    <span className="tag-superseded">{t('documents.superseded')}</span>
                  </>
                )}
              </td>
              <td>
                {when.format(new Date(d.generatedAt))} · {d.generatedBy}
              </td>
              <td>{d.signed ? t('documents.signed') : t('documents.unsigned')}</td>
              <td>{d.printCount === 0 ? t('documents.notPrinted') : t('documents.printCount', { count: d.printCount })}</td>
              <td className="row-actions">
                {!may.print(d) ? null : d.superseded ? (
                  <button type="button" onClick={() => print.mutate({ id: d.id, forFile: true })} aria-label={`${t('documents.printForFile')} ${d.number}`}>
                    {t('documents.printForFile')}
                  </button>
                ) : (
                  <button type="button" onClick={() => print.mutate({ id: d.id })} aria-label={`${d.printCount === 0 ? t('documents.print') : t('documents.reprint')} ${d.number}`}>
                    {d.printCount === 0 ? t('documents.print') : t('documents.reprint')}
                  </button>
                )}
                {may.view(d) && (
                  <button type="button" onClick={() => view.mutate(d.id)} aria-label={`${t('documents.view')} ${d.number}`}>
                    {t('documents.view')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
