import { MAX_COMMENT_LENGTH } from '@trygg/domain/constants'
import type { AppConfig } from '@trygg/domain'
import type { LatLng } from 'leaflet'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useI18n } from '../i18n/language.tsx'
import type { Messages } from '../i18n/messages.ts'
import { WALK_MESSAGES } from '../i18n/walk-messages.ts'
import { CategoryFieldset } from '../report/CategoryFieldset.tsx'
import { CommentField } from '../report/CommentField.tsx'
import { FieldError } from '../report/FieldError.tsx'
import { PhotoField } from '../report/PhotoField.tsx'
import { EMPTY_DRAFT, toNewPin, toggleTimeOfDay, validateDraft, type DraftProblem, type PinDraft, type PinField } from '../report/pin-draft.ts'
import { SeverityFieldset } from '../report/SeverityFieldset.tsx'
import { TimesOfDayFieldset } from '../report/TimesOfDayFieldset.tsx'
import { useResidentMessages } from '../resident/use-resident-messages.ts'
import { parseParticipants } from './participants.ts'
import type { QueuedObservation } from './walk-queue.ts'

export interface ObservationFormProps {
  code: string
  config: AppConfig
  /** the place under the crosshair */
  placeOf: () => LatLng | undefined
  onQueued: (item: QueuedObservation) => Promise<void>
}

function problemMessage(problem: DraftProblem | undefined, t: Messages): string | undefined {
  if (!problem) return undefined
  return problem === 'commentTooLong' ? t.errors.commentTooLong(MAX_COMMENT_LENGTH) : t.errors[problem]
}

/**
 * The observation form: the resident form's fieldsets plus the group size. Saving puts the
 * observation in the phone's queue first; it is sent from there.
 */
export function ObservationForm({ code, config, placeOf, onQueued }: ObservationFormProps) {
  const { lang, t } = useI18n()
  const w = WALK_MESSAGES[lang]
  const r = useResidentMessages()
  const participantsKey = `trygg.walk.${code}.participants`
  const [draft, setDraft] = useState<PinDraft>(EMPTY_DRAFT)
  const [participants, setParticipants] = useState(() => readStored(participantsKey))
  const [photo, setPhoto] = useState<File | null>(null)
  const [attempted, setAttempted] = useState(false)
  const [website, setWebsite] = useState('')
  const formRef = useRef<HTMLFormElement>(null)
  const [focusRequest, setFocusRequest] = useState(0)

  const problems = attempted ? validateDraft(draft) : {}
  const errorOf = (field: PinField) => problemMessage(problems[field], t)
  const participantsError = attempted && parseParticipants(participants) === null ? w.participantsInvalid : undefined

  useEffect(
    function focusFirstError() {
      if (focusRequest > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
    },
    [focusRequest],
  )

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setAttempted(true)
    const group = parseParticipants(participants)
    const place = placeOf()
    if (Object.keys(validateDraft(draft)).length > 0 || group === null || !place) {
      setFocusRequest((n) => n + 1)
      return
    }
    const clientId = crypto.randomUUID()
    const queuedAt = new Date().toISOString()
    const item: QueuedObservation = {
      clientId,
      code,
      body: { ...toNewPin(draft, [place.lat, place.lng]), participants: group, recordedAt: queuedAt, clientId, ...(website ? { website } : {}) },
      photo,
      queuedAt,
    }
    storeValue(participantsKey, String(group))
    await onQueued(item)
    setDraft(EMPTY_DRAFT)
    setPhoto(null)
    setAttempted(false)
  }

  return (
    <form className="walk-form" ref={formRef} onSubmit={submit} noValidate data-testid="walk-form" aria-labelledby="walk-form-heading">
      <h2 id="walk-form-heading" className="walk-form__title">
        {w.formHeading}
      </h2>
      <CategoryFieldset categories={config.categories} value={draft.category} onChange={(category) => setDraft({ ...draft, category })} error={errorOf('category')} />
      <SeverityFieldset value={draft.severity} onChange={(severity) => setDraft({ ...draft, severity })} error={errorOf('severity')} />
      <TimesOfDayFieldset
        value={draft.timesOfDay}
        onChange={(time, checked) => setDraft({ ...draft, timesOfDay: toggleTimeOfDay(draft.timesOfDay, time, checked) })}
        error={errorOf('timesOfDay')}
      />
      <div className="field">
        <label className="field__legend" htmlFor="walk-participants">
          {w.participants}
        </label>
        <p id="walk-participants-hint" className="field__hint">
          {w.participantsHint}
        </p>
        <FieldError id="walk-participants-error" message={participantsError} />
        <input
          id="walk-participants"
          className="walk-form__participants"
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          step={1}
          required
          value={participants}
          onChange={(e) => setParticipants(e.target.value)}
          aria-invalid={participantsError ? true : undefined}
          aria-describedby={participantsError ? 'walk-participants-hint walk-participants-error' : 'walk-participants-hint'}
          data-testid="walk-participants"
        />
      </div>
      <CommentField value={draft.comment} onChange={(comment) => setDraft({ ...draft, comment })} error={errorOf('comment')} />
      <PhotoField value={photo} onChange={setPhoto} progress={null} />
      {photo && <p className="field__hint">{w.photoOffline}</p>}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="walk-website">{r.honeypotLabel}</label>
        <input id="walk-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.target.value)} />
      </div>
      <button type="submit" className="button button--primary" data-testid="walk-save">
        {w.save}
      </button>
    </form>
  )
}

function readStored(key: string): string {
  try {
    return window.localStorage.getItem(key) ?? ''
  } catch {
    return ''
  }
}

function storeValue(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value)
  } catch {
    // The group size is then asked again after a reload.
  }
}
