import type { AgeBand, BackgroundAnswers, BackgroundQuestions, Gender } from '@trygg/domain'
import { useEffect, useState } from 'react'
import { fetchBackgroundQuestions } from '../api/background.ts'
import { useMediaMessages } from '../i18n/media-messages.ts'

/** The background questions when the municipality asks them; null while unknown or when it does not. */
export function useBackgroundQuestions(): BackgroundQuestions | null {
  const [questions, setQuestions] = useState<BackgroundQuestions | null>(null)
  useEffect(function loadBackgroundQuestions() {
    const controller = new AbortController()
    fetchBackgroundQuestions(controller.signal)
      .then((q) => setQuestions(q.enabled ? q : null))
      .catch(() => setQuestions(null))
    return function cancelBackgroundQuestions() {
      controller.abort()
    }
  }, [])
  return questions
}

export interface BackgroundFieldsetProps {
  questions: BackgroundQuestions
  value: BackgroundAnswers
  onChange: (answers: BackgroundAnswers) => void
}

/** Optional age band and gender, each with "prefer not to say" as the default. */
export function BackgroundFieldset({ questions, value, onChange }: BackgroundFieldsetProps) {
  const m = useMediaMessages()
  function set<K extends keyof BackgroundAnswers>(key: K, answer: BackgroundAnswers[K] | '') {
    const next = { ...value }
    if (answer) next[key] = answer as BackgroundAnswers[K]
    else delete next[key]
    onChange(next)
  }
  return (
    <fieldset className="field background-fieldset" aria-describedby="background-hint">
      <legend className="field__legend">{m.backgroundLegend}</legend>
      <p id="background-hint" className="field__hint">
        {m.backgroundHint}
      </p>
      <div className="background-fieldset__row">
        <label htmlFor="age-band">{m.ageBandLabel}</label>
        <select id="age-band" value={value.ageBand ?? ''} onChange={(e) => set('ageBand', e.currentTarget.value as AgeBand | '')} data-testid="age-band">
          <option value="">{m.noAnswer}</option>
          {questions.ageBands.map((a) => (
            <option key={a} value={a}>
              {m.ageBands[a]}
            </option>
          ))}
        </select>
      </div>
      <div className="background-fieldset__row">
        <label htmlFor="gender">{m.genderLabel}</label>
        <select id="gender" value={value.gender ?? ''} onChange={(e) => set('gender', e.currentTarget.value as Gender | '')} data-testid="gender">
          <option value="">{m.noAnswer}</option>
          {questions.genders.map((g) => (
            <option key={g} value={g}>
              {m.genders[g]}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  )
}
