import { useI18n } from '../i18n/language.tsx'
import { LANGS } from '../i18n/messages.ts'

/**
 * Switches between Svenska and English: one button named, in its own language, after the
 * language it switches to (compact enough for a phone header). The choice is remembered.
 */
export function LanguageSwitch() {
  const { lang, t, setLang } = useI18n()
  const other = LANGS.find((l) => l !== lang) ?? lang
  return (
    <button
      type="button"
      lang={other}
      className="language-switch"
      onClick={() => setLang(other)}
      data-testid={`lang-${other}`}
    >
      <svg className="language-switch__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          fillRule="evenodd"
          d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm-2.3 2.4A8 8 0 0 0 4.1 11h3.4c.1-2.4.9-4.7 2.2-6.6zm4.6 0c1.3 1.9 2.1 4.2 2.2 6.6h3.4a8 8 0 0 0-5.6-6.6zM12 4.3A10.7 10.7 0 0 0 9.5 11h5A10.7 10.7 0 0 0 12 4.3zM4.1 13a8 8 0 0 0 5.6 6.6A12.6 12.6 0 0 1 7.5 13H4.1zm5.4 0a10.7 10.7 0 0 0 2.5 6.7 10.7 10.7 0 0 0 2.5-6.7h-5zm7 0c-.1 2.4-.9 4.7-2.2 6.6a8 8 0 0 0 5.6-6.6h-3.4z"
        />
      </svg>
      {t.languageName[other]}
    </button>
  )
}
