import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../../shared/schema/documents-api';
import { ErrorBanner } from '../components/ErrorBanner';
import { call, errorOf } from '../ipc';
import { downloadPdf } from './download';

/** Documents with their number, hash and print history; print (first) or reprint (stamped COPY). */
export function DocumentTable({ documents, caption, showCase }: { documents: DocumentInfo[]; caption: string; showCase?: boolean }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const when = new Intl.DateTimeFormat(i18n.language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'medium', timeStyle: 'short' });
  const print = useMutation({
    mutationFn: (id: string) => call('document.print', { documentId: id }),
    onSuccess: (r) => {
      downloadPdf(r);
      void qc.invalidateQueries({ queryKey: ['documents'] });
    },
  });
  const view = useMutation({ mutationFn: (id: string) => call('document.view', { documentId: id }), onSuccess: downloadPdf });
  return (
    <>
      {print.error && <ErrorBanner error={errorOf(print.error)} />}
      {view.error && <ErrorBanner error={errorOf(view.error)} />}
      {print.data && (
        <p role="status" className="banner banner-ok">
          {print.data.copy ? t('documents.reprinted', { file: print.data.filename }) : t('documents.printed', { file: print.data.filename })}
        </p>
      )}
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
              <td>{t(`documents.types.${d.type}`)}</td>
              <td>
                {when.format(new Date(d.generatedAt))} · {d.generatedBy}
              </td>
              <td>{d.signed ? t('documents.signed') : t('documents.unsigned')}</td>
              <td>{d.printCount === 0 ? t('documents.notPrinted') : t('documents.printCount', { count: d.printCount })}</td>
              <td className="row-actions">
                <button type="button" onClick={() => print.mutate(d.id)} aria-label={`${d.printCount === 0 ? t('documents.print') : t('documents.reprint')} ${d.number}`}>
                  {d.printCount === 0 ? t('documents.print') : t('documents.reprint')}
                </button>
                <button type="button" onClick={() => view.mutate(d.id)} aria-label={`${t('documents.view')} ${d.number}`}>
                  {t('documents.view')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
