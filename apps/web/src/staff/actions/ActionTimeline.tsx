import type { ActionChoice, ActionItem } from '@trygg/domain'
import { useActionPlanMessages } from '../../i18n/action-plan-messages.ts'
import { useI18n } from '../../i18n/language.tsx'
import { localized } from './choice-label.ts'

const DAY = 86_400_000
const day = (d: string) => Date.parse(`${d}T00:00:00Z`)

/**
 * The items as bars from start to due date, grouped by focus area, on one shared scale from the
 * earliest start to the latest due date. An item with only one date shows as a short bar there.
 */
export function ActionTimeline({ items, focusAreas }: { items: readonly ActionItem[]; focusAreas: readonly ActionChoice[] }) {
  const a = useActionPlanMessages()
  const { lang } = useI18n()
  const dated = items.filter((i) => i.startsOn || i.dueOn)
  const starts = dated.map((i) => day((i.startsOn ?? i.dueOn)!))
  const ends = dated.map((i) => day((i.dueOn ?? i.startsOn)!) + DAY)
  const min = Math.min(...starts)
  const span = Math.max(DAY, Math.max(...ends) - min)
  const pct = (t: number) => `${(((t - min) / span) * 100).toFixed(2)}%`
  const groups = [...new Set([...focusAreas.map((f) => f.key), ...items.map((i) => i.focusArea)])]
    .map((key) => ({ key, items: items.filter((i) => i.focusArea === key) }))
    .filter((g) => g.items.length > 0)

  return (
    <div className="action-timeline">
      {dated.length > 0 && (
        <p className="action-timeline__scale">
          <span>{new Date(min).toISOString().slice(0, 10)}</span>
          <span>{new Date(min + span - DAY).toISOString().slice(0, 10)}</span>
        </p>
      )}
      {groups.map((g) => (
        <section key={g.key} className="action-timeline__group">
          <h4>{localized(focusAreas, g.key, lang)}</h4>
          <ul>
            {g.items.map((i) => {
              const from = i.startsOn ?? i.dueOn
              const to = i.dueOn ?? i.startsOn
              return (
                <li key={i.id} className="action-timeline__row">
                  <span className="action-timeline__label">{i.title}</span>
                  <span className="action-timeline__track">
                    {from && to ? (
                      <span
                        className={`action-timeline__bar action-status--${i.status}`}
                        style={{ left: pct(day(from)), width: pct(min + (day(to) + DAY - day(from))) }}
                        title={`${from} – ${to}: ${a.statuses[i.status]}`}
                      />
                    ) : (
                      <span className="action-timeline__none">{a.noDates}</span>
                    )}
                  </span>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </div>
  )
}
