import type { HotspotOptions } from '@trygg/domain'
import { TIMES_OF_DAY, type TimeOfDay } from '@trygg/domain/constants'
import { useEffect, useId, useState, type FormEvent } from 'react'
import { useHotspotMessages } from './hotspot-messages.ts'
import { analysisQuery, type HotspotView } from './hotspot-url.ts'

export interface HotspotFiltersProps {
  view: HotspotView
  options: HotspotOptions
  /** called with the whole edited selection when the form is submitted */
  onApply: (change: Partial<HotspotView>) => void
}

const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((v) => v !== value))

/**
 * The selection (campaigns, categories, times of day, period) and the method with its
 * parameters. Edits stay in the form until "Uppdatera analysen", so a half-typed number never
 * starts an analysis.
 */
export function HotspotFilters({ view, options, onApply }: HotspotFiltersProps) {
  const { lang, h } = useHotspotMessages()
  const [draft, setDraft] = useState(view)
  const id = useId()
  const { limits } = options

  // The draft follows the applied selection (e.g. back/forward), but not a hotspot being opened.
  const applied = analysisQuery(view)
  useEffect(
    function resetDraftWhenSelectionChanges() {
      setDraft(view)
    },
    [applied],
  )

  const set = (change: Partial<HotspotView>) => setDraft((d) => ({ ...d, ...change }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const { heat: _heat, selected: _selected, ...rest } = draft
    onApply({ ...rest, selected: null })
  }
  const label = (c: { labelSv: string; labelEn: string }) => (lang === 'sv' ? c.labelSv : c.labelEn)

  return (
    <form className="hotspot-filters" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="hotspot-filters__heading">
        {h.filtersHeading}
      </h2>

      <fieldset>
        <legend>{h.method}</legend>
        {(['dbscan', 'gistar'] as const).map((m) => (
          <label key={m} className="check">
            <input type="radio" name={`${id}-method`} value={m} checked={draft.method === m} onChange={() => set({ method: m })} />
            {m === 'dbscan' ? h.methodDbscan : h.methodGistar}
          </label>
        ))}
      </fieldset>

      {draft.method === 'dbscan' ? (
        <div className="hotspot-filters__params">
          <label htmlFor={`${id}-eps`}>{h.eps}</label>
          <input id={`${id}-eps`} type="number" required min={limits.eps.min} max={limits.eps.max} step="any" value={draft.eps} onChange={(e) => set({ eps: e.target.valueAsNumber })} />
          <label htmlFor={`${id}-min`}>{h.minPoints}</label>
          <input id={`${id}-min`} type="number" required min={limits.minPoints.min} max={limits.minPoints.max} step={1} value={draft.minPoints} onChange={(e) => set({ minPoints: e.target.valueAsNumber })} />
        </div>
      ) : (
        <div className="hotspot-filters__params">
          <label htmlFor={`${id}-cell`}>{h.cellSize}</label>
          <input id={`${id}-cell`} type="number" required min={limits.cellSize.min} max={limits.cellSize.max} step="any" value={draft.cellSize} onChange={(e) => set({ cellSize: e.target.valueAsNumber })} />
          <fieldset>
            <legend>{h.weight}</legend>
            {(['count', 'severity'] as const).map((w) => (
              <label key={w} className="check">
                <input type="radio" name={`${id}-weight`} value={w} checked={draft.weight === w} onChange={() => set({ weight: w })} />
                {w === 'count' ? h.weightCount : h.weightSeverity}
              </label>
            ))}
          </fieldset>
          <label className="check">
            <input type="checkbox" checked={draft.fdr} onChange={(e) => set({ fdr: e.target.checked })} aria-describedby={`${id}-fdr-hint`} />
            {h.fdr}
          </label>
          <p id={`${id}-fdr-hint`} className="hint">
            {h.fdrHint}
          </p>
        </div>
      )}

      <fieldset>
        <legend>{h.campaigns}</legend>
        {options.campaigns.length === 0 && <p className="hint">{h.allCampaigns}</p>}
        {options.campaigns.map((c) => (
          <label key={c.id} className="check">
            <input type="checkbox" checked={draft.campaigns.includes(c.id)} onChange={(e) => set({ campaigns: toggle(draft.campaigns, c.id, e.target.checked) })} />
            {c.name}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{h.categories}</legend>
        {options.categories.map((c) => (
          <label key={c.key} className="check">
            <input type="checkbox" checked={draft.categories.includes(c.key)} onChange={(e) => set({ categories: toggle(draft.categories, c.key, e.target.checked) })} />
            {label(c)}
            {c.sensitive && <span className="hint"> ({h.sensitive})</span>}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{h.timesOfDay}</legend>
        {TIMES_OF_DAY.map((t: TimeOfDay) => (
          <label key={t} className="check">
            <input
              type="checkbox"
              checked={draft.timesOfDay.includes(t)}
              onChange={(e) => set({ timesOfDay: TIMES_OF_DAY.filter((x) => (x === t ? e.target.checked : draft.timesOfDay.includes(x))) })}
            />
            {h.timeOfDay[t]}
          </label>
        ))}
      </fieldset>

      <fieldset className="hotspot-filters__period">
        <legend>{h.period}</legend>
        <label htmlFor={`${id}-from`}>{h.from}</label>
        <input id={`${id}-from`} type="date" value={draft.from} max={draft.to || undefined} onChange={(e) => set({ from: e.target.value })} />
        <label htmlFor={`${id}-to`}>{h.to}</label>
        <input id={`${id}-to`} type="date" value={draft.to} min={draft.from || undefined} onChange={(e) => set({ to: e.target.value })} />
      </fieldset>

      <button type="submit" className="button button--primary">
        {h.apply}
      </button>
    </form>
  )
}
