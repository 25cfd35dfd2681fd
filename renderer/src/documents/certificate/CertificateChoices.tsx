import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateInfo } from '../../../../shared/schema/documents-api';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';

type Choice = { kind: 'import'; file: File; passphrase: string } | { kind: 'temporary' };

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/**
 * The two ways to get a signing certificate: import the office's .p12, or make a clearly labelled
 * temporary one. Replacing the certificate in use asks once first (focus on Cancel); the old one
 * stays in the history and what it signed stays checkable.
 */
export function CertificateChoices({ current, onDone }: { current: CertificateInfo | null; onDone: (c: CertificateInfo) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fileId = useId();
  const passId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirming, setConfirming] = useState<Choice | null>(null);
  const apply = useMutation({
    mutationFn: async (c: Choice) => (c.kind === 'temporary' ? call('certificate.generateSelfSigned', {}) : call('certificate.import', { p12Base64: await base64Of(c.file), passphrase: c.passphrase })),
    onSuccess: (made) => {
      setPassphrase('');
      void qc.invalidateQueries({ queryKey: ['certificate'] });
      onDone(made);
    },
  });
  const choose = (c: Choice) => (current ? setConfirming(c) : apply.mutate(c));
  return (
    <>
      {apply.error && <ErrorBanner error={errorOf(apply.error)} />}
      <section aria-labelledby="cert-import" className="card">
        <h2 id="cert-import">{t('certificate.import')}</h2>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (file) choose({ kind: 'import', file, passphrase });
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
          <button type="submit" className="primary" disabled={!file || apply.isPending}>
            {t('certificate.importSubmit')}
          </button>
        </form>
      </section>
      <section aria-labelledby="cert-temporary" className="card">
        <h2 id="cert-temporary">{t('certificate.temporaryTitle')}</h2>
        <p>{t('certificate.temporaryText')}</p>
        <button type="button" onClick={() => choose({ kind: 'temporary' })} disabled={apply.isPending}>
          {apply.isPending ? t('common.working') : t('certificate.generate')}
        </button>
      </section>
      <Dialog open={confirming !== null} title={t('certificate.replaceTitle')} onClose={() => setConfirming(null)}>
        <p>{t('certificate.replaceText', { name: current ? (current.temporary ? t('certificate.temporaryLabel') : current.label) : '' })}</p>
        <div className="row-actions">
          {/* The safe choice takes the focus. */}
          <button type="button" autoFocus onClick={() => setConfirming(null)}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (confirming) apply.mutate(confirming);
              setConfirming(null);
            }}
          >
            {t('certificate.replaceConfirm')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
