import type { WalkProtocol } from '@trygg/domain'
import { useEffect, useRef, useState } from 'react'
import { CircleMarker, MapContainer, Marker, Polyline, TileLayer } from 'react-leaflet'
import { divIcon, latLngBounds } from 'leaflet'
import { isAbortError } from '../../api/api-error.ts'
import { useConfig } from '../../app/use-config.ts'
import { useI18n } from '../../i18n/language.tsx'
import { timeOfDayLabel } from '../../i18n/localized.ts'
import { WALK_MESSAGES } from '../../i18n/walk-messages.ts'
import { useFocusOnMount } from '../../report/use-focus-on-mount.ts'
import { useStaffSession } from '../staff-session.tsx'
import { useStaffMessages } from '../use-staff-messages.ts'
import { fetchProtocol } from './walks-api.ts'

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; protocol: WalkProtocol }

/** The printable protocol of a walk: its map with the route and numbered observations, and the list with photos. */
export function WalkProtocolPage({ id }: { id: number }) {
  const { lang } = useI18n()
  const w = WALK_MESSAGES[lang]
  const m = useStaffMessages()
  const { errorMessage } = useStaffSession()
  const config = useConfig()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [state, setState] = useState<State>({ status: 'loading' })
  useFocusOnMount(headingRef)

  useEffect(
    function loadProtocol() {
      const controller = new AbortController()
      fetchProtocol(id, controller.signal)
        .then((protocol) => setState({ status: 'ready', protocol }))
        .catch((error: unknown) => {
          if (!isAbortError(error)) setState({ status: 'error', error })
        })
      return function cancelProtocolLoad() {
        controller.abort()
      }
    },
    [id],
  )

  if (state.status !== 'ready') {
    return (
      <section className="staff-page">
        <h2 ref={headingRef} tabIndex={-1}>
          {w.protocol}
        </h2>
        {state.status === 'loading' ? <p role="status">{m.loading}</p> : <p role="alert">{errorMessage(state.error)}</p>}
        <a href="?">{w.back}</a>
      </section>
    )
  }

  const { walk, observations } = state.protocol
  // Times as on the walk: in the municipality's time zone.
  const timeZone = config.status === 'ready' ? config.config.municipality.timeZone : undefined
  const when = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone })
  const time = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { timeStyle: 'short', timeZone })
  const route = walk.route.coordinates.map(([lon, lat]) => [lat!, lon!] as [number, number])
  const [mLon, mLat] = walk.meetingPoint.coordinates as [number, number]
  const bounds = latLngBounds([...route, [mLat, mLon], ...observations.map((o) => [o.lat, o.lon] as [number, number])]).pad(0.15)
  const participants = observations.map((o) => o.participants)

  return (
    <section className="staff-page walk-protocol" aria-labelledby="walk-protocol-heading" data-testid="walk-protocol">
      <div className="walk-protocol__actions no-print">
        <a href="?">{w.back}</a>
        <button type="button" className="button button--small button--primary" onClick={() => window.print()}>
          {w.print}
        </button>
      </div>
      <h2 id="walk-protocol-heading" ref={headingRef} tabIndex={-1}>
        {w.protocolTitle(walk.name)}
      </h2>
      <p>
        {w.meets(when.format(new Date(walk.startsAt)))} – {time.format(new Date(walk.endsAt))} · {w.observations}: {observations.length}
        {participants.length > 0 && ` · ${w.participantsShort}: ${Math.min(...participants)}–${Math.max(...participants)}`}
      </p>
      {config.status === 'ready' && (
        <div className="walk-protocol__map" role="img" aria-label={w.mapLabel(walk.name)}>
          <MapContainer className="map" bounds={bounds} zoomControl={false} maxZoom={config.config.map.maxZoom} keyboard={false}>
            <TileLayer url={config.config.map.tileUrl} attribution={config.config.map.attribution} maxZoom={config.config.map.maxZoom} />
            <Polyline positions={route} pathOptions={{ color: '#0b3d91', weight: 5 }} />
            <CircleMarker center={[mLat, mLon]} radius={10} pathOptions={{ color: '#ffffff', weight: 3, fillColor: '#b3261e', fillOpacity: 1 }} />
            {observations.map((o, i) => (
              <Marker
                key={o.id}
                position={[o.lat, o.lon]}
                keyboard={false}
                interactive={false}
                icon={divIcon({ className: 'map-marker', html: numbered(i + 1), iconSize: [26, 26], iconAnchor: [13, 13] })}
              />
            ))}
          </MapContainer>
        </div>
      )}
      {observations.length === 0 ? (
        <p>{w.noObservations}</p>
      ) : (
        <ol className="walk-protocol__list" data-testid="walk-protocol-list">
          {observations.map((o) => (
            <li key={o.id} className="walk-protocol__item" data-testid={`walk-observation-${o.id}`}>
              <h3 className="walk-protocol__category">{lang === 'sv' ? o.categoryLabelSv : o.categoryLabelEn}</h3>
              <dl className="walk-protocol__facts">
                <dt>{w.severity}</dt>
                <dd>{o.severity}</dd>
                <dt>{w.times}</dt>
                <dd>{o.timesOfDay.map((x) => timeOfDayLabel(x, lang)).join(', ')}</dd>
                <dt>{w.participantsShort}</dt>
                <dd>{o.participants}</dd>
                <dt>{w.recordedAt}</dt>
                <dd>{time.format(new Date(o.createdAt))}</dd>
                {o.comment && (
                  <>
                    <dt>{w.comment}</dt>
                    <dd>{o.comment}</dd>
                  </>
                )}
              </dl>
              {o.photoUrl && <img className="walk-protocol__photo" src={o.photoUrl} alt={`${w.photo}: ${lang === 'sv' ? o.categoryLabelSv : o.categoryLabelEn}`} loading="eager" />}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

/** The number of an observation on the protocol map, as in the list. */
function numbered(n: number): HTMLElement {
  const element = document.createElement('span')
  element.className = 'walk-protocol__number'
  element.textContent = String(n)
  return element
}
