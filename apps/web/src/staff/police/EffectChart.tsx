import './effect-chart.css'
import { useState } from 'react'
import { useFetch } from '../hotspots/use-fetch.ts'
import { useStaffSession } from '../staff-session.tsx'
import { fetchEffect } from './police-api.ts'
import { useTrafficMessages } from './traffic-messages.ts'

/**
 * "Did it help": traffic marks per week before (grey) and after (blue) a control, or the day a
 * done action item was completed, as columns.
 */
export function EffectChart({ controlId, actionItemId }: { controlId?: number; actionItemId?: number }) {
  const { m } = useTrafficMessages()
  const { errorMessage } = useStaffSession()
  // null: the server's default (TRYGG_POLICE_EFFECT_WEEKS)
  const [chosen, setChosen] = useState<number | null>(null)
  const effect = useFetch(actionItemId !== undefined ? `actions:${actionItemId}:${chosen ?? ''}` : `controls:${controlId}:${chosen ?? ''}`, fetchEffect)
  const data = effect.data
  const weeks = chosen ?? data?.weeks ?? 0
  const max = Math.max(1, ...(data?.series.map((w) => w.count) ?? []))
  return (
    <figure className="effect-chart" data-testid="effect-chart">
      <figcaption>
        {actionItemId !== undefined ? m.actionEffectCaption(weeks) : m.effectCaption(weeks)}{' '}
        <label className="effect-chart__weeks">
          {m.weeks}{' '}
          <input type="number" min={1} max={52} value={weeks || ''} onChange={(e) => setChosen(Math.min(52, Math.max(1, Number(e.target.value) || 1)))} />
        </label>
      </figcaption>
      {effect.status === 'error' && <p role="alert">{errorMessage(effect.error)}</p>}
      {data && (
        <>
          <table className="effect-chart__table">
            <tbody>
              <tr className="effect-chart__bars" aria-hidden="true">
                {data.series.map((w) => (
                  <td key={w.week}>
                    <span className={`effect-chart__bar effect-chart__bar--${w.week < 0 ? 'before' : 'after'}`} style={{ height: `${(100 * w.count) / max}%` }} />
                  </td>
                ))}
              </tr>
              <tr>
                {data.series.map((w) => (
                  <td key={w.week} title={w.start}>
                    <span className="effect-chart__count">{w.count}</span>
                    <span className="effect-chart__week">{m.weekLabel(w.week)}</span>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
          <p className="effect-chart__totals" data-testid="effect-totals">
            {m.effectTotals(data.before, data.after)}
            {!data.afterComplete && ` · ${m.effectIncomplete}`}
          </p>
        </>
      )}
    </figure>
  )
}
