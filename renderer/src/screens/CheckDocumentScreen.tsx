import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../shared/ipc/errors';
import { CHECK_DOCUMENT_MAX_BYTES } from '../../../shared/schema/document-check';
import type { CheckVerdict, DocumentCheck, EmbeddedDataCheck, RegisterMatch } from '../../../shared/schema/document-check';
import { ErrorBanner } from '../components/ErrorBanner';
import { call, errorOf } from '../ipc';
import './check-document.css';

/** The file's bytes as base64 (in chunks: one String.fromCharCode call would overflow on a large PDF). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Green for ok, red when the file must not be relied on, amber when it is sound but not the register's. */
const tone: Record<CheckVerdict, string> = {
  ok: 'banner-ok',
  changed_after_signing: 'banner-error',
  signature_invalid: 'banner-error',
  not_signed: 'banner-error',
  not_ours: 'banner-warn',
  not_in_register: 'banner-warn',
};

function MatchFacts({ m }: { m: RegisterMatch }) {
  const { t } = useTranslation();
  return (
    <>
      {m.number} · {t('checkDocument.facts.case')} {m.caseNumber} · {t(`documents.types.${m.type}`)} · {t('checkDocument.facts.version')} {m.version}
      {m.superseded && <> · {t('checkDocument.facts.superseded')}</>}
    </>
  );
}

/**
 * The data a referral packet carries for IOM's systems (an attached JSON file the signature
 * covers): whether the signature covers it, what it says, and whether the register agrees.
 */
function EmbeddedData({ e }: { e: EmbeddedDataCheck }) {
  const { t, i18n } = useTranslation();
  const money = new Intl.NumberFormat(i18n.language === 'fr' ? 'fr-CA' : 'en-CA', { style: 'currency', currency: 'CAD', maximumFractionDigits: 0 });
  const d = e.data;
  return (
    <section aria-labelledby="check-embedded" data-embedded={e.register ?? 'shown'}>
      <h3 id="check-embedded">{t('checkDocument.embedded.title')}</h3>
      {d === null ? (
        <p>{t('checkDocument.embedded.invalid')}</p>
      ) : (
        <>
          <p>{t(e.covered ? 'checkDocument.embedded.covered' : 'checkDocument.embedded.notCovered')}</p>
          {e.register && <p className={e.register === 'matches' ? '' : 'banner banner-error'}>{t(`checkDocument.embedded.register.${e.register}`)}</p>}
          <dl className="facts">
            <div>
              <dt>{t('checkDocument.embedded.packet')}</dt>
              <dd>
                {d.packetNumber} · {t('checkDocument.facts.case')} {d.caseNumber} · {d.referralDate}
              </dd>
            </div>
            <div>
              <dt>{t('checkDocument.embedded.policy')}</dt>
              <dd>{d.eligibility.policyVersion}</dd>
            </div>
            <div>
              <dt>{t('checkDocument.embedded.persons')}</dt>
              <dd>
                <ul>
                  {d.persons.map((p, i) => (
                    <li key={i}>
                      {p.nameLatin} · {p.dateOfBirth} · {p.nationality} · {p.tier} · {money.format(p.maxAssistanceCad)}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt>{t('checkDocument.embedded.total')}</dt>
              <dd>{money.format(d.assistance.familyTotalCad)}</dd>
            </div>
            <div>
              <dt>{t('checkDocument.embedded.contentHash')}</dt>
              <dd>
                <code className="hash">{d.contentSha256}</code>
              </dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}

/** The verdict in plain words, then what the file says (which document, who signed, when, its hash). */
function Result({ r, fileName }: { r: DocumentCheck; fileName: string }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language === 'fr' ? 'fr-CA' : 'en-CA');
  return (
    <section className="card check-result" aria-labelledby="check-result">
      <h2 id="check-result">{t('checkDocument.resultTitle', { fileName })}</h2>
      <div className={`banner ${tone[r.verdict]}`} data-verdict={r.verdict}>
        <h3>{t(`checkDocument.verdict.${r.verdict}.title`)}</h3>
        <p>{t(`checkDocument.verdict.${r.verdict}.explain`)}</p>
      </div>
      <dl className="facts" aria-label={t('checkDocument.facts.label')}>
        {r.document && (
          <div>
            <dt>{t('checkDocument.facts.document')}</dt>
            <dd>
              <MatchFacts m={r.document} />
            </dd>
          </div>
        )}
        {r.signedRevision && (
          <div>
            <dt>{t('checkDocument.facts.signedDocument')}</dt>
            <dd>
              <MatchFacts m={r.signedRevision} />
            </dd>
          </div>
        )}
        {r.signer && (
          <div>
            <dt>{t('checkDocument.facts.signer')}</dt>
            <dd>{r.signer}</dd>
          </div>
        )}
        {r.signedAt && (
          <div>
            <dt>{t('checkDocument.facts.signedAt')}</dt>
            <dd>{new Date(r.signedAt).toLocaleString(i18n.language === 'fr' ? 'fr-CA' : 'en-CA')}</dd>
          </div>
        )}
        {r.signedBytes !== null && r.signedBytes !== r.fileBytes && (
          <div>
            <dt>{t('checkDocument.facts.signedPart')}</dt>
            <dd>{t('checkDocument.facts.signedPartValue', { signed: number.format(r.signedBytes), bytes: number.format(r.fileBytes) })}</dd>
          </div>
        )}
        <div>
          <dt>{t('checkDocument.facts.size')}</dt>
          <dd>{t('checkDocument.facts.sizeValue', { bytes: number.format(r.fileBytes) })}</dd>
        </div>
        <div>
          <dt>{t('checkDocument.facts.sha256')}</dt>
          <dd>
            <code className="hash">{r.sha256}</code>
          </dd>
        </div>
      </dl>
      {r.embeddedData && <EmbeddedData e={r.embeddedData} />}
    </section>
  );
}

/**
 * "Check a document": choose a PDF someone hands back (a packet returned by IOM, a form brought
 * to the counter) and see whether it is this office's, unchanged, and which register document
 * it is. The file goes to the back end once, is checked there (electron/core/documents/verify)
 * and is not kept.
 */
export function CheckDocumentScreen() {
  const { t } = useTranslation();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<{ r: DocumentCheck; fileName: string } | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const check = useMutation({
    mutationFn: async (f: File) => ({ r: await call('document.check', { fileName: f.name, contentBase64: await base64Of(f) }), fileName: f.name }),
    onSuccess: (out) => {
      setResult(out);
      setError(null);
      // The verdict is announced and the keyboard lands on it.
      requestAnimationFrame(() => resultRef.current?.focus());
    },
    onError: (e) => {
      setResult(null);
      setError(errorOf(e));
    },
  });

  const choose = (f: File | null) => {
    setFile(f);
    setResult(null);
    setError(f && f.size > CHECK_DOCUMENT_MAX_BYTES ? { code: 'rejected', messageKey: 'checkDocument.file.too_large' } : null);
  };
  const tooLarge = error?.messageKey === 'checkDocument.file.too_large';

  return (
    <>
      <h1>{t('checkDocument.title')}</h1>
      <p>{t('checkDocument.intro')}</p>
      <div className="card">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (file && !tooLarge) check.mutate(file);
          }}
        >
          <div className="field">
            <label htmlFor={fileId}>{t('checkDocument.file.label')}</label>
            <input id={fileId} type="file" accept=".pdf,application/pdf" onChange={(e) => choose(e.target.files?.[0] ?? null)} />
          </div>
          <button type="submit" className="primary" disabled={!file || tooLarge || check.isPending}>
            {check.isPending ? t('checkDocument.checking') : t('checkDocument.check')}
          </button>
        </form>
      </div>
      {error && <ErrorBanner error={error} />}
      <div role="status" tabIndex={-1} ref={resultRef}>
        {result && <Result r={result.r} fileName={result.fileName} />}
      </div>
    </>
  );
}
