import type { TrafficArea } from '@trygg/domain'
import { useTrafficMessages } from './traffic-messages.ts'

/** The ranked traffic areas; choosing one opens its details. */
export function AreaList({ areas, onSelect }: { areas: readonly TrafficArea[]; onSelect: (id: string) => void }) {
  const { m } = useTrafficMessages()
  if (!areas.length) return <p>{m.noAreas}</p>
  return (
    <section aria-labelledby="traffic-areas-heading">
      <h3 id="traffic-areas-heading">{m.areasHeading}</h3>
      <table className="traffic-table" data-testid="area-list">
        <thead>
          <tr>
            <th scope="col">{m.area}</th>
            <th scope="col">{m.pins}</th>
            <th scope="col">{m.meanSeverity}</th>
            <th scope="col">{m.agreements}</th>
            <th scope="col">{m.trend}</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => {
            const { id, rank, pinCount, meanSeverity, agreements, trend } = a.properties
            return (
              <tr key={id}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onSelect(id)} data-testid={`area-${rank}`}>
                    {m.areaName(rank)}
                  </button>
                </th>
                <td>{pinCount}</td>
                <td>{meanSeverity.toFixed(1)}</td>
                <td>{agreements}</td>
                <td title={m.trendText(trend.recent, trend.previous, trend.weeks)}>{trend.change > 0 ? `▲ +${trend.change}` : trend.change < 0 ? `▼ ${trend.change}` : '–'}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
