import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { call, errorOf } from '../ipc';
import { CertificateChoices } from './certificate/CertificateChoices';
import { CertificateFacts } from './certificate/CertificateFacts';

/** Supervisor: the office signing certificate in use, how to replace it, and the ones it replaced. */
export function CertificateScreen() {
  const { t, i18n } = useTranslation();
  const status = useQuery({ queryKey: ['certificate'], queryFn: () => call('certificate.status', {}) });
  const history = useQuery({ queryKey: ['certificate', 'history'], queryFn: () => call('certificate.history', {}) });
  const c = status.data;
  const date = new Intl.DateTimeFormat(i18n.language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long' });
  const err = [status.error, history.error].find(Boolean);
  return (
    <>
      <h1>{t('certificate.title')}</h1>
      {err && <ErrorBanner error={errorOf(err)} />}
      <section aria-labelledby="cert-current" className="card">
        <h2 id="cert-current">{t('certificate.current')}</h2>
        {c === null && <p role="status">{t('certificate.none')}</p>}
        {c && <CertificateFacts c={c} />}
        {c?.temporary && <p className="banner banner-error">{t('certificate.replaceWarning')}</p>}
      </section>
      {c !== undefined && <CertificateChoices current={c} onDone={() => undefined} />}
      {history.data && history.data.length > 0 && (
        <section aria-labelledby="cert-history" className="card">
          <h2 id="cert-history">{t('certificate.history')}</h2>
          <table>
            <caption className="visually-hidden">{t('certificate.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('certificate.label')}</th>
                <th scope="col">{t('certificate.valid')}</th>
                <th scope="col">{t('certificate.fingerprint')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((h) => (
                <tr key={h.id}>
                  <td>{h.temporary ? t('certificate.temporaryLabel') : h.label}</td>
                  <td>{t('certificate.validRange', { from: date.format(new Date(h.notBefore)), to: date.format(new Date(h.notAfter)) })}</td>
                  <td>
                    <code className="wrap">{h.fingerprint}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
