import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { en } from './en';
import { SCHEMA_MESSAGES_EN } from './schema-en';
import { zh, type MessageKey } from './zh';

export type Lang = 'zh' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'zx.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

export function translate(
  lang: Lang,
  key: MessageKey,
  vars?: Record<string, string | number>,
): string {
  const text = dictionaries[lang][key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Whether a string is a known key (e.g. `action.${name}` from the server). */
export function isMessageKey(key: string): key is MessageKey {
  return key in zh;
}

let activeLang: Lang = 'zh';

/** A shared schema's (Chinese) message in the language on screen. */
export function localizeSchemaMessage(message: string): string {
  return activeLang === 'en' ? (SCHEMA_MESSAGES_EN[message] ?? message) : message;
}

function initialLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** A server error's message in the current language. */
  errorText: (e: unknown) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: keep it for this page only */
    }
  }, []);
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  activeLang = lang;
  const value = useMemo<I18n>(() => {
    const t: Translate = (key, vars) => translate(lang, key, vars);
    const errorText = (e: unknown) => {
      if (e && typeof e === 'object' && 'messageEn' in e && lang === 'en')
        return String((e as { messageEn: unknown }).messageEn);
      if (e instanceof Error) return e.message;
      return String(e);
    };
    return { lang, setLang, t, errorText };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
