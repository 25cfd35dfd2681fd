import { useTranslation } from 'react-i18next';
import type { CertificateInfo } from '../../../../shared/schema/documents-api';

/** What a certificate is: its real name, subject, issuer, validity and fingerprint ("temporary" only for the one this app made). */
export function CertificateFacts({ c }: { c: CertificateInfo }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long' });
  return (
    <dl className="facts">
      <dt>{t('certificate.label')}</dt>
      <dd>{c.temporary ? t('certificate.temporaryLabel') : c.label}</dd>
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
  );
}
