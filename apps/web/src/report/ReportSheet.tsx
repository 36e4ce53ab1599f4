import type { AppConfig, PinCreated } from '@trygg/domain'
import { useState } from 'react'
import { useI18n } from '../i18n/language.tsx'
import { isInsideBoundary } from '../map/boundary.ts'
import { DoneStep } from './DoneStep.tsx'
import { EMPTY_DRAFT, type PinDraft } from './pin-draft.ts'
import { PinForm } from './PinForm.tsx'
import { PlaceStep } from './PlaceStep.tsx'
import type { PhotoOutcome } from './photo-outcome.ts'
import type { ReportFlow } from './report-flow.ts'

export interface ReportSheetProps {
  config: AppConfig
  flow: Exclude<ReportFlow, { step: 'closed' }>
  onConfirmCentre: () => void
  /** moves the map to a point found by position or address search */
  onGoTo?: ((lat: number, lon: number) => void) | undefined
  onChangePlace: () => void
  onSubmitted: (created: PinCreated) => void
  onAnother: () => void
  onClose: () => void
  /** after the resident agreed with a pin nearby */
  onAgreed?: () => void
}

/**
 * The panel that walks through marking a place: a bottom sheet on phones, a side panel
 * on wide screens. Keeps the form's draft while the resident goes back to change the place.
 */
export function ReportSheet({ config, flow, onConfirmCentre, onGoTo, onChangePlace, onSubmitted, onAnother, onClose, onAgreed }: ReportSheetProps) {
  const { t } = useI18n()
  const [draft, setDraft] = useState<PinDraft>(EMPTY_DRAFT)
  const [photo, setPhoto] = useState<File | null>(null)
  const [photoOutcome, setPhotoOutcome] = useState<PhotoOutcome>({ kind: 'none' })

  function startAnother() {
    setDraft(EMPTY_DRAFT)
    setPhoto(null)
    setPhotoOutcome({ kind: 'none' })
    onAnother()
  }

  function submitted(created: PinCreated, outcome: PhotoOutcome) {
    setPhoto(null)
    setPhotoOutcome(outcome)
    onSubmitted(created)
  }

  return (
    <section className={`sheet sheet--${flow.step}`} aria-labelledby="report-step-title" data-testid="report-sheet">
      <p className="sheet__kicker">{t.reportPanel}</p>
      {flow.step === 'place' && (
        <PlaceStep
          error={flow.outside ? t.outsideBoundary(config.municipality.name) : undefined}
          errorKey={flow.outside?.seq ?? 0}
          onConfirmCentre={onConfirmCentre}
          onCancel={onClose}
          finder={
            onGoTo && {
              municipalityName: config.municipality.name,
              isInside: (lat, lon) => isInsideBoundary(config.municipality.boundary, lat, lon),
              onGoTo,
            }
          }
        />
      )}
      {flow.step === 'details' && (
        <PinForm
          config={config}
          place={flow.place}
          draft={draft}
          onDraftChange={setDraft}
          photo={photo}
          onPhotoChange={setPhoto}
          onSubmitted={submitted}
          onChangePlace={onChangePlace}
          onCancel={onClose}
          {...(onAgreed ? { onAgreed } : {})}
        />
      )}
      {flow.step === 'done' && <DoneStep created={flow.created} photo={photoOutcome} onAnother={startAnother} onClose={onClose} />}
    </section>
  )
}
