import { useTranslation } from 'react-i18next';

export function PasswordRules() {
  const { t } = useTranslation();
  return <p className="hint">{t('auth.passwordRules')}</p>;
}
