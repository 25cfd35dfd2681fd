import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_CODE_POINTS } from '../../../shared/security/password-length';

/** The rule text under a new-password field; the number comes from the constant the back end checks. */
export function PasswordRules() {
  const { t } = useTranslation();
  return <p className="hint">{t('auth.passwordRules', { min: PASSWORD_MIN_CODE_POINTS })}</p>;
}
