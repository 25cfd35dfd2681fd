import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

/** Toggles English/French; labelled in the other language so a French speaker finds it. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const other = i18n.language === 'fr' ? 'en' : 'fr';
  return (
    <button type="button" className="link-button" lang={other} onClick={() => setLanguage(other)}>
      {other === 'fr' ? 'Français' : 'English'}
    </button>
  );
}
