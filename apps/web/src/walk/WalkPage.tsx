import type { AppConfig, PublicWalk } from '@trygg/domain'
import type { Map as LeafletMap } from 'leaflet'
import { useCallback, useEffect, useRef, useState } from 'react'
import { fetchConfig, requestJson } from '../api/api-client.ts'
import { ApiError, apiErrorMessage } from '../api/api-error.ts'
import { LanguageSwitch } from '../app/LanguageSwitch.tsx'
import { useI18n } from '../i18n/language.tsx'
import { WALK_MESSAGES } from '../i18n/walk-messages.ts'
import { registerWalkWorker } from './register-walk-worker.ts'
import { useOwnPosition } from './use-own-position.ts'
import { useWalkQueue } from './use-walk-queue.ts'
import type { QueuedObservation } from './walk-queue.ts'
import { WalkMap } from './WalkMap.tsx'
import { ObservationForm } from './ObservationForm.tsx'
import { QueueStatus } from './QueueStatus.tsx'
import './walk.css'

type Loaded = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; walk: PublicWalk; config: AppConfig }

const PLACE_HINT_ID = 'walk-place-hint'

/** The walk leader's page /walk/<code>: the route, their position and the observation form; works offline. */
export default function WalkPage({ code }: { code: string }) {
  const { lang, t } = useI18n()
  const w = WALK_MESSAGES[lang]
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const mapRef = useRef<LeafletMap>(null)
  const position = useOwnPosition()
  const messageOf = useCallback((error: unknown) => apiErrorMessage(error, lang, { network: t.networkError, other: t.unexpectedError }), [lang, t])
  const queue = useWalkQueue(code, messageOf)
  const [saved, setSaved] = useState(0)
  const pageRef = useRef<HTMLElement>(null)
  const savedRef = useRef<HTMLParagraphElement>(null)

  const queueObservation = async (item: QueuedObservation) => {
    await queue.add(item)
    setSaved((n) => n + 1)
    // Back to the map for the next place; the confirmation takes the focus.
    pageRef.current?.scrollTo({ top: 0 })
    savedRef.current?.focus()
  }

  useEffect(() => registerWalkWorker(['/api/config', `/api/walks/${encodeURIComponent(code)}`]), [code])

  useEffect(
    function loadWalk() {
      const controller = new AbortController()
      Promise.all([requestJson<PublicWalk>(`/api/walks/${encodeURIComponent(code)}`, { signal: controller.signal }), fetchConfig(controller.signal)])
        .then(([walk, config]) => setLoaded({ status: 'ready', walk, config }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setLoaded({ status: 'error', error })
        })
      return function cancelWalkLoad() {
        controller.abort()
      }
    },
    [code, attempt],
  )

  useEffect(
    function titleThePage() {
      if (loaded.status !== 'ready') return
      // After the language provider has set the resident title.
      const title = `${loaded.walk.name} – ${loaded.config.municipality.name}`
      const timer = window.setTimeout(() => (document.title = title), 0)
      return function cancelTitle() {
        window.clearTimeout(timer)
      }
    },
    [loaded, lang],
  )

  const centreOnOwnPosition = () => {
    if (position.status === 'known') mapRef.current?.setView([position.lat, position.lon], Math.max(mapRef.current.getZoom(), 17))
  }

  if (loaded.status !== 'ready') {
    const notFound = loaded.status === 'error' && loaded.error instanceof ApiError && loaded.error.status === 404
    return (
      <main className="walk-page" data-testid="walk-page">
        <h1 className="walk-page__title">{loaded.status === 'loading' ? w.loading : notFound ? w.notFound : w.loadFailed}</h1>
        {loaded.status === 'error' && !notFound && (
          <button type="button" className="button button--primary" onClick={() => setAttempt((n) => n + 1)}>
            {w.retry}
          </button>
        )}
        <QueueStatus queue={queue} />
      </main>
    )
  }

  const { walk, config } = loaded
  const when = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: config.municipality.timeZone }).format(new Date(walk.startsAt))
  return (
    <main className="walk-page" data-testid="walk-page" ref={pageRef}>
      <header className="walk-page__header">
        <div>
          <h1 className="walk-page__title">{walk.name}</h1>
          <p className="walk-page__meta">
            {config.municipality.name} · {w.meets(when)}
          </p>
        </div>
        <LanguageSwitch />
      </header>
      <QueueStatus queue={queue} />
      <p className="walk-page__saved" role="status" tabIndex={-1} ref={savedRef} data-testid="walk-saved">
        {saved > 0 ? w.saved : ''}
      </p>
      <WalkMap
        walk={walk}
        tileUrl={config.map.tileUrl}
        attribution={config.map.attribution}
        maxZoom={config.map.maxZoom}
        position={position}
        label={w.mapLabel(walk.name)}
        meetingPointLabel={w.meetingPoint}
        describedBy={PLACE_HINT_ID}
        mapRef={mapRef}
      />
      <div className="walk-page__place">
        <p id={PLACE_HINT_ID} className="walk-page__hint">
          {w.placeHint}
        </p>
        {position.status === 'known' && (
          <button type="button" className="button button--small button--secondary" onClick={centreOnOwnPosition} data-testid="use-my-position">
            {w.useMyPosition}
          </button>
        )}
        {(position.status === 'denied' || position.status === 'unavailable') && (
          <p className="walk-page__hint" data-testid="position-note">
            {position.status === 'denied' ? w.positionDenied : w.positionUnavailable}
          </p>
        )}
      </div>
      <ObservationForm code={code} config={config} placeOf={() => mapRef.current?.getCenter()} onQueued={queueObservation} />
    </main>
  )
}
