import { useTranslation } from 'react-i18next';
import { DEFAULT_OFFICE } from '../../../shared/schema/documents';
import { APP_VERSION } from '../app-version';

/** Every screen ends with the app's version and the office it serves (what support and an auditor ask first). */
export function PageFooter() {
  const { t } = useTranslation();
  return (
    <footer className="page-footer">
      <p>
        {t('app.name')} {t('footer.version', { version: APP_VERSION })} · {t('app.agency')} · {DEFAULT_OFFICE.address}
      </p>
    </footer>
  );
}
