import { useRef } from 'react'
import { useI18n } from '../i18n/language.tsx'
import { PlaceFinder, type PlaceFinderProps } from './PlaceFinder.tsx'
import { useFocusOnMount } from './use-focus-on-mount.ts'

export interface PlaceStepProps {
  /** why the last pick was refused, if it was */
  error: string | undefined
  /** changes with every refused pick, so the same message is announced again */
  errorKey: number
  /** picks the map's centre, where the crosshair is */
  onConfirmCentre: () => void
  onCancel: () => void
  /** position and address search; left out, the step offers only the map */
  finder?: PlaceFinderProps | undefined
}

/** Step 1: tap the map, or move it under the crosshair and confirm (works with the keyboard alone). */
export function PlaceStep({ error, errorKey, onConfirmCentre, onCancel, finder }: PlaceStepProps) {
  const { t } = useI18n()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useFocusOnMount(headingRef)
  return (
    <div className="step step--place">
      <h2 id="report-step-title" className="step__title" tabIndex={-1} ref={headingRef}>
        {t.placeHeading}
      </h2>
      <p className="step__help">{t.placeHelp}</p>
      <p className="step__help step__help--keyboard">{t.placeKeyboardHelp}</p>
      {finder && <PlaceFinder {...finder} />}
      {error && (
        <p key={errorKey} className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="step__actions">
        <button type="button" className="button button--primary" onClick={onConfirmCentre} data-testid="confirm-location">
          {t.confirmPlace}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} data-testid="cancel-report">
          {t.cancel}
        </button>
      </div>
    </div>
  )
}
