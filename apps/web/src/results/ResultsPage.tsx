import type { AppConfig, PublicActionItem, PublicResults } from '@trygg/domain'
import { PUBLIC_ACTION_STATUSES } from '@trygg/domain/constants'
import { useCallback, useEffect, useState } from 'react'
import { MapContainer, TileLayer } from 'react-leaflet'
import { isAbortError } from '../api/api-error.ts'
import { apiUrl, siteBase } from '../api/site-base.ts'
import { AppHeader } from '../app/AppHeader.tsx'
import { useI18n } from '../i18n/language.tsx'
import { useResultsMessages } from '../i18n/results-messages.ts'
import { BoundaryLayer } from '../map/BoundaryLayer.tsx'
import { MapAccessibility } from '../map/MapAccessibility.tsx'
import { ResultAreasLayer } from './ResultAreasLayer.tsx'
import { RESULTS_FEED, fetchResults } from './results-api.ts'
import './results.css'

type Load = { status: 'loading' } | { status: 'ready'; data: PublicResults } | { status: 'error' }

/** Announces the Atom feed to browsers and feed readers while the page is shown. */
function useFeedLink(title: string) {
  useEffect(
    function addFeedLink() {
      const link = document.createElement('link')
      link.rel = 'alternate'
      link.type = 'application/atom+xml'
      link.href = apiUrl(RESULTS_FEED)
      link.title = title
      document.head.append(link)
      return function removeFeedLink() {
        link.remove()
      }
    },
    [title],
  )
}

const percent = (now: number, then: number) => (then === 0 ? null : Math.round(((now - then) / then) * 100))

/** `/resultat`: the public action items on a map and in lists by status, and pins per campaign. */
export default function ResultsPage({ config }: { config: AppConfig }) {
  const r = useResultsMessages()
  const { lang } = useI18n()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useFeedLink(r.feed)

  useEffect(
    function fetchOnMount() {
      const controller = new AbortController()
      setLoad({ status: 'loading' })
      fetchResults(controller.signal)
        .then((data) => setLoad({ status: 'ready', data }))
        .catch((error: unknown) => {
          if (!isAbortError(error)) setLoad({ status: 'error' })
        })
      return function abort() {
        controller.abort()
      }
    },
    [attempt],
  )
  useEffect(
    function title() {
      const timer = window.setTimeout(() => (document.title = r.documentTitle), 0)
      return function cancelTitle() {
        window.clearTimeout(timer)
      }
    },
    [r],
  )

  const label = useCallback((i: PublicActionItem) => `${i.title} · ${r.status[i.status]}`, [r])
  const focusLabel = (i: PublicActionItem) => (lang === 'sv' ? i.focusArea.labelSv : i.focusArea.labelEn)
  const { municipality, map } = config
  const items = load.status === 'ready' ? load.data.items : []

  return (
    <div className="app results">
      <AppHeader municipalityName={municipality.name} />
      <main className="results__main" id="main">
        <h2>{r.heading}</h2>
        <p>{r.intro}</p>
        <p className="results__links">
          <a href={`${siteBase()}/`}>{r.toMap}</a> · <a href={apiUrl(RESULTS_FEED)} type="application/atom+xml">{r.feed}</a>
        </p>
        {load.status === 'loading' && <p role="status">{r.loading}</p>}
        {load.status === 'error' && (
          <div role="alert">
            <p>{r.error}</p>
            <button type="button" className="button button--primary" onClick={() => setAttempt((n) => n + 1)}>
              {r.retry}
            </button>
          </div>
        )}
        <p id="results-map-help" className="visually-hidden">
          {r.mapHelp}
        </p>
        <div className="results__map">
          <MapContainer className="map" center={[municipality.center.lat, municipality.center.lon]} zoom={municipality.defaultZoom} maxZoom={map.maxZoom}>
            <TileLayer url={map.tileUrl} attribution={map.attribution} maxZoom={map.maxZoom} />
            <BoundaryLayer boundary={municipality.boundary} />
            <ResultAreasLayer items={items} label={label} />
            <MapAccessibility label={r.mapLabel} describedBy="results-map-help" />
          </MapContainer>
        </div>
        {load.status === 'ready' && (
          <>
            <div className="results__lists">
              {PUBLIC_ACTION_STATUSES.slice()
                .reverse()
                .map((status) => {
                  const list = items.filter((i) => i.status === status)
                  return (
                    <section key={status} className="results__list" aria-labelledby={`results-${status}`} data-testid={`results-${status}`}>
                      <h3 id={`results-${status}`}>
                        {r.statuses[status]} ({load.data.counts[status]})
                      </h3>
                      {list.length === 0 ? (
                        <p>{r.none}</p>
                      ) : (
                        <ul>
                          {list.map((i) => (
                            <li key={i.id} id={`atgard-${i.id}`} className="results__item">
                              <h4>{i.title}</h4>
                              <p className="results__meta">
                                {focusLabel(i)} · {r.pins(i.pinCount)}
                                {i.completedAt ? ` · ${r.doneOn(i.completedAt.slice(0, 10))}` : i.dueOn ? ` · ${r.dueOn(i.dueOn)}` : ''}
                              </p>
                              {i.publicNote && <p>{i.publicNote}</p>}
                            </li>
                          ))}
                        </ul>
                      )}
                    </section>
                  )
                })}
            </div>
            {load.data.campaigns.length > 0 && (
              <section aria-labelledby="results-stats">
                <h3 id="results-stats">{r.statsHeading}</h3>
                <table className="results__stats" data-testid="results-stats">
                  <thead>
                    <tr>
                      <th scope="col">{r.campaign}</th>
                      <th scope="col">{r.pinCount}</th>
                      <th scope="col">{r.previous}</th>
                      <th scope="col">{r.change}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {load.data.campaigns.map((c) => {
                      const change = c.previous ? percent(c.pinCount, c.previous.pinCount) : null
                      return (
                        <tr key={c.campaign.id}>
                          <th scope="row">{c.campaign.name}</th>
                          <td>{c.pinCount}</td>
                          <td>{c.previous ? c.previous.pinCount : r.noPrevious}</td>
                          <td>{change === null ? r.noPrevious : `${change > 0 ? '+' : ''}${change} %`}</td>
                        </tr>
                      )
                    })}
                  </tbody>
                </table>
              </section>
            )}
          </>
        )}
      </main>
    </div>
  )
}
