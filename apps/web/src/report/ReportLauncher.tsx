import { useRef } from 'react'
import { useI18n } from '../i18n/language.tsx'
import { useFocusOnMount } from './use-focus-on-mount.ts'

export interface ReportLauncherProps {
  municipalityName: string
  onStart: () => void
  /** take focus when shown, e.g. when the resident closes the report panel */
  autoFocus: boolean
}

/** The invitation and the "Mark a place" button, floating over the bottom of the map. */
export function ReportLauncher({ municipalityName, onStart, autoFocus }: ReportLauncherProps) {
  const { t } = useI18n()
  const buttonRef = useRef<HTMLButtonElement>(null)
  useFocusOnMount(buttonRef, autoFocus)
  return (
    <div className="launcher">
      <p className="launcher__text">{t.launcherText(municipalityName)}</p>
      <button type="button" className="button button--primary button--large" onClick={onStart} ref={buttonRef} data-testid="mark-place">
        <span className="button__plus" aria-hidden="true">
          +
        </span>
        {t.markPlace}
      </button>
    </div>
  )
}
