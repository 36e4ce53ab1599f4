import type { AppConfig, Control, GiStarCellFeature, TrafficArea } from '@trygg/domain'
import { booleanIntersects } from '@turf/turf'
import { useCallback, useMemo, useState } from 'react'
import { MapContainer, TileLayer } from 'react-leaflet'
import { BoundaryLayer } from '../../map/BoundaryLayer.tsx'
import { LocalizedZoomControl } from '../../map/LocalizedZoomControl.tsx'
import { MapAccessibility } from '../../map/MapAccessibility.tsx'
import { MapSizeWatcher } from '../../map/MapSizeWatcher.tsx'
import { useStatus } from '../../status/status.tsx'
import { FitToFeature } from '../hotspots/FitToFeature.tsx'
import { GiStarLayer } from '../hotspots/GiStarLayer.tsx'
import { useFetch } from '../hotspots/use-fetch.ts'
import { useSignedIn, useStaffSession } from '../staff-session.tsx'
import { AreaDetail } from './AreaDetail.tsx'
import { AreaLayer } from './AreaLayer.tsx'
import { AreaList } from './AreaList.tsx'
import { ControlForm } from './ControlForm.tsx'
import { ControlLayer } from './ControlLayer.tsx'
import { PlaceDrawLayer } from './PlaceDrawLayer.tsx'
import { deleteControl, fetchAreas, fetchControls, fetchSnapshots, fetchTrafficGiStar } from './police-api.ts'
import { SnapshotPanel } from './SnapshotPanel.tsx'
import { useTrafficMessages } from './traffic-messages.ts'
import './traffic.css'

const MAP_HELP_ID = 'traffic-map-help'

/**
 * `/polis`: the traffic problem areas on a map and ranked, when they happen, the controls
 * performed and whether they helped, and the lägesbild snapshots. Police record controls and
 * take snapshots; planners and admins read. Printable.
 */
export function TrafficWorkspace({ config }: { config: AppConfig }) {
  const { m } = useTrafficMessages()
  const { staff, csrfToken } = useSignedIn()
  const { errorMessage } = useStaffSession()
  const { announce } = useStatus()
  const canWrite = staff.role === 'police'
  const [reload, setReload] = useState(0)
  const areas = useFetch(`areas:${reload}`, fetchAreas)
  const controls = useFetch(`controls:${reload}`, fetchControls)
  const snapshots = useFetch(`snapshots:${reload}`, fetchSnapshots)
  const [showGiStar, setShowGiStar] = useState(false)
  const trafficKeys = areas.data?.categories.map((c) => c.key).join(',') ?? ''
  const giStar = useFetch(showGiStar && trafficKeys ? trafficKeys : null, fetchTrafficGiStar)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [recording, setRecording] = useState(false)
  const [placeMode, setPlaceMode] = useState<'point' | 'segment'>('point')
  const [vertices, setVertices] = useState<[number, number][]>([])

  const features = areas.data?.features ?? []
  const selected = features.find((f) => f.properties.id === selectedId) ?? null
  const allControls = controls.data ?? []
  // An area's history: the controls linked to it and those performed inside it.
  const areaControls = useMemo(
    () => (selected ? allControls.filter((c) => c.area?.id === selected.properties.id || booleanIntersects(c.place as GeoJSON.Geometry, selected.geometry as GeoJSON.Geometry)) : []),
    [allControls, selected],
  )
  const areaLabel = useCallback((a: TrafficArea) => `${m.areaName(a.properties.rank)}: ${a.properties.pinCount} ${m.pins.toLowerCase()}`, [m])
  const controlLabel = useCallback((c: Control) => `${m.kinds[c.kind]} ${c.date} ${c.startTime}–${c.endTime}`, [m])
  const cellLabel = useCallback((c: GiStarCellFeature) => `Gi* z = ${c.properties.z.toFixed(2)}, ${c.properties.value}`, [])
  const { municipality, map: mapConfig } = config

  const stopRecording = () => {
    setRecording(false)
    setVertices([])
  }
  const saved = (control: Control) => {
    stopRecording()
    announce(m.saved)
    setReload((n) => n + 1)
    if (control.area) setSelectedId(control.area.id)
  }

  const remove = (control: Control) => {
    deleteControl(csrfToken, control.id)
      .then(() => {
        announce(m.deleted)
        setReload((n) => n + 1)
      })
      .catch((error: unknown) => announce(errorMessage(error), 'error'))
  }

  return (
    <div className="traffic" data-testid="traffic-workspace">
      <div className="traffic__bar">
        <div>
          <h2>{m.title}</h2>
          <p className="traffic__intro">{m.intro}</p>
          <p role="status" data-testid="traffic-summary">
            {areas.data ? m.summary(features.length, areas.data.pinCount) : areas.status === 'loading' ? m.loading : ''}
          </p>
          {!canWrite && <p className="traffic__readonly">{m.readOnly}</p>}
        </div>
        <div className="traffic__tools no-print">
          <label className="check">
            <input type="checkbox" checked={showGiStar} onChange={(e) => setShowGiStar(e.target.checked)} /> {m.showGiStar}
          </label>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {m.print}
          </button>
        </div>
      </div>
      {(areas.status === 'error' || controls.status === 'error') && (
        <div role="alert" className="traffic__error">
          <p>{areas.status === 'error' ? errorMessage(areas.error) : m.loadError}</p>
          <button type="button" className="button button--secondary" onClick={() => setReload((n) => n + 1)}>
            {m.retry}
          </button>
        </div>
      )}
      <div className="traffic__main">
        <div className="traffic__map">
          <p id={MAP_HELP_ID} className="visually-hidden">
            {m.mapHelp}
          </p>
          <MapContainer className="map" center={[municipality.center.lat, municipality.center.lon]} zoom={municipality.defaultZoom} maxZoom={mapConfig.maxZoom} zoomControl={false} keyboard>
            <TileLayer url={mapConfig.tileUrl} attribution={mapConfig.attribution} maxZoom={mapConfig.maxZoom} />
            <BoundaryLayer boundary={municipality.boundary} />
            {showGiStar && giStar.data && <GiStarLayer cells={giStar.data.features} label={cellLabel} />}
            <AreaLayer areas={features} selectedId={selectedId} onSelect={setSelectedId} label={areaLabel} />
            <ControlLayer controls={allControls} label={controlLabel} />
            {recording && <PlaceDrawLayer mode={placeMode} vertices={vertices} onChange={setVertices} />}
            <FitToFeature feature={selected as unknown as GeoJSON.Feature | null} />
            <LocalizedZoomControl />
            <MapAccessibility label={m.mapLabel} describedBy={MAP_HELP_ID} />
            <MapSizeWatcher />
          </MapContainer>
        </div>
        <div className="traffic__side">
          {recording && (
            <ControlForm
              area={selected}
              placeMode={placeMode}
              onPlaceMode={(mode) => {
                setPlaceMode(mode)
                setVertices([])
              }}
              vertices={vertices}
              onClearPlace={() => setVertices([])}
              onSaved={saved}
              onCancel={stopRecording}
            />
          )}
          {selected ? (
            <AreaDetail area={selected} controls={areaControls} canRecord={canWrite && !recording} onRecord={() => setRecording(true)} onDelete={canWrite ? remove : undefined} onClose={() => setSelectedId(null)} />
          ) : (
            <>
              {canWrite && !recording && (
                <button type="button" className="button button--secondary no-print" onClick={() => setRecording(true)}>
                  {m.recordControl}
                </button>
              )}
              <AreaList areas={features} onSelect={setSelectedId} />
            </>
          )}
        </div>
      </div>
      <SnapshotPanel
        snapshots={snapshots.data ?? []}
        canCreate={canWrite}
        onCreated={() => {
          announce(m.snapshotSaved)
          setReload((n) => n + 1)
        }}
      />
    </div>
  )
}
