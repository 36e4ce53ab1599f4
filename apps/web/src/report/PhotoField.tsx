import { PHOTO_TYPES } from '@trygg/domain/constants'
import { useEffect, useRef, useState, type ChangeEvent } from 'react'
import { useMediaMessages } from '../i18n/media-messages.ts'
import { FieldError } from './FieldError.tsx'
import { photoProblem } from './photo-check.ts'

export interface PhotoFieldProps {
  value: File | null
  onChange: (photo: File | null) => void
  /** Upload progress 0..1 while the photo is being sent, else null. */
  progress: number | null
}

/** The optional photo: a file input, a preview, and the upload's progress bar. */
export function PhotoField({ value, onChange, progress }: PhotoFieldProps) {
  const m = useMediaMessages()
  const inputRef = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<string | undefined>()
  const [preview, setPreview] = useState<string | null>(null)

  useEffect(
    function previewChosenPhoto() {
      if (!value) {
        setPreview(null)
        return
      }
      const url = URL.createObjectURL(value)
      setPreview(url)
      return function revokePreview() {
        URL.revokeObjectURL(url)
      }
    },
    [value],
  )

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0] ?? null
    const problem = file ? photoProblem(file) : undefined
    setError(problem ? m[problem] : undefined)
    if (problem) event.currentTarget.value = ''
    onChange(problem ? null : file)
  }

  function remove() {
    if (inputRef.current) inputRef.current.value = ''
    setError(undefined)
    onChange(null)
    inputRef.current?.focus()
  }

  const percent = progress === null ? 0 : Math.round(progress * 100)
  return (
    <div className="field photo-field">
      <label className="field__legend" htmlFor="photo">
        {m.photoLabel}
      </label>
      <p id="photo-hint" className="field__hint">
        {m.photoHint}
      </p>
      <p id="photo-warning" className="field__warning">
        {m.photoWarning}
      </p>
      <FieldError id="photo-error" message={error} />
      <input
        ref={inputRef}
        id="photo"
        name="photo"
        type="file"
        accept={PHOTO_TYPES.join(',')}
        onChange={choose}
        disabled={progress !== null}
        aria-describedby={error ? 'photo-hint photo-warning photo-error' : 'photo-hint photo-warning'}
        aria-invalid={error ? true : undefined}
        data-testid="photo-input"
      />
      {value && (
        <div className="photo-field__chosen">
          {preview && <img className="photo-field__preview" src={preview} alt={m.photoPreviewAlt} />}
          <p className="photo-field__name">{m.photoChosen(value.name)}</p>
          {progress === null && (
            <button type="button" className="button button--small button--secondary" onClick={remove} data-testid="photo-remove">
              {m.photoRemove}
            </button>
          )}
        </div>
      )}
      {progress !== null && (
        <div className="photo-field__progress">
          <label htmlFor="photo-progress">{m.photoUploading}</label>
          <progress id="photo-progress" max={100} value={percent} aria-valuetext={m.photoProgress(percent)} data-testid="photo-progress">
            {percent} %
          </progress>
        </div>
      )}
    </div>
  )
}
