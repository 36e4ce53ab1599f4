import { binColor, LEGEND_BINS, SCORE_COLORS, scoreSteps } from './hotspot-colors.ts'
import { useHotspotMessages } from './hotspot-messages.ts'

/** Legend of the Gi* bins, with how many cells of the study area fall in each. */
export function BinLegend({ counts }: { counts: Readonly<Record<string, number>> }) {
  const { h } = useHotspotMessages()
  return (
    <section className="map-legend" aria-label={h.binLegend}>
      <h3 className="map-legend__title">{h.binLegend}</h3>
      <ul>
        {LEGEND_BINS.map((bin) => (
          <li key={bin}>
            <span className="map-legend__swatch" aria-hidden="true" style={{ background: binColor(bin) }} />
            {h.bins[String(bin)]}
            <span className="map-legend__count">{h.cells(counts[String(bin)] ?? 0)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Legend of the hull colours: five score steps up to the highest score shown. */
export function ScoreLegend({ max }: { max: number }) {
  const { lang, h } = useHotspotMessages()
  const format = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 })
  const steps = scoreSteps(max)
  return (
    <section className="map-legend" aria-label={h.scoreLegend}>
      <h3 className="map-legend__title">{h.scoreLegend}</h3>
      <ul>
        {SCORE_COLORS.map((color, k) => (
          <li key={color}>
            <span className="map-legend__swatch" aria-hidden="true" style={{ background: color }} />
            {`${k === 0 ? 0 : format.format(steps[k - 1]!)}–${format.format(steps[k]!)}`}
          </li>
        ))}
      </ul>
      <p className="map-legend__note">{h.scoreHelp}</p>
    </section>
  )
}
