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
import { zh, type MessageKey } from './zh';

export type Lang = 'zh' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'zx.lang';
// English is a chunk of its own, fetched when chosen: most visitors read Chinese, and the English
// texts (and the shared schemas' messages, which bring zod) would weigh on every first load.
const dictionaries: Partial<Record<Lang, Record<MessageKey, string>>> = { zh };
let schemaMessagesEn: Record<string, string> = {};
let english: Promise<void> | undefined;

/** Fetch the English texts (once); translate('en', …) speaks Chinese until they are here. */
export function loadEnglish(): Promise<void> {
  english ??= import('./english').then((m) => {
    dictionaries.en = m.en;
    schemaMessagesEn = m.SCHEMA_MESSAGES_EN;
  });
  return english;
}

export function translate(
  lang: Lang,
  key: MessageKey,
  vars?: Record<string, string | number>,
): string {
  const text = (dictionaries[lang] ?? zh)[key] ?? key;
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
  return activeLang === 'en' ? (schemaMessagesEn[message] ?? message) : message;
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
  const [, setLoaded] = useState(0);
  const ready = dictionaries[lang] !== undefined;
  useEffect(() => {
    // a returning English reader: the texts come with the first load, nothing shows before them
    if (!ready) void loadEnglish().then(() => setLoaded((n) => n + 1));
  }, [ready]);
  const setLang = useCallback((next: Lang) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: keep it for this page only */
    }
    // the page switches once the texts are here (the first switch to English fetches them)
    if (next === 'en') void loadEnglish().then(() => setLangState(next));
    else setLangState(next);
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
  if (!ready) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
