import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../shared/i18n/en.json';
import fr from '../../shared/i18n/fr.json';

export const languages = ['en', 'fr'] as const;
export type Language = (typeof languages)[number];

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('avrr.lang') : null;

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: saved === 'fr' ? 'fr' : 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switch the UI language; remembered on this workstation (a preference, not case data). */
export function setLanguage(lang: Language): void {
  void i18n.changeLanguage(lang);
  localStorage.setItem('avrr.lang', lang);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;

export default i18n;
