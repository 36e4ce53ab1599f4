import type { HotspotFeature, StaffCategory } from '@trygg/domain'
import { GROUP_COLORS, TIMES_OF_DAY, type CategoryGroup } from '@trygg/domain/constants'
import { useEffect, useRef } from 'react'
import { BarChart } from './BarChart.tsx'
import { useHotspotMessages } from './hotspot-messages.ts'

export interface HotspotDetailProps {
  hotspot: HotspotFeature
  categories: ReadonlyMap<string, StaffCategory>
  /** name of the campaign trends compare with, or null */
  comparisonName: string | null
  timeZone: string
  onClose: () => void
  /** "Skapa åtgärd"; without it the button is not shown */
  onCreateAction?: (hotspot: HotspotFeature) => void
}

/** One hotspot: key figures, charts of category mix, time of day and trend, its pins, and "Skapa åtgärd". */
export function HotspotDetail({ hotspot, categories, comparisonName, timeZone, onClose, onCreateAction }: HotspotDetailProps) {
  const { lang, h } = useHotspotMessages()
  const heading = useRef<HTMLHeadingElement>(null)
  const p = hotspot.properties
  const categoryLabel = (key: string) => {
    const c = categories.get(key)
    return c ? (lang === 'sv' ? c.labelSv : c.labelEn) : key
  }
  const categoryColor = (key: string) => categories.get(key)?.color ?? GROUP_COLORS[(categories.get(key)?.group ?? 'other') as CategoryGroup]
  const date = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeZone })
  const number = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 })

  useEffect(
    function focusHeadingOnOpen() {
      heading.current?.focus()
    },
    [p.id],
  )

  const categoryBars = Object.entries(p.categories)
    .sort((a, b) => b[1] - a[1])
    .map(([key, value]) => ({ key, label: categoryLabel(key), value, color: categoryColor(key) }))
  const timeBars = TIMES_OF_DAY.map((t) => ({ key: t, label: h.timeOfDay[t], value: p.timesOfDay[t] }))

  return (
    <section className="hotspot-detail" aria-labelledby="hotspot-detail-heading">
      <div className="hotspot-detail__head">
        <h2 id="hotspot-detail-heading" ref={heading} tabIndex={-1}>
          {h.detailHeading(p.rank)}
        </h2>
        <button type="button" className="button button--secondary hotspot-detail__close" onClick={onClose}>
          {h.closeDetail}
        </button>
      </div>
      <dl className="hotspot-detail__figures">
        <div>
          <dt>{h.pins}</dt>
          <dd>{p.pinCount}</dd>
        </div>
        <div>
          <dt>{h.agreements}</dt>
          <dd>{p.agreements}</dd>
        </div>
        <div>
          <dt>{h.meanSeverity}</dt>
          <dd>{number.format(p.meanSeverity)}</dd>
        </div>
        <div>
          <dt>{h.score}</dt>
          <dd>{number.format(p.score)}</dd>
        </div>
      </dl>
      {onCreateAction ? (
        <button type="button" className="button button--primary hotspot-detail__action" onClick={() => onCreateAction(hotspot)}>
          {h.createAction}
        </button>
      ) : null}
      <BarChart caption={h.categoryMix} bars={categoryBars} />
      <BarChart caption={h.timeProfile} bars={timeBars} max={p.pinCount} />
      {p.trend && comparisonName ? (
        <>
          <BarChart
            caption={h.trend}
            bars={[
              { key: 'then', label: h.trendThen(comparisonName), value: p.trend.then, color: '#8a94a6' },
              { key: 'now', label: h.trendNow, value: p.trend.now },
            ]}
          />
          <p className="hotspot-detail__trend">{h.trendChange(p.trend.change)}</p>
        </>
      ) : (
        <p className="hotspot-detail__trend">{h.noTrend}</p>
      )}
      <table className="hotspot-pins">
        <caption>{h.pinList}</caption>
        <thead>
          <tr>
            <th scope="col">{h.pinColumns.category}</th>
            <th scope="col">{h.pinColumns.severity}</th>
            <th scope="col">{h.pinColumns.times}</th>
            <th scope="col">{h.pinColumns.agreements}</th>
            <th scope="col">{h.pinColumns.date}</th>
          </tr>
        </thead>
        <tbody>
          {p.pins.map((pin) => (
            <tr key={pin.id}>
              <td>
                <span className="hotspot-pins__dot" aria-hidden="true" style={{ background: categoryColor(pin.category) }} />
                {categoryLabel(pin.category)}
              </td>
              <td>{pin.severity}</td>
              <td>{pin.timesOfDay.map((t) => h.timeOfDay[t]).join(', ')}</td>
              <td>{pin.agreements}</td>
              <td>{date.format(new Date(pin.createdAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
