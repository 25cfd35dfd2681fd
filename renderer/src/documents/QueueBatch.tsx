import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo, PrintBatchResult } from '../../../shared/schema/documents-api';
import { ErrorBanner } from '../components/ErrorBanner';
import { call, errorOf } from '../ipc';
import { downloadPdf } from './download';

/** The files of a batch, handed to the browser one after another (a pause between, so none is dropped as a burst). */
async function downloadEach(r: PrintBatchResult): Promise<void> {
  for (const [i, file] of r.printed.entries()) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    downloadPdf(file);
  }
}

/**
 * The print queue as a table the clerk works through by keyboard: a checkbox per document (and
 * one for all) to print several as one batch, and each document's own Print and View. A batch
 * prints each document as its own signed file, one after another; the back end logs each as
 * printed today and says which had left the queue meanwhile.
 */
export function QueueBatch({ documents }: { documents: DocumentInfo[] }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [noneSelected, setNoneSelected] = useState(false);
  const when = new Intl.DateTimeFormat(i18n.language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'medium', timeStyle: 'short' });
  const queued = new Set(documents.map((d) => d.id));
  // Only what is still in the queue counts (a document printed from elsewhere drops out of the selection).
  const chosen = documents.filter((d) => selected.has(d.id));
  const all = chosen.length === documents.length && documents.length > 0;
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['documents'] });
    void qc.invalidateQueries({ queryKey: ['printLog'] });
  };
  const batch = useMutation({
    mutationFn: (ids: string[]) => call('document.printBatch', { documentIds: ids }),
    onSuccess: async (r) => {
      setSelected(new Set());
      refresh();
      await downloadEach(r);
    },
  });
  const print = useMutation({
    mutationFn: (id: string) => call('document.print', { documentId: id }),
    onSuccess: (r) => {
      downloadPdf(r);
      refresh();
    },
  });
  const view = useMutation({ mutationFn: (id: string) => call('document.view', { documentId: id }), onSuccess: downloadPdf });
  const toggle = (id: string, on: boolean) => {
    setNoneSelected(false);
    setSelected((s) => {
      const next = new Set([...s].filter((x) => queued.has(x)));
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };
  const printSelected = () => {
    if (chosen.length === 0) {
      setNoneSelected(true);
      return;
    }
    batch.mutate(chosen.map((d) => d.id));
  };
  const done = batch.data;
  return (
    <>
      {[batch.error, print.error, view.error].filter(Boolean).map((err, i) => (
        <ErrorBanner key={i} error={errorOf(err)} />
      ))}
      {done && done.printed.length > 0 && (
        <p role="status" className="banner banner-ok">
          {t('printLog.queue.batchDone', { count: done.printed.length, numbers: done.printed.map((p) => p.filename.replace(/\.pdf$/, '')).join(', ') })}
        </p>
      )}
      {done && done.skipped.length > 0 && (
        <p role="status" className="banner">
          {t('printLog.queue.skipped', { numbers: done.skipped.map((s) => s.number ?? s.documentId).join(', ') })}
        </p>
      )}
      {print.data && (
        <p role="status" className="banner banner-ok">
          {t('documents.printed', { file: print.data.filename })}
        </p>
      )}
      {documents.length > 0 && (
        <>
          <p className="hint" id="batch-hint">
            {t('printLog.queue.hint')}
          </p>
          <table>
            <caption className="visually-hidden">{t('printLog.queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t('printLog.queue.selectAll')}
                    checked={all}
                    onChange={(e) => {
                      setNoneSelected(false);
                      setSelected(e.target.checked ? new Set(documents.map((d) => d.id)) : new Set());
                    }}
                  />
                </th>
                <th scope="col">{t('documents.number')}</th>
                <th scope="col">{t('cases.number')}</th>
                <th scope="col">{t('documents.type')}</th>
                <th scope="col">{t('documents.generated')}</th>
                <th scope="col">{t('documents.signature')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td>
                    <input type="checkbox" aria-label={t('printLog.queue.select', { number: d.number })} checked={selected.has(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} />
                  </td>
                  <td>
                    <code>{d.number}</code>
                  </td>
                  <td>{d.caseNumber}</td>
                  <td>{t(`documents.types.${d.type}`)}</td>
                  <td>
                    {when.format(new Date(d.generatedAt))} · {d.generatedBy}
                  </td>
                  <td>{d.signed ? t('documents.signed') : t('documents.unsigned')}</td>
                  <td className="row-actions">
                    <button type="button" onClick={() => print.mutate(d.id)} aria-label={`${t('documents.print')} ${d.number}`}>
                      {t('documents.print')}
                    </button>
                    <button type="button" onClick={() => view.mutate(d.id)} aria-label={`${t('documents.view')} ${d.number}`}>
                      {t('documents.view')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row-actions">
            <button type="button" className="primary" onClick={printSelected} disabled={batch.isPending} aria-describedby="batch-hint batch-count">
              {batch.isPending ? t('common.working') : t('printLog.queue.printSelected')}
            </button>
            <span id="batch-count" aria-live="polite">
              {t('printLog.queue.selected', { count: chosen.length })}
            </span>
          </div>
          {noneSelected && (
            <p role="alert" className="error">
              {t('printLog.queue.noneSelected')}
            </p>
          )}
        </>
      )}
    </>
  );
}
