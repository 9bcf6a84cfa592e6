import i18next, { type Resource } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { commonTexts } from './commonTexts';

export type Lang = 'zh-CN' | 'en-US';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];
const LANG_KEY = 'tongguan.lang';

/** Texts of one screen area in both languages; each area registers its own namespace. */
export interface Texts {
  'zh-CN': Record<string, unknown>;
  'en-US': Record<string, unknown>;
}

export function storedLang(): Lang {
  const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANG_KEY);
  return v === 'en-US' ? 'en-US' : 'zh-CN';
}

const resources: Resource = { 'zh-CN': { common: commonTexts['zh-CN'] }, 'en-US': { common: commonTexts['en-US'] } };

void i18next.use(initReactI18next).init({
  resources,
  lng: storedLang(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});
dayjs.locale(storedLang() === 'zh-CN' ? 'zh-cn' : 'en');

/** Adds an area's texts under `ns` (call at module load of the area). */
export function registerTexts(ns: string, texts: Texts): void {
  for (const lang of LANGS) i18next.addResourceBundle(lang, ns, texts[lang], true, true);
}

export function setLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  void i18next.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18next.language === 'en-US' ? 'en-US' : 'zh-CN';
}

/** A definition's display name in the UI language: `name`/`nameEn`, `title`/`titleEn`, `label`/`labelEn`, `statusText`/`statusTextEn`. */
export function localName(def: { name?: string; nameEn?: string; title?: string; titleEn?: string; label?: string; labelEn?: string } | undefined, lang: Lang = currentLang()): string {
  if (!def) return '';
  const zh = def.name ?? def.title ?? def.label ?? '';
  const en = def.nameEn ?? def.titleEn ?? def.labelEn;
  return lang === 'en-US' && en ? en : zh;
}

/** `useTranslation` with the language typed as ours. */
export function useI18n(ns: string | string[] = 'common') {
  const { t, i18n } = useTranslation(ns);
  return { t, lang: (i18n.language === 'en-US' ? 'en-US' : 'zh-CN') as Lang };
}

export { i18next };
