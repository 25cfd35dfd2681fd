import { useTranslation } from 'react-i18next';
import { SignInForm } from './SignInForm';

export function SignInScreen() {
  const { t } = useTranslation();
  return (
    <main id="main" className="narrow">
      <h1>{t('signIn.title')}</h1>
      <SignInForm submitLabel={t('signIn.submit')} />
    </main>
  );
}
