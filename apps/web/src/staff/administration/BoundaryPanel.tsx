import type { AppConfig, BoundaryResult } from '@trygg/domain'
import { useId, useRef, useState, type ChangeEvent } from 'react'
import { MapContainer, TileLayer } from 'react-leaflet'
import { BoundaryLayer } from '../../map/BoundaryLayer.tsx'
import { MapAccessibility } from '../../map/MapAccessibility.tsx'
import { MapSizeWatcher } from '../../map/MapSizeWatcher.tsx'
import { useStatus } from '../../status/status.tsx'
import { useSignedIn, useStaffSession } from '../staff-session.tsx'
import { replaceBoundary } from './admin-api.ts'
import { useAdminMessages } from './admin-messages.ts'
import { BoundaryPreviewLayer } from './BoundaryPreviewLayer.tsx'
import { readBoundaryFile, type BoundaryFile } from './boundary-file.ts'

type Chosen = Extract<BoundaryFile, { ok: true }> & { name: string }

/**
 * Boundary upload: a GeoJSON file is read in the browser and shown over the current boundary;
 * saving sends it to the API, whose 4xx reasons (e.g. a self-intersecting ring) are shown as they are.
 */
export function BoundaryPanel({ config, onSaved }: { config: AppConfig; onSaved: () => void }) {
  const { t } = useAdminMessages()
  const session = useSignedIn()
  const { errorMessage } = useStaffSession()
  const { announce } = useStatus()
  const id = useId()
  const [chosen, setChosen] = useState<Chosen | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [result, setResult] = useState<BoundaryResult | null>(null)
  const [busy, setBusy] = useState(false)
  const fileRef = useRef<HTMLInputElement>(null)
  const municipality = config.municipality

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    setFailure(null)
    setResult(null)
    setChosen(null)
    if (!file) return
    const read = readBoundaryFile(await file.text())
    if (read.ok) setChosen({ ...read, name: file.name })
    else setFailure(read.reason === 'not-json' ? t.notJson(file.name) : t.notPolygon(file.name))
  }

  function save() {
    if (!chosen || !window.confirm(t.boundaryConfirm)) return
    setBusy(true)
    setFailure(null)
    replaceBoundary(session.csrfToken, chosen.upload)
      .then((saved) => {
        setResult(saved)
        setChosen(null)
        if (fileRef.current) fileRef.current.value = ''
        announce(t.boundarySaved(saved.areaKm2, saved.parts, saved.pinsOutside), 'success')
        onSaved()
      })
      .catch((error: unknown) => setFailure(errorMessage(error)))
      .finally(() => setBusy(false))
  }

  return (
    <section className="staff-card admin-section" aria-labelledby={`${id}-heading`} id="kommungrans">
      <h3 id={`${id}-heading`}>{t.boundary}</h3>
      <p className="staff-page__intro">{t.boundaryIntro}</p>
      <div className="staff-field">
        <label htmlFor={`${id}-file`}>{t.boundaryFile}</label>
        <input id={`${id}-file`} ref={fileRef} type="file" accept=".geojson,.json,application/geo+json,application/json" onChange={(e) => void choose(e)} data-testid="boundary-file" />
      </div>
      <div className="form-error-slot" role="alert" data-testid="boundary-error">
        {failure && <p className="form-error">{failure}</p>}
      </div>
      {result && (
        <p className="staff-notice" data-testid="boundary-saved">
          {t.boundarySaved(result.areaKm2, result.parts, result.pinsOutside)}
        </p>
      )}
      {chosen && (
        <p id={`${id}-preview`} data-testid="boundary-preview">
          {t.preview(chosen.parts)}
        </p>
      )}
      <p id={`${id}-map-help`} className="visually-hidden">
        {t.mapHelp}
      </p>
      <div className="admin-boundary-map">
        <MapContainer className="map" center={[municipality.center.lat, municipality.center.lon]} zoom={municipality.defaultZoom} maxZoom={config.map.maxZoom}>
          <TileLayer url={config.map.tileUrl} attribution={config.map.attribution} maxZoom={config.map.maxZoom} />
          <BoundaryLayer boundary={municipality.boundary} />
          {chosen && <BoundaryPreviewLayer preview={chosen.preview} />}
          <MapSizeWatcher />
          <MapAccessibility label={t.mapLabel} describedBy={`${id}-map-help`} />
        </MapContainer>
      </div>
      {chosen && (
        <button type="button" className="button button--primary" disabled={busy} onClick={save} aria-describedby={`${id}-preview`} data-testid="boundary-save">
          {t.saveBoundary}
        </button>
      )}
    </section>
  )
}
