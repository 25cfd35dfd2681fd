import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isForIom } from '../../../../shared/print/for-iom';
import { DocumentTable } from '../../documents/DocumentTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';

/**
 * A case as a clerk sees it: who it is for, its case and packet numbers, its status and its
 * documents to print. The back end answers nothing more (`case.overview`); this view shows all of
 * it. A document can be viewed while it waits in the print queue (the back end refuses the rest).
 */
export function CaseOverviewScreen({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['case-overview', caseId], queryFn: () => call('case.overview', { caseId }), staleTime: Infinity, gcTime: 0 });
  // Under 'documents' so that a print (which refreshes every 'documents' query) refreshes these too.
  const docs = useQuery({ queryKey: ['documents', caseId], queryFn: () => call('document.list', { caseId }) });
  const queue = useQuery({ queryKey: ['documents', 'queue'], queryFn: () => call('document.printQueue', {}) });
  if (q.error)
    return (
      <>
        <h1>{t('case.heading')}</h1>
        <ErrorBanner error={errorOf(q.error)} />
      </>
    );
  if (!q.data) return <p role="status">{t('common.loading')}</p>;
  const o = q.data;
  const principal = o.persons[0];
  const queued = new Set((queue.data ?? []).map((d) => d.id));
  const err = docs.error ?? queue.error;

  return (
    <>
      <div className="case-head">
        <h1>
          {t('case.titleNumber', { number: o.caseNumber })} — <span dir="auto">{principal?.nameAsWritten}</span>
          {principal && principal.nameLatin !== principal.nameAsWritten && <span className="latin"> ({principal.nameLatin})</span>}
        </h1>
        <p className="case-status">
          {t('cases.status')}{t('common.colon')} <strong>{t(`status.${o.status}`)}</strong>
        </p>
      </div>
      <p className="banner banner-info" role="note">
        {t('caseOverview.why')}
      </p>
      <section aria-labelledby="overview-persons-title" className="card">
        <h2 id="overview-persons-title">{t('caseOverview.persons')}</h2>
        <dl className="facts">
          <dt>{t('cases.number')}</dt>
          <dd>
            <code>{o.caseNumber}</code>
          </dd>
          <dt>{t('caseOverview.packetNumber')}</dt>
          <dd>{o.packetNumber ? <code>{o.packetNumber}</code> : t('caseOverview.noPacket')}</dd>
        </dl>
        <table>
          <caption className="visually-hidden">{t('caseOverview.persons')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('person.nameAsWritten')}</th>
              <th scope="col">{t('person.nameLatin')}</th>
              <th scope="col">{t('person.relationship')}</th>
            </tr>
          </thead>
          <tbody>
            {o.persons.map((p) => (
              <tr key={p.id}>
                <td dir="auto">{p.nameAsWritten}</td>
                <td>{p.nameLatin}</td>
                <td>{t(`relationship.${p.relationship}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="case-docs-title" className="card">
        <h2 id="case-docs-title">{t('documents.title')}</h2>
        <p className="hint">{t('caseOverview.viewQueued')}</p>
        {err && <ErrorBanner error={errorOf(err)} />}
        {docs.data &&
          (docs.data.length === 0 ? (
            <p>{t('caseOverview.noDocuments')}</p>
          ) : (
            <DocumentTable documents={docs.data} caption={t('documents.title')} may={{ print: (d) => isForIom(d.type), view: (d) => queued.has(d.id) }} />
          ))}
      </section>
    </>
  );
}
