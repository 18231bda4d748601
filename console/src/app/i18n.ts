import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Chinese (zh-CN) by default, English on request; the choice is kept for the tab. Each feature folder
 * has its own `messages.ts` with both languages, registered here as a namespace of that name.
 */
export type Messages = { 'zh-CN': Record<string, string>; en: Record<string, string> };

const LANGUAGE_KEY = 'labour-console.language';
export type Language = 'zh-CN' | 'en';

export function initI18n(namespaces: Record<string, Messages>): typeof i18next {
  const resources: Resource = { 'zh-CN': {}, en: {} };
  for (const [namespace, messages] of Object.entries(namespaces)) {
    resources['zh-CN']![namespace] = messages['zh-CN'];
    resources.en![namespace] = messages.en;
  }
  const stored = sessionStorage.getItem(LANGUAGE_KEY);
  const lng: Language = stored === 'en' ? 'en' : 'zh-CN';
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'zh-CN',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function switchLanguage(language: Language): void {
  sessionStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}
