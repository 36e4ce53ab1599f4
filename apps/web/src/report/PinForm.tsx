import { MAX_COMMENT_LENGTH } from '@trygg/domain/constants'
import type { AppConfig, PinCreated } from '@trygg/domain'
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { createPin } from '../api/api-client.ts'
import { ApiError, apiErrorMessage } from '../api/api-error.ts'
import { indexCategories } from '../categories/category-index.ts'
import { useI18n } from '../i18n/language.tsx'
import { NearbyPins } from '../resident/NearbyPins.tsx'
import { proofOfWork } from '../resident/proof-of-work.ts'
import { useResidentMessages } from '../resident/use-resident-messages.ts'
import type { Messages } from '../i18n/messages.ts'
import { CategoryFieldset } from './CategoryFieldset.tsx'
import { CommentField } from './CommentField.tsx'
import { DayTypeFieldset } from './DayTypeFieldset.tsx'
import { PhotoField } from './PhotoField.tsx'
import { BackgroundFieldset, useBackgroundQuestions } from './BackgroundFieldset.tsx'
import { sendBackgroundAnswers } from '../api/background.ts'
import type { BackgroundAnswers } from '@trygg/domain'
import type { PhotoOutcome } from './photo-outcome.ts'
import { uploadPhoto } from '../api/upload-photo.ts'
import { toggleTimeOfDay, toNewPin, validateDraft, type DraftProblem, type PinDraft, type PinField } from './pin-draft.ts'
import { SeverityFieldset } from './SeverityFieldset.tsx'
import { serverFieldErrors, type ServerFieldErrors } from './server-field-errors.ts'
import { TimesOfDayFieldset } from './TimesOfDayFieldset.tsx'
import { useFocusOnMount } from './use-focus-on-mount.ts'

export interface PinFormProps {
  config: AppConfig
  /** the chosen place, [lat, lon] */
  place: readonly [number, number]
  draft: PinDraft
  onDraftChange: (draft: PinDraft) => void
  /** the optional photo, uploaded once the pin is created */
  photo: File | null
  onPhotoChange: (photo: File | null) => void
  onSubmitted: (created: PinCreated, photo: PhotoOutcome) => void
  onChangePlace: () => void
  onCancel: () => void
  /** after the resident agreed with a pin nearby */
  onAgreed?: () => void
}

/** A problem with the whole form: client-side field problems, or the API's refusal. */
type FormError = { kind: 'client' } | { kind: 'server'; error: unknown; placeProblem: boolean }

function problemMessage(problem: DraftProblem | undefined, t: Messages): string | undefined {
  if (!problem) return undefined
  return problem === 'commentTooLong' ? t.errors.commentTooLong(MAX_COMMENT_LENGTH) : t.errors[problem]
}

/** Step 2: what, how unsafe, when, and an optional comment; validated here and by the API. */
export function PinForm({ config, place, draft, onDraftChange, photo, onPhotoChange, onSubmitted, onChangePlace, onCancel, onAgreed }: PinFormProps) {
  const { lang, t } = useI18n()
  const r = useResidentMessages()
  const categories = useMemo(() => indexCategories(config.categories), [config.categories])
  // The honeypot: hidden from people and from assistive technology, so only robots fill it.
  const [website, setWebsite] = useState('')
  const headingRef = useRef<HTMLHeadingElement>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const errorBoxRef = useRef<HTMLDivElement>(null)
  const [attempted, setAttempted] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [verifying, setVerifying] = useState(false)
  const [serverErrors, setServerErrors] = useState<ServerFieldErrors>({})
  const [formError, setFormError] = useState<FormError | null>(null)
  const [focusRequest, setFocusRequest] = useState(0)
  const [uploadProgress, setUploadProgress] = useState<number | null>(null)
  const backgroundQuestions = useBackgroundQuestions()
  const [background, setBackground] = useState<BackgroundAnswers>({})
  useFocusOnMount(headingRef)

  const problems = attempted ? validateDraft(draft) : {}
  const errorOf = (field: PinField) => problemMessage(problems[field], t) ?? serverErrors[field]
  const shownFormError = formError?.kind === 'client' && Object.keys(problems).length === 0 ? null : formError

  useEffect(
    function focusFirstError() {
      if (focusRequest === 0) return
      const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
      ;(invalid ?? errorBoxRef.current)?.focus()
    },
    [focusRequest],
  )

  function update(patch: Partial<PinDraft>) {
    setServerErrors({})
    onDraftChange({ ...draft, ...patch })
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (submitting) return
    setAttempted(true)
    if (Object.keys(validateDraft(draft)).length > 0) {
      setFormError({ kind: 'client' })
      setFocusRequest((n) => n + 1)
      return
    }
    setSubmitting(true)
    setFormError(null)
    setServerErrors({})
    let created: PinCreated
    try {
      setVerifying(true)
      const altcha = await proofOfWork().finally(() => setVerifying(false))
      created = await createPin({ ...toNewPin(draft, place), ...(altcha ? { altcha } : {}), ...(website ? { website } : {}) })
    } catch (error) {
      const body = error instanceof ApiError ? error.body : null
      const fields = serverFieldErrors(body)
      setServerErrors(fields)
      setFormError({
        kind: 'server',
        error,
        placeProblem: body?.code === 'PIN_OUTSIDE_BOUNDARY' || fields.place !== undefined,
      })
      setFocusRequest((n) => n + 1)
      setSubmitting(false)
      return
    }
    if (backgroundQuestions && Object.keys(background).length > 0) {
      // Optional: the pin stands without them, so a failure here is not the resident's problem.
      await sendBackgroundAnswers(created.id, created.followToken, background).catch(() => undefined)
    }
    if (!photo) {
      onSubmitted(created, { kind: 'none' })
      return
    }
    setUploadProgress(0)
    try {
      await uploadPhoto(created.id, created.followToken, photo, setUploadProgress)
      onSubmitted(created, { kind: 'uploaded' })
    } catch (error) {
      onSubmitted(created, { kind: 'failed', reason: apiErrorMessage(error, lang, { network: t.networkError, other: t.unexpectedError }) })
    }
  }

  return (
    <form className="step step--details" ref={formRef} onSubmit={submit} noValidate data-testid="pin-form">
      <h2 id="report-step-title" className="step__title" tabIndex={-1} ref={headingRef}>
        {t.detailsHeading}
      </h2>
      <div className="chosen-place">
        <p className="chosen-place__text">
          <span className="chosen-place__label">{t.chosenPlace}</span>
          <span className="chosen-place__coords">
            {place[0].toFixed(5)}, {place[1].toFixed(5)}
          </span>
        </p>
        <button type="button" className="button button--small button--secondary" onClick={onChangePlace} data-testid="change-place">
          {t.changePlace}
        </button>
      </div>

      <CategoryFieldset categories={config.categories} value={draft.category} onChange={(category) => update({ category })} error={errorOf('category')} />
      <NearbyPins place={place} category={draft.category} categories={categories} onAgreed={() => onAgreed?.()} />
      <SeverityFieldset value={draft.severity} onChange={(severity) => update({ severity })} error={errorOf('severity')} />
      <TimesOfDayFieldset
        value={draft.timesOfDay}
        onChange={(time, checked) => update({ timesOfDay: toggleTimeOfDay(draft.timesOfDay, time, checked) })}
        error={errorOf('timesOfDay')}
      />
      <DayTypeFieldset value={draft.dayType ?? null} onChange={(dayType) => update({ dayType })} />
      <CommentField value={draft.comment} onChange={(comment) => update({ comment })} error={errorOf('comment')} />
      <PhotoField value={photo} onChange={onPhotoChange} progress={uploadProgress} />
      {backgroundQuestions && <BackgroundFieldset questions={backgroundQuestions} value={background} onChange={setBackground} />}

      <div className="honeypot" aria-hidden="true">
        <label htmlFor="pin-website">{r.honeypotLabel}</label>
        <input id="pin-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.target.value)} />
      </div>

      <div className="form-error-slot" role="alert">
        {shownFormError && (
          <div className="form-error" tabIndex={-1} ref={errorBoxRef} data-testid="form-error">
            <p>
              {shownFormError.kind === 'client'
                ? t.formHasErrors
                : apiErrorMessage(shownFormError.error, lang, { network: t.networkError, other: t.unexpectedError })}
            </p>
            {shownFormError.kind === 'server' && shownFormError.placeProblem && (
              <button type="button" className="button button--small button--secondary" onClick={onChangePlace}>
                {t.changePlace}
              </button>
            )}
          </div>
        )}
      </div>

      <div className="step__actions">
        <button type="submit" className="button button--primary" aria-disabled={submitting || undefined} data-testid="submit-pin">
          {verifying ? r.verifying : submitting ? t.submitting : t.submit}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} data-testid="cancel-report">
          {t.cancel}
        </button>
      </div>
    </form>
  )
}
