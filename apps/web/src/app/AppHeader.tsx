import { useI18n } from '../i18n/language.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'

/** The banner: municipality, the walk's name, and the language switch. */
export function AppHeader({ municipalityName, campaignName }: { municipalityName?: string; campaignName?: string | undefined }) {
  const { t } = useI18n()
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="22" height="22" focusable="false">
            <path fill="currentColor" d="M12 2a7 7 0 0 1 7 7c0 5-7 13-7 13S5 14 5 9a7 7 0 0 1 7-7zm0 4.2a2.8 2.8 0 1 0 0 5.6 2.8 2.8 0 0 0 0-5.6z" />
          </svg>
        </span>
        <h1 className="app-header__title">
          {municipalityName && <span className="app-header__municipality">{municipalityName}</span>}
          <span className="app-header__name">{t.appTitle}</span>
        </h1>
        {campaignName && <p className="app-header__campaign">{campaignName}</p>}
      </div>
      <LanguageSwitch />
    </header>
  )
}
