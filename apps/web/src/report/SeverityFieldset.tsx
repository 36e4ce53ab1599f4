import { useI18n } from '../i18n/language.tsx'
import { FieldError } from './FieldError.tsx'

export interface SeverityFieldsetProps {
  value: number | null
  onChange: (severity: number) => void
  error: string | undefined
}

const LEVELS = [1, 2, 3, 4, 5] as const

/** "How unsafe": a radio group from 1 (a little) to 5 (very), each with its words. */
export function SeverityFieldset({ value, onChange, error }: SeverityFieldsetProps) {
  const { t } = useI18n()
  const errorId = 'severity-error'
  return (
    <fieldset className="field" aria-describedby={error ? errorId : undefined}>
      <legend className="field__legend">{t.severityLegend}</legend>
      <FieldError id={errorId} message={error} />
      <div className="choices choices--severity">
        {LEVELS.map((level) => (
          <label key={level} className="choice choice--severity">
            <input
              type="radio"
              name="severity"
              value={level}
              checked={value === level}
              onChange={() => onChange(level)}
              aria-invalid={error ? true : undefined}
              data-testid={`severity-${level}`}
            />
            <span className="choice__level" aria-hidden="true" data-level={level}>
              {level}
            </span>
            <span className="choice__label">
              <span className="visually-hidden">{level} – </span>
              {t.severityLabels[level - 1]}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
