import { useTranslation } from 'react-i18next';

/**
 * The security marking of what the screen shows: every signed-in screen may show personal
 * information (Protected B), so the marking stays in view at the top of each one, as on paper.
 */
export function ProtectedBanner() {
  const { t } = useTranslation();
  return (
    <p className="protected-banner">
      <strong>{t('protected.marking')}</strong> {t('protected.note')}
    </p>
  );
}
