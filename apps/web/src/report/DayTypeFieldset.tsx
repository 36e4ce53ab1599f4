import { DAY_TYPES, type DayType } from '@trygg/domain/constants'
import { useI18n } from '../i18n/language.tsx'
import { DAY_TYPE_MESSAGES } from '../i18n/day-type-messages.ts'

export interface DayTypeFieldsetProps {
  value: DayType | null
  onChange: (value: DayType | null) => void
}

/** "Vilka dagar?": weekdays, weekends or both; optional, "not sure" by default. */
export function DayTypeFieldset({ value, onChange }: DayTypeFieldsetProps) {
  const m = DAY_TYPE_MESSAGES[useI18n().lang]
  return (
    <fieldset className="field" aria-describedby="day-type-hint">
      <legend className="field__legend">{m.legend}</legend>
      <p id="day-type-hint" className="field__hint">
        {m.hint}
      </p>
      <div className="choices choices--times">
        {[...DAY_TYPES, null].map((option) => (
          <label key={option ?? 'unsaid'} className="choice choice--time">
            <input
              type="radio"
              name="dayType"
              value={option ?? ''}
              checked={value === option}
              onChange={() => onChange(option)}
              data-testid={`day-type-${option ?? 'unsaid'}`}
            />
            <span className="choice__label">{m.options[option ?? 'unsaid']}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
