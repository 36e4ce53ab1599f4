import type { PublicCampaign, Statistics } from '@trygg/domain'
import { GROUP_COLORS, type CategoryGroup } from '@trygg/domain/constants'
import { useEffect, useId, useState } from 'react'
import { requestJson } from '../../api/api-client.ts'
import { isAbortError } from '../../api/api-error.ts'
import { useI18n } from '../../i18n/language.tsx'
import { useStatisticsMessages } from '../../i18n/statistics-messages.ts'
import { BarChart } from '../hotspots/BarChart.tsx'
import { useStaffSession } from '../staff-session.tsx'
import '../hotspots/hotspots.css'
import '../actions/action-plan.css'

const TIMES = ['morning', 'day', 'evening', 'night'] as const

/** `/personal/statistik`: charts of one campaign and of the years, beside the yearly indicators. */
export function StatisticsPage() {
  const s = useStatisticsMessages()
  const { lang } = useI18n()
  const { errorMessage } = useStaffSession()
  const id = useId()
  const [campaign, setCampaign] = useState<number | null>(null)
  const [campaigns, setCampaigns] = useState<PublicCampaign[]>([])
  const [state, setState] = useState<{ status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: Statistics }>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(function loadCampaigns() {
    const controller = new AbortController()
    requestJson<{ campaigns: PublicCampaign[] }>('/api/staff/hotspots/options', { signal: controller.signal, cache: 'no-store' })
      .then((o) => setCampaigns(o.campaigns))
      .catch(() => undefined)
    return function abort() {
      controller.abort()
    }
  }, [])

  useEffect(
    function loadStatistics() {
      const controller = new AbortController()
      setState({ status: 'loading' })
      requestJson<Statistics>(`/api/staff/statistics${campaign ? `?campaign=${campaign}` : ''}`, { signal: controller.signal, cache: 'no-store' })
        .then((data) => setState({ status: 'ready', data }))
        .catch((error: unknown) => {
          if (!isAbortError(error)) setState({ status: 'error', message: errorMessage(error) })
        })
      return function abort() {
        controller.abort()
      }
    },
    [campaign, attempt, errorMessage],
  )

  const d = state.status === 'ready' ? state.data : null
  const label = (key: string) => {
    const c = d?.categories.find((x) => x.key === key)
    return c ? (lang === 'sv' ? c.labelSv : c.labelEn) : key
  }
  const color = (key: string) => GROUP_COLORS[(d?.categories.find((x) => x.key === key)?.group ?? 'other') as CategoryGroup] ?? GROUP_COLORS.other
  const keys = d ? Object.keys(d.byCategory).sort((a, b) => d.byCategory[b]! - d.byCategory[a]!) : []
  const yearKeys = d ? [...new Set(d.years.flatMap((y) => Object.keys(y.byCategory)))].sort((a, b) => label(a).localeCompare(label(b))) : []

  return (
    <section className="staff-page statistics" aria-labelledby={`${id}-heading`} data-testid="statistics">
      <h2 id={`${id}-heading`}>{s.heading}</h2>
      <p className="staff-page__intro">{s.intro}</p>
      <div className="staff-toolbar no-print">
        <label htmlFor={`${id}-campaign`}>{s.campaign}</label>
        <select id={`${id}-campaign`} value={campaign ?? d?.campaign?.id ?? ''} onChange={(e) => setCampaign(Number(e.target.value) || null)}>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {state.status === 'loading' && <p role="status">{s.loading}</p>}
      {state.status === 'error' && (
        <div role="alert">
          <p>{state.message}</p>
          <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
            {s.retry}
          </button>
        </div>
      )}
      {d && (
        <div className="statistics__grid">
          <div>
            {keys.length === 0 ? (
              <p>{s.none}</p>
            ) : (
              <BarChart caption={s.byCategory} bars={keys.map((k) => ({ key: k, label: label(k), value: d.byCategory[k]!, color: color(k) }))} />
            )}
            <BarChart caption={s.weeks} bars={d.weeks.map((w) => ({ key: w.week, label: s.weekOf(w.week), value: w.count }))} />
          </div>
          <div>
            <table className="action-table">
              <caption className="bar-chart__caption">{s.timeOfDay}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.category}</th>
                  {TIMES.map((t) => (
                    <th key={t} scope="col">
                      {s.times[t]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k}>
                    <th scope="row">{label(k)}</th>
                    {TIMES.map((t) => (
                      <td key={t}>{d.timeOfDay[k]?.[t] ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div>
            <table className="action-table" data-testid="statistics-years">
              <caption className="bar-chart__caption">{s.years}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.category}</th>
                  {d.years.map((y) => (
                    <th key={y.year} scope="col">
                      {y.year}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {yearKeys.map((k) => (
                  <tr key={k}>
                    <th scope="row">{label(k)}</th>
                    {d.years.map((y) => (
                      <td key={y.year}>{y.byCategory[k] ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div>
            {d.indicators.length === 0 ? (
              <p>{s.noIndicators}</p>
            ) : (
              <table className="action-table">
                <caption className="bar-chart__caption">{s.indicators}</caption>
                <thead>
                  <tr>
                    <th scope="col">{s.year}</th>
                    <th scope="col">{s.feelSafe}</th>
                    <th scope="col">{s.crimes}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.indicators.map((i) => (
                    <tr key={i.year}>
                      <th scope="row">{i.year}</th>
                      <td>{i.feelSafeShare ?? '–'}</td>
                      <td>{i.reportedCrimes ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </div>
      )}
    </section>
  )
}
