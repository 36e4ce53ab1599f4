import type { FollowUpReport, HotspotFeature, YearlyIndicatorChange } from '@trygg/domain'
import { useEffect, useId, useState } from 'react'
import { isAbortError } from '../../api/api-error.ts'
import { useFollowUpMessages } from '../../i18n/follow-up-messages.ts'
import { useI18n } from '../../i18n/language.tsx'
import { useStatus } from '../../status/status.tsx'
import { useSignedIn, useStaffSession } from '../staff-session.tsx'
import { fetchCampaignHotspots, fetchFollowUp, saveIndicators } from './follow-up-api.ts'
import { IndicatorForm } from './IndicatorForm.tsx'
import '../actions/action-plan.css'
import './follow-up.css'

const STATUSES = ['proposed', 'planned', 'in_progress', 'done', 'not_done'] as const
const TOP_HOTSPOTS = 5

const change = (now: number, then: number | null | undefined) => {
  if (then === null || then === undefined) return '–'
  const d = now - then
  const pct = then === 0 ? '' : ` (${d > 0 ? '+' : ''}${Math.round((d / then) * 100)} %)`
  return `${d > 0 ? '+' : ''}${d}${pct}`
}

/** `/personal/uppfoljning`: the yearly follow-up for the council, made to print as a document. */
export function FollowUpPage() {
  const f = useFollowUpMessages()
  const { lang } = useI18n()
  const session = useSignedIn()
  const { errorMessage } = useStaffSession()
  const { announce } = useStatus()
  const id = useId()
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(thisYear)
  const [report, setReport] = useState<{ status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: FollowUpReport }>({ status: 'loading' })
  const [hotspots, setHotspots] = useState<HotspotFeature[] | null>(null)
  const [reload, setReload] = useState(0)
  const [busy, setBusy] = useState(false)
  const canEdit = session.staff.role === 'planner' || session.staff.role === 'admin'

  useEffect(
    function loadReport() {
      const controller = new AbortController()
      setReport({ status: 'loading' })
      setHotspots(null)
      fetchFollowUp(year, controller.signal)
        .then(async (data) => {
          setReport({ status: 'ready', data })
          const latest = data.campaigns[0]
          if (!latest) return setHotspots([])
          const result = await fetchCampaignHotspots(latest.campaign.id, controller.signal)
          setHotspots(result.features.slice(0, TOP_HOTSPOTS))
        })
        .catch((error: unknown) => {
          if (!isAbortError(error)) setReport({ status: 'error', message: errorMessage(error) })
        })
      return function abort() {
        controller.abort()
      }
    },
    [year, reload, errorMessage],
  )

  async function save(v: YearlyIndicatorChange) {
    setBusy(true)
    try {
      await saveIndicators(session.csrfToken, year, v)
      announce(f.saved, 'success')
      setReload((n) => n + 1)
    } catch (error) {
      announce(errorMessage(error), 'error')
    } finally {
      setBusy(false)
    }
  }

  const label = (c: { labelSv: string; labelEn: string }) => (lang === 'sv' ? c.labelSv : c.labelEn)
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i)
  const r = report.status === 'ready' ? report.data : null
  const categoryLabel = (key: string) => {
    const c = r?.categories.find((x) => x.key === key)
    return c ? label(c) : key
  }

  return (
    <section className="staff-page follow-up" aria-labelledby={`${id}-heading`} data-testid="follow-up">
      <h2 id={`${id}-heading`}>{f.heading(year, r?.municipality ?? session.staff.municipality.name)}</h2>
      <p className="staff-page__intro">{f.intro}</p>
      <div className="staff-toolbar no-print">
        <label htmlFor={`${id}-year`}>{f.year}</label>
        <select id={`${id}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {f.print}
        </button>
      </div>
      {report.status === 'loading' && <p role="status">{f.loading}</p>}
      {report.status === 'error' && (
        <div role="alert">
          <p>{report.message}</p>
          <button type="button" className="button button--secondary" onClick={() => setReload((n) => n + 1)}>
            {f.retry}
          </button>
        </div>
      )}
      {r && (
        <>
          <section className="follow-up__section">
            <h3>{f.campaignsHeading}</h3>
            {r.campaigns.length === 0 && <p>{f.noCampaigns}</p>}
            {r.campaigns.map((c) => {
              const keys = [...new Set([...Object.keys(c.categories), ...Object.keys(c.previousCategories ?? {})])].sort((a, b) => (c.categories[b] ?? 0) - (c.categories[a] ?? 0))
              return (
                <table key={c.campaign.id} className="action-table follow-up__table">
                  <caption>{c.campaign.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{f.category}</th>
                      <th scope="col">{f.now}</th>
                      <th scope="col">{f.then}</th>
                      <th scope="col">{f.change}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {keys.map((k) => (
                      <tr key={k}>
                        <th scope="row">{categoryLabel(k)}</th>
                        <td>{c.categories[k] ?? 0}</td>
                        <td>{c.previousCategories ? (c.previousCategories[k] ?? 0) : '–'}</td>
                        <td>{change(c.categories[k] ?? 0, c.previousCategories ? (c.previousCategories[k] ?? 0) : null)}</td>
                      </tr>
                    ))}
                    <tr className="follow-up__total">
                      <th scope="row">{f.total}</th>
                      <td>{c.pinCount}</td>
                      <td>{c.previous?.pinCount ?? '–'}</td>
                      <td>{change(c.pinCount, c.previous?.pinCount)}</td>
                    </tr>
                  </tbody>
                </table>
              )
            })}
          </section>

          <section className="follow-up__section">
            <h3>{f.hotspotsHeading}</h3>
            {hotspots === null ? (
              <p role="status">{f.loading}</p>
            ) : hotspots.length === 0 ? (
              <p>{f.hotspotsNone}</p>
            ) : (
              <table className="action-table follow-up__table" data-testid="follow-up-hotspots">
                <thead>
                  <tr>
                    <th scope="col">{f.hotspotRank}</th>
                    <th scope="col">{f.hotspotPins}</th>
                    <th scope="col">{f.hotspotMain}</th>
                    <th scope="col">{f.hotspotTrend}</th>
                  </tr>
                </thead>
                <tbody>
                  {hotspots.map((h) => {
                    const top = Object.entries(h.properties.categories).sort((a, b) => b[1] - a[1])[0]
                    return (
                      <tr key={h.properties.id}>
                        <th scope="row">{h.properties.rank}</th>
                        <td>{h.properties.pinCount}</td>
                        <td>{top ? `${categoryLabel(top[0])} (${top[1]})` : '–'}</td>
                        <td>{h.properties.trend ? change(h.properties.trend.now, h.properties.trend.then) : '–'}</td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            )}
          </section>

          <section className="follow-up__section">
            <h3>{f.planHeading}</h3>
            <table className="action-table follow-up__table" data-testid="follow-up-plan">
              <thead>
                <tr>
                  <th scope="col">{f.focusArea}</th>
                  {STATUSES.map((s) => (
                    <th key={s} scope="col">
                      {f.statuses[s]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.actionPlan.byFocusArea.map((a) => (
                  <tr key={a.key}>
                    <th scope="row">{label(a)}</th>
                    {STATUSES.map((s) => (
                      <td key={s}>{a.counts[s] ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <h4>{f.doneHeading}</h4>
            {r.actionPlan.doneInYear.length === 0 ? (
              <p>{f.noneDone}</p>
            ) : (
              <ul data-testid="follow-up-done">
                {r.actionPlan.doneInYear.map((d) => (
                  <li key={d.id}>
                    {d.title} – {d.completedAt.slice(0, 10)}, {f.pins(d.pinCount)}
                  </li>
                ))}
              </ul>
            )}
            <h4>{f.overdueHeading}</h4>
            {r.actionPlan.overdue.length === 0 ? (
              <p>{f.noneOverdue}</p>
            ) : (
              <ul>
                {r.actionPlan.overdue.map((o) => (
                  <li key={o.id}>
                    {o.title} – {f.due} {o.dueOn} ({f.statuses[o.status]})
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="follow-up__section">
            <h3>{f.indicatorsHeading}</h3>
            {r.indicators.length === 0 ? (
              <p>{f.noIndicators}</p>
            ) : (
              <table className="action-table follow-up__table" data-testid="follow-up-indicators">
                <thead>
                  <tr>
                    <th scope="col">{f.year}</th>
                    <th scope="col">{f.feelSafe}</th>
                    <th scope="col">{f.crimes}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.indicators.map((i) => (
                    <tr key={i.year}>
                      <th scope="row">{i.year}</th>
                      <td>{i.feelSafeShare ?? '–'}</td>
                      <td>{i.reportedCrimes ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {canEdit && <IndicatorForm key={`${year}-${reload}`} year={year} current={r.indicators.find((i) => i.year === year)} busy={busy} onSave={save} />}
          </section>
        </>
      )}
    </section>
  )
}
