import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { call, errorOf } from '../ipc';

/** Supervisor: the office signing certificate. Import the office's .p12, or make a labelled self-signed one to start. */
export function CertificateScreen() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const fileId = useId();
  const passId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const status = useQuery({ queryKey: ['certificate'], queryFn: () => call('certificate.status', {}) });
  const done = () => void qc.invalidateQueries({ queryKey: ['certificate'] });
  const generate = useMutation({ mutationFn: () => call('certificate.generateSelfSigned', {}), onSuccess: done });
  const importP12 = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error('no file');
      const bytes = new Uint8Array(await file.arrayBuffer());
      let bin = '';
      for (const b of bytes) bin += String.fromCharCode(b);
      return call('certificate.import', { p12Base64: btoa(bin), passphrase });
    },
    onSuccess: () => {
      setPassphrase('');
      done();
    },
  });
  const c = status.data;
  const date = new Intl.DateTimeFormat(i18n.language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long' });
  const err = [status.error, generate.error, importP12.error].find(Boolean);
  return (
    <>
      <h1>{t('certificate.title')}</h1>
      {err && <ErrorBanner error={errorOf(err)} />}
      <section aria-labelledby="cert-current" className="card">
        <h2 id="cert-current">{t('certificate.current')}</h2>
        {c === null && <p role="status">{t('certificate.none')}</p>}
        {c && (
          <dl className="facts">
            <dt>{t('certificate.label')}</dt>
            <dd>{c.selfSigned ? t('certificate.selfSignedLabel') : c.label}</dd>
            <dt>{t('certificate.subject')}</dt>
            <dd>{c.subject}</dd>
            <dt>{t('certificate.issuer')}</dt>
            <dd>{c.issuer}</dd>
            <dt>{t('certificate.valid')}</dt>
            <dd>{t('certificate.validRange', { from: date.format(new Date(c.notBefore)), to: date.format(new Date(c.notAfter)) })}</dd>
            <dt>{t('certificate.fingerprint')}</dt>
            <dd>
              <code className="wrap">{c.fingerprint}</code>
            </dd>
          </dl>
        )}
        {c?.selfSigned && <p className="banner banner-error">{t('certificate.replaceWarning')}</p>}
        <button type="button" onClick={() => generate.mutate()} disabled={generate.isPending}>
          {generate.isPending ? t('common.working') : t('certificate.generate')}
        </button>
      </section>
      <section aria-labelledby="cert-import" className="card">
        <h2 id="cert-import">{t('certificate.import')}</h2>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            importP12.mutate();
          }}
        >
          <div className="field">
            <label htmlFor={fileId}>{t('certificate.file')}</label>
            <input id={fileId} type="file" accept=".p12,.pfx,application/x-pkcs12" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <div className="field">
            <label htmlFor={passId}>{t('certificate.passphrase')}</label>
            <input id={passId} type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </div>
          <button type="submit" className="primary" disabled={!file || importP12.isPending}>
            {t('certificate.importSubmit')}
          </button>
        </form>
      </section>
    </>
  );
}
