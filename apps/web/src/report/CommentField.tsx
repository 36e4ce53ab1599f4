import { MAX_COMMENT_LENGTH } from '@trygg/domain/constants'
import { useI18n } from '../i18n/language.tsx'
import { FieldError } from './FieldError.tsx'

export interface CommentFieldProps {
  value: string
  onChange: (comment: string) => void
  error: string | undefined
}

/** The optional comment, with the warning not to name people (reports are public records). */
export function CommentField({ value, onChange, error }: CommentFieldProps) {
  const { t } = useI18n()
  const warningId = 'comment-warning'
  const errorId = 'comment-error'
  return (
    <div className="field">
      <label className="field__legend" htmlFor="comment">
        {t.commentLabel}
      </label>
      <p id={warningId} className="field__warning">
        {t.commentWarning}
      </p>
      <FieldError id={errorId} message={error} />
      <textarea
        id="comment"
        name="comment"
        rows={4}
        maxLength={MAX_COMMENT_LENGTH}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        aria-describedby={error ? `${warningId} ${errorId}` : warningId}
        aria-invalid={error ? true : undefined}
        data-testid="comment"
      />
      <p className="field__counter">{t.commentCount(value.length, MAX_COMMENT_LENGTH)}</p>
    </div>
  )
}
