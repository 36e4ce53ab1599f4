import { useRef } from 'react'
import { useI18n } from '../i18n/language.tsx'
import { useFocusOnMount } from './use-focus-on-mount.ts'
import { useResidentMessages } from '../resident/use-resident-messages.ts'

export interface ReportLauncherProps {
  municipalityName: string
  /** whether a campaign takes marks now; without one the launcher says so instead of offering the form */
  open: boolean
  onStart: () => void
  /** take focus when shown, e.g. when the resident closes the report panel */
  autoFocus: boolean
}

/** The invitation and the "Mark a place" button, floating over the bottom of the map. */
export function ReportLauncher({ municipalityName, open, onStart, autoFocus }: ReportLauncherProps) {
  const { t } = useI18n()
  const r = useResidentMessages()
  const buttonRef = useRef<HTMLButtonElement>(null)
  useFocusOnMount(buttonRef, autoFocus)
  if (!open) {
    return (
      <div className="launcher">
        <p className="launcher__text" data-testid="campaign-closed">
          {r.campaignClosed(municipalityName)}
        </p>
      </div>
    )
  }
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
