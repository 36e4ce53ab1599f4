import { TIMES_OF_DAY } from '@trygg/domain/constants'
import type { TimeOfDay } from '@trygg/domain'
import { useI18n } from '../i18n/language.tsx'
import { timeOfDayLabel } from '../i18n/localized.ts'
import { FieldError } from './FieldError.tsx'

export interface TimesOfDayFieldsetProps {
  value: readonly TimeOfDay[]
  onChange: (time: TimeOfDay, checked: boolean) => void
  error: string | undefined
}

/** "When": checkboxes for morning, day, evening and night; at least one is needed. */
export function TimesOfDayFieldset({ value, onChange, error }: TimesOfDayFieldsetProps) {
  const { lang, t } = useI18n()
  const hintId = 'times-hint'
  const errorId = 'times-error'
  return (
    <fieldset className="field" aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend className="field__legend">{t.timesLegend}</legend>
      <p id={hintId} className="field__hint">
        {t.timesHint}
      </p>
      <FieldError id={errorId} message={error} />
      <div className="choices choices--times">
        {TIMES_OF_DAY.map((time) => (
          <label key={time} className="choice choice--time">
            <input
              type="checkbox"
              name="timesOfDay"
              value={time}
              checked={value.includes(time)}
              onChange={(event) => onChange(time, event.currentTarget.checked)}
              aria-invalid={error ? true : undefined}
              data-testid={`time-${time}`}
            />
            <span className="choice__label">{timeOfDayLabel(time, lang)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
