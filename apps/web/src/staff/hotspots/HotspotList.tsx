import type { HotspotFeature } from '@trygg/domain'
import { useEffect, useRef } from 'react'
import { scoreColor } from './hotspot-colors.ts'
import { useHotspotMessages } from './hotspot-messages.ts'

export interface HotspotListProps {
  hotspots: readonly HotspotFeature[]
  onSelect: (id: string) => void
  /** the hotspot whose button gets focus when the list appears, e.g. the one whose details just closed */
  focusId?: string | null
}

/** The hotspots by rank as buttons: the keyboard and screen-reader way into the map's hulls. */
export function HotspotList({ hotspots, onSelect, focusId = null }: HotspotListProps) {
  const { lang, h } = useHotspotMessages()
  const list = useRef<HTMLOListElement>(null)

  useEffect(
    function focusReturningHotspot() {
      if (focusId) list.current?.querySelector<HTMLButtonElement>(`[data-hotspot="${CSS.escape(focusId)}"]`)?.focus()
    },
    [focusId],
  )

  const number = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 })
  const max = Math.max(0, ...hotspots.map((f) => f.properties.score))
  return (
    <section className="hotspot-list" aria-labelledby="hotspot-list-heading">
      <h2 id="hotspot-list-heading">{h.hotspotList}</h2>
      {hotspots.length === 0 ? (
        <p className="hint">{h.noHotspots}</p>
      ) : (
        <ol ref={list}>
          {hotspots.map((f) => (
            <li key={f.properties.id}>
              <button type="button" className="hotspot-list__item" data-hotspot={f.properties.id} onClick={() => onSelect(f.properties.id)}>
                <span className="map-legend__swatch" aria-hidden="true" style={{ background: scoreColor(f.properties.score, max) }} />
                <span className="hotspot-list__name">{h.hotspotName(f.properties.rank)}</span>
                <span className="hotspot-list__meta">
                  {`${h.pins}: ${f.properties.pinCount} · ${h.score}: ${number.format(f.properties.score)}`}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
