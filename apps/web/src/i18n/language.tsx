import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { LANGS, MESSAGES, type Lang, type Messages } from './messages.ts'

const STORAGE_KEY = 'trygg.lang'
const DEFAULT_LANG: Lang = 'sv'

export interface LanguageContextValue {
  lang: Lang
  t: Messages
  setLang: (lang: Lang) => void
}

const LanguageContext = createContext<LanguageContextValue | null>(null)

/** The stored choice, or Swedish; storage may be unavailable (private mode, blocked cookies). */
function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    return LANGS.find((l) => l === stored) ?? DEFAULT_LANG
  } catch {
    return DEFAULT_LANG
  }
}

function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // The choice then lasts for this page view only.
  }
}

/** Provides the UI language, remembers it in localStorage and keeps `<html lang>` and the title in step. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang)

  const setLang = useCallback((next: Lang) => {
    storeLang(next)
    setLangState(next)
  }, [])

  useEffect(
    function syncDocumentLanguage() {
      document.documentElement.lang = lang
      document.title = MESSAGES[lang].documentTitle
    },
    [lang],
  )

  const value = useMemo(() => ({ lang, t: MESSAGES[lang], setLang }), [lang, setLang])
  return <LanguageContext value={value}>{children}</LanguageContext>
}

/** The current language, its messages and a setter. Must be used inside `LanguageProvider`. */
export function useI18n(): LanguageContextValue {
  const value = use(LanguageContext)
  if (!value) throw new Error('useI18n must be used inside LanguageProvider')
  return value
}
