import { MATRIX_ROWS, TIMES_OF_DAY } from '@trygg/domain/constants'
import type { WhenMatrix as Matrix } from '@trygg/domain'
import { useTrafficMessages } from './traffic-messages.ts'

/** The time-of-day × day-type table of an area; cells shaded by their share of the largest. */
export function WhenMatrix({ matrix }: { matrix: Matrix }) {
  const { m } = useTrafficMessages()
  const max = Math.max(1, ...MATRIX_ROWS.flatMap((r) => TIMES_OF_DAY.map((t) => matrix[r][t])))
  return (
    <table className="when-matrix" data-testid="when-matrix">
      <caption>{m.matrixCaption}</caption>
      <thead>
        <tr>
          <td />
          {TIMES_OF_DAY.map((t) => (
            <th key={t} scope="col">
              {m.times[t]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {MATRIX_ROWS.map((row) => (
          <tr key={row}>
            <th scope="row">{m.matrixRows[row]}</th>
            {TIMES_OF_DAY.map((t) => {
              const v = matrix[row][t]
              return (
                <td key={t} style={{ background: `rgba(189, 0, 38, ${(0.75 * v) / max})`, color: v / max > 0.55 ? '#fff' : undefined }}>
                  {v}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
