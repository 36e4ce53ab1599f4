import type { YearlyIndicator, YearlyIndicatorChange } from '@trygg/domain'
import { useId, useState, type FormEvent } from 'react'
import { useFollowUpMessages } from '../../i18n/follow-up-messages.ts'

/** Enters a year's indicators; empty fields are saved as "not known". */
export function IndicatorForm({ year, current, busy, onSave }: { year: number; current: YearlyIndicator | undefined; busy: boolean; onSave: (v: YearlyIndicatorChange) => void }) {
  const f = useFollowUpMessages()
  const id = useId()
  const [feelSafe, setFeelSafe] = useState(current?.feelSafeShare?.toString() ?? '')
  const [crimes, setCrimes] = useState(current?.reportedCrimes?.toString() ?? '')

  function submit(e: FormEvent) {
    e.preventDefault()
    onSave({ feelSafeShare: feelSafe.trim() ? Number(feelSafe.replace(',', '.')) : null, reportedCrimes: crimes.trim() ? Number(crimes) : null })
  }

  return (
    <form className="follow-up__indicators-form no-print" onSubmit={submit} data-testid="indicator-form">
      <h4>{f.editIndicators(year)}</h4>
      <div className="form-field">
        <label htmlFor={`${id}-safe`}>{f.feelSafe}</label>
        <input id={`${id}-safe`} name="feelSafeShare" inputMode="decimal" value={feelSafe} onChange={(e) => setFeelSafe(e.target.value)} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-crimes`}>{f.crimes}</label>
        <input id={`${id}-crimes`} name="reportedCrimes" inputMode="numeric" value={crimes} onChange={(e) => setCrimes(e.target.value)} />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {f.save}
      </button>
    </form>
  )
}
