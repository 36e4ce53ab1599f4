export interface Bar {
  key: string
  label: string
  value: number
  /** bar colour; defaults to the primary colour */
  color?: string
}

export interface BarChartProps {
  caption: string
  bars: readonly Bar[]
  /** the value of a full-width bar; defaults to the largest value */
  max?: number
}

/**
 * A horizontal bar chart as a table: screen readers read label and value, the bars are
 * decoration. Bars are plain CSS widths, so the chart prints and zooms cleanly.
 */
export function BarChart({ caption, bars, max }: BarChartProps) {
  const top = max ?? Math.max(0, ...bars.map((b) => b.value))
  return (
    <table className="bar-chart">
      <caption className="bar-chart__caption">{caption}</caption>
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.key}>
            <th scope="row" className="bar-chart__label">
              {bar.label}
            </th>
            <td className="bar-chart__cell">
              <span
                className="bar-chart__bar"
                aria-hidden="true"
                style={{ width: `${top > 0 ? (100 * bar.value) / top : 0}%`, background: bar.color ?? 'var(--color-primary)' }}
              />
              <span className="bar-chart__value">{bar.value}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
