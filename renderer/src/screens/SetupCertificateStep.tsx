import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CertificateChoices } from '../documents/certificate/CertificateChoices';

/**
 * The last step of first-run setup: the signing certificate. Without one nothing for IOM can be
 * signed, so the supervisor meets the choice now (import the office's .p12, or a clearly
 * labelled temporary one), not at the first referral. "Later" is allowed and says what it means.
 */
export function SetupCertificateStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main id="main" className="narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('setup.certificateTitle')}
      </h1>
      <p>{t('setup.certificateIntro')}</p>
      <CertificateChoices current={null} onDone={onDone} />
      <p>
        <button type="button" className="link-button" onClick={onDone}>
          {t('setup.certificateLater')}
        </button>
      </p>
    </main>
  );
}
