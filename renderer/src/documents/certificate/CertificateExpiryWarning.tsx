import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CERTIFICATE_EXPIRY_WARNING_DAYS } from '../../../../shared/schema/limits';
import { call } from '../../ipc';
import { useNavigate } from '../../navigation';

const DAY_MS = 86_400_000;

/** Shown to whoever manages the certificate, on the first screen after each sign-in: none yet, expired, or expiring within 30 days. */
export function CertificateExpiryWarning() {
  const { t, i18n } = useTranslation();
  const go = useNavigate();
  const status = useQuery({ queryKey: ['certificate'], queryFn: () => call('certificate.status', {}) });
  if (status.data === undefined) return null;
  const c = status.data;
  const daysLeft = c ? Math.floor((new Date(c.notAfter).getTime() - Date.now()) / DAY_MS) : null;
  if (c && daysLeft !== null && daysLeft > CERTIFICATE_EXPIRY_WARNING_DAYS) return null;
  const date = new Intl.DateTimeFormat(i18n.language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long' });
  const text = !c ? t('certificate.warnNone') : daysLeft !== null && daysLeft < 0 ? t('certificate.warnExpired', { date: date.format(new Date(c.notAfter)) }) : t('certificate.warnExpiring', { count: daysLeft ?? 0, date: date.format(new Date(c.notAfter)) });
  return (
    <div className="banner banner-warn">
      <p>{text}</p>
      <button type="button" onClick={() => go({ name: 'certificate' })}>
        {t('certificate.warnAction')}
      </button>
    </div>
  );
}
