import type { AppConfig, GiStarCellFeature, HotspotFeature, HotspotPin, StaffCategory } from '@trygg/domain'
import { GROUP_COLORS } from '@trygg/domain/constants'
import { useCallback, useMemo, useState } from 'react'
import { MapContainer, TileLayer } from 'react-leaflet'
import { apiErrorMessage } from '../../api/api-error.ts'
import { BoundaryLayer } from '../../map/BoundaryLayer.tsx'
import { LocalizedZoomControl } from '../../map/LocalizedZoomControl.tsx'
import { MapAccessibility } from '../../map/MapAccessibility.tsx'
import { MapSizeWatcher } from '../../map/MapSizeWatcher.tsx'
import { FitToFeature } from './FitToFeature.tsx'
import { GiStarLayer } from './GiStarLayer.tsx'
import { HeatLayer } from './HeatLayer.tsx'
import { HotspotDetail } from './HotspotDetail.tsx'
import { HotspotFilters } from './HotspotFilters.tsx'
import { BinLegend, ScoreLegend } from './HotspotLegend.tsx'
import { HotspotList } from './HotspotList.tsx'
import { HotspotPinsLayer } from './HotspotPinsLayer.tsx'
import { HullLayer } from './HullLayer.tsx'
import { useHotspotMessages } from './hotspot-messages.ts'
import { analysisQuery, exportQuery, heatQuery } from './hotspot-url.ts'
import { EXPORT_PATH, fetchHeat, fetchHotspotOptions, fetchHotspots } from './hotspots-api.ts'
import { useFetch } from './use-fetch.ts'
import { useHotspotView } from './use-hotspot-view.ts'
import './hotspots.css'

export interface HotspotMapProps {
  /** the municipality (boundary, centre, zoom) and the map tiles, as from `GET /api/config` */
  config: AppConfig
  /** "Skapa åtgärd": called with the hotspot whose details are open; without it there is no button */
  onCreateAction?: (hotspot: HotspotFeature) => void
}

const MAP_HELP_ID = 'hotspot-map-help'
const loadOptions = (_key: string, signal: AbortSignal) => fetchHotspotOptions(signal)

/**
 * The planners' hotspot map: DBSCAN hulls coloured by score or Gi* cells coloured by confidence
 * bin, an optional heat layer, filters kept in the page's query string, and a detail panel per
 * hotspot with charts, its pins and "Skapa åtgärd". Needs a staff session for the API.
 */
export function HotspotMap({ config, onCreateAction }: HotspotMapProps) {
  const { lang, h } = useHotspotMessages()
  const [view, setView] = useHotspotView()
  const options = useFetch('options', loadOptions)
  const analysis = useFetch(options.data ? analysisQuery(view) : null, fetchHotspots)
  const heat = useFetch(view.heat ? heatQuery(view) : null, fetchHeat)
  const { municipality, map: mapConfig } = config

  const categories = useMemo(() => new Map<string, StaffCategory>((options.data?.categories ?? []).map((c) => [c.key, c])), [options.data])
  const result = analysis.data
  const hotspots = useMemo(() => (result?.method === 'dbscan' ? (result.features as HotspotFeature[]) : []), [result])
  const cells = useMemo(() => (result?.method === 'gistar' ? (result.features as GiStarCellFeature[]) : []), [result])
  const selected = hotspots.find((f) => f.properties.id === view.selected) ?? null
  const comparisonName = result?.method === 'dbscan' ? (result.comparison?.campaign.name ?? null) : null

  const [closedId, setClosedId] = useState<string | null>(null)
  const select = useCallback((id: string | null) => setView({ selected: id }), [setView])
  const closeDetail = useCallback(() => {
    setClosedId(view.selected)
    setView({ selected: null })
  }, [setView, view.selected])
  const hullLabel = useCallback((f: HotspotFeature) => `${h.hotspotName(f.properties.rank)}: ${h.pins.toLowerCase()} ${f.properties.pinCount}, ${h.score.toLowerCase()} ${f.properties.score}`, [h])
  const cellLabel = useCallback((c: GiStarCellFeature) => `${h.bins[String(c.properties.bin)]}. ${h.cellTitle(c.properties.value, c.properties.z, c.properties.p)}`, [h])
  const pinColor = useCallback(
    (pin: HotspotPin) => categories.get(pin.category)?.color ?? GROUP_COLORS.other,
    [categories],
  )

  const errorText = (error: unknown, fallback: string) => apiErrorMessage(error, lang, { network: fallback, other: fallback })

  return (
    <div className={`hotspot-map${result?.method === 'dbscan' ? '' : ' hotspot-map--no-side'}`}>
      <div className="hotspot-map__filters">
        {options.data ? (
          <HotspotFilters view={view} options={options.data} onApply={setView} />
        ) : options.status === 'error' ? (
          <div role="alert">
            <p>{errorText(options.error, h.optionsError)}</p>
            <button type="button" className="button button--secondary" onClick={options.retry}>
              {h.retry}
            </button>
          </div>
        ) : (
          <p role="status">{h.loading}</p>
        )}
      </div>

      <div className="hotspot-map__main">
        <div className="hotspot-map__bar">
          <p role="status" className="hotspot-map__summary">
            {analysis.status === 'loading' && options.data
              ? h.loading
              : result?.method === 'dbscan'
                ? `${h.summaryDbscan(result.features.length, result.pinCount, result.noiseCount)} ${comparisonName ? h.comparedWith(comparisonName) : h.noComparison}`
                : result?.method === 'gistar'
                  ? h.summaryGistar(
                      (result.bins['1'] ?? 0) + (result.bins['2'] ?? 0) + (result.bins['3'] ?? 0),
                      (result.bins['-1'] ?? 0) + (result.bins['-2'] ?? 0) + (result.bins['-3'] ?? 0),
                      result.grid.n,
                    )
                  : ''}
          </p>
          <label className="check hotspot-map__heat">
            <input type="checkbox" checked={view.heat} onChange={(e) => setView({ heat: e.target.checked })} />
            {h.heatLayer}
          </label>
          <nav className="hotspot-map__export" aria-label={h.exportHeading}>
            <a className="button button--secondary" href={`${EXPORT_PATH}?${exportQuery(view, 'csv')}`} download>
              {h.exportCsv}
            </a>
            <a className="button button--secondary" href={`${EXPORT_PATH}?${exportQuery(view, 'geojson')}`} download>
              {h.exportGeoJson}
            </a>
          </nav>
        </div>
        {analysis.status === 'error' && (
          <div role="alert" className="hotspot-map__error">
            <p>{errorText(analysis.error, h.loadError)}</p>
            <button type="button" className="button button--secondary" onClick={analysis.retry}>
              {h.retry}
            </button>
          </div>
        )}
        <div className="hotspot-map__map">
          <p id={MAP_HELP_ID} className="visually-hidden">
            {h.mapHelp}
          </p>
          <MapContainer
            className="map"
            center={[municipality.center.lat, municipality.center.lon]}
            zoom={municipality.defaultZoom}
            maxZoom={mapConfig.maxZoom}
            zoomControl={false}
            keyboard
          >
            <TileLayer url={mapConfig.tileUrl} attribution={mapConfig.attribution} maxZoom={mapConfig.maxZoom} />
            <BoundaryLayer boundary={municipality.boundary} />
            {result?.method === 'gistar' && <GiStarLayer cells={cells} label={cellLabel} />}
            {view.heat && heat.data && <HeatLayer points={heat.data.points} />}
            {result?.method === 'dbscan' && <HullLayer hotspots={hotspots} selectedId={view.selected} onSelect={select} label={hullLabel} />}
            {selected && <HotspotPinsLayer pins={selected.properties.pins} color={pinColor} />}
            <FitToFeature feature={selected as unknown as GeoJSON.Feature | null} />
            <LocalizedZoomControl />
            <MapAccessibility label={h.mapLabel} describedBy={MAP_HELP_ID} />
            <MapSizeWatcher />
          </MapContainer>
          <div className="hotspot-map__legend">
            {result?.method === 'gistar' && <BinLegend counts={result.bins} />}
            {result?.method === 'dbscan' && hotspots.length > 0 && <ScoreLegend max={Math.max(...hotspots.map((f) => f.properties.score))} />}
          </div>
        </div>
      </div>

      {result?.method === 'dbscan' && (
        <div className="hotspot-map__side">
          {selected ? (
            <HotspotDetail
              hotspot={selected}
              categories={categories}
              comparisonName={comparisonName}
              timeZone={options.data?.timeZone ?? municipality.timeZone}
              onClose={closeDetail}
              onCreateAction={onCreateAction}
            />
          ) : (
            <HotspotList hotspots={hotspots} onSelect={select} focusId={closedId} />
          )}
        </div>
      )}
    </div>
  )
}
