import { MAX_REASON_LENGTH } from '@trygg/domain/constants'
import type { Ref } from 'react'
import { FieldError } from '../../report/FieldError.tsx'

export interface ReasonFieldProps {
  /** prefix of the field's ids, unique on the page */
  id: string
  label: string
  hint: string
  value: string
  onChange: (reason: string) => void
  error: string | undefined
  inputRef: Ref<HTMLInputElement>
  testId: string
}

/** The reason a moderator gives for a redaction, required and kept in the audit log. */
export function ReasonField({ id, label, hint, value, onChange, error, inputRef, testId }: ReasonFieldProps) {
  return (
    <div className="staff-field">
      <label htmlFor={`${id}-reason`}>{label}</label>
      <input
        id={`${id}-reason`}
        ref={inputRef}
        type="text"
        maxLength={MAX_REASON_LENGTH}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-reason-hint${error ? ` ${id}-reason-error` : ''}`}
        data-testid={testId}
      />
      <p id={`${id}-reason-hint`} className="field__hint">
        {hint}
      </p>
      <FieldError id={`${id}-reason-error`} message={error} />
    </div>
  )
}
