import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { call, errorOf } from '../ipc';
import { downloadPdf } from './download';

/**
 * Print (first, reprint stamped COPY, or a superseded one "for the file") and view a document,
 * with what came of it: one owner for every list of documents (the case's list, the tables).
 */
export function useDocumentActions() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const print = useMutation({
    mutationFn: (p: { id: string; forFile?: boolean }) => call('document.print', { documentId: p.id, ...(p.forFile ? { forFile: true } : {}) }),
    onSuccess: (r) => {
      downloadPdf(r);
      void qc.invalidateQueries({ queryKey: ['documents'] });
    },
  });
  const view = useMutation({ mutationFn: (id: string) => call('document.view', { documentId: id }), onSuccess: downloadPdf });
  const outcome = (
    <>
      {print.error && <ErrorBanner error={errorOf(print.error)} />}
      {view.error && <ErrorBanner error={errorOf(view.error)} />}
      {print.data && (
        <p role="status" className="banner banner-ok">
          {print.data.copy ? t('documents.reprinted', { file: print.data.filename }) : t('documents.printed', { file: print.data.filename })}
        </p>
      )}
    </>
  );
  return { print, view, outcome };
}
