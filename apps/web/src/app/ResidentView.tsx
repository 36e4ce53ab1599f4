import type { AppConfig, PinCreated } from '@trygg/domain'
import type { Map as LeafletMap } from 'leaflet'
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { indexCategories } from '../categories/category-index.ts'
import { useI18n } from '../i18n/language.tsx'
import { isInsideBoundary } from '../map/boundary.ts'
import { Crosshair } from '../map/Crosshair.tsx'
import { MunicipalityMap } from '../map/MunicipalityMap.tsx'
import { CLOSED, PICKING, placeOf, type ReportFlow } from '../report/report-flow.ts'
import { ReportLauncher } from '../report/ReportLauncher.tsx'
import { useStatus } from '../status/status.tsx'
import { AppHeader } from './AppHeader.tsx'
import { CampaignBanner } from '../resident/CampaignBanner.tsx'
import { ViewSwitch, type ResidentViewMode } from '../list/ViewSwitch.tsx'
import { useMediaMessages } from '../i18n/media-messages.ts'
import type { PublicPin } from '@trygg/domain'

/**
 * The report sheet and the list view are chunks of their own, so the map's first view waits for
 * less script. The sheet's chunk is fetched once the page is idle, so it opens without delay.
 */
const loadReportSheet = () => import('../report/ReportSheet.tsx').then((m) => ({ default: m.ReportSheet }))
const ReportSheet = lazy(loadReportSheet)
const PinListView = lazy(() => import('../list/PinListView.tsx').then((m) => ({ default: m.PinListView })))

/** Starts fetching the report sheet's chunk when the browser is idle, at most 3 s from now. */
function useReportSheetPrefetch() {
  useEffect(function prefetchReportSheet() {
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(() => void loadReportSheet(), { timeout: 3000 })
      return () => window.cancelIdleCallback(id)
    }
    const id = window.setTimeout(() => void loadReportSheet(), 1000)
    return () => window.clearTimeout(id)
  }, [])
}

/** The zoom a place found by position or address search is shown at: streets and houses. */
const FOUND_PLACE_ZOOM = 17

/** The resident's page: the municipality's map and the flow for marking a place. */
export function ResidentView({ config }: { config: AppConfig }) {
  const { t } = useI18n()
  const { announce } = useStatus()
  const [map, setMap] = useState<LeafletMap | null>(null)
  const [flow, setFlow] = useState<ReportFlow>(CLOSED)
  const [refreshKey, setRefreshKey] = useState(0)
  const [sheetKey, setSheetKey] = useState(0)
  const [launcherFocus, setLauncherFocus] = useState(false)
  const [mode, setMode] = useState<ResidentViewMode>('map')
  const [listBbox, setListBbox] = useState<[number, number, number, number] | null>(null)
  const media = useMediaMessages()
  const outsideSeq = useRef(0)
  const categories = useMemo(() => indexCategories(config.categories), [config.categories])
  const { boundary } = config.municipality
  useReportSheetPrefetch()

  const pick = useCallback(
    ({ lat, lng }: { lat: number; lng: number }) => {
      if (!isInsideBoundary(boundary, lat, lng)) {
        outsideSeq.current += 1
        setFlow({ step: 'place', outside: { seq: outsideSeq.current } })
        return
      }
      map?.panTo([lat, lng])
      setFlow({ step: 'details', place: [lat, lng] })
    },
    [boundary, map],
  )

  /** How close the map comes to a place found by position or search. */
  const goTo = useCallback(
    (lat: number, lon: number) => {
      map?.setView([lat, lon], Math.max(map.getZoom(), FOUND_PLACE_ZOOM))
    },
    [map],
  )

  const confirmCentre = useCallback(() => {
    if (map) pick(map.getCenter())
  }, [map, pick])

  const submitted = useCallback(
    (created: PinCreated) => {
      setFlow((current) => (current.step === 'details' ? { step: 'done', place: current.place, created } : current))
      setRefreshKey((n) => n + 1)
      announce(t.savedStatus, 'success')
    },
    [announce, t],
  )

  const refreshMap = useCallback(() => setRefreshKey((n) => n + 1), [])

  const close = useCallback(() => {
    setFlow(CLOSED)
    setLauncherFocus(true)
  }, [])

  const switchView = useCallback(
    (next: ResidentViewMode) => {
      if (next === 'list' && map) {
        const b = map.getBounds()
        setListBbox([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()])
      }
      setMode(next)
      if (next === 'map') window.setTimeout(() => map?.invalidateSize(), 0)
    },
    [map],
  )

  const showOnMap = useCallback(
    (pin: PublicPin) => {
      setMode('map')
      window.setTimeout(() => {
        map?.invalidateSize()
        map?.setView([pin.lat, pin.lon], Math.max(map.getZoom(), FOUND_PLACE_ZOOM))
        map?.getContainer().focus()
      }, 0)
      announce(media.shownOnMap)
    },
    [map, announce, media],
  )

  const start = useCallback(() => {
    setMode('map')
    map?.invalidateSize()
    map?.closePopup()
    setSheetKey((n) => n + 1)
    setFlow(PICKING)
  }, [map])

  const picking = flow.step === 'place'
  const place = placeOf(flow)

  return (
    <div className="app">
      <AppHeader municipalityName={config.municipality.name} campaignName={config.campaign?.name} />
      <CampaignBanner config={config} />
      <main className={`app-main${flow.step === 'closed' ? '' : ' app-main--reporting'}`}>
        {flow.step === 'closed' ? (
          <ReportLauncher municipalityName={config.municipality.name} open={config.campaign !== null} onStart={start} autoFocus={launcherFocus} />
        ) : (
          <Suspense fallback={null}>
            <ReportSheet
              key={sheetKey}
              config={config}
              flow={flow}
              onConfirmCentre={confirmCentre}
              onGoTo={goTo}
              onChangePlace={() => setFlow(PICKING)}
              onSubmitted={submitted}
              onAnother={() => setFlow(PICKING)}
              onClose={close}
              onAgreed={refreshMap}
            />
          </Suspense>
        )}
        {flow.step === 'closed' && <ViewSwitch mode={mode} onChange={switchView} />}
        {mode === 'list' && flow.step === 'closed' && listBbox && (
          <div className="list-area">
            <Suspense fallback={null}>
              <PinListView bbox={listBbox} categories={categories} timeZone={config.municipality.timeZone} onShowOnMap={showOnMap} />
            </Suspense>
          </div>
        )}
        <div className={`map-area${mode === 'list' && flow.step === 'closed' ? ' map-area--hidden' : ''}`}>
          <MunicipalityMap
            config={config}
            categories={categories}
            mapRef={setMap}
            refreshKey={refreshKey}
            onPick={picking ? pick : undefined}
            pickedPlace={place ? [place[0], place[1]] : undefined}
          />
          {picking && <Crosshair />}
        </div>
      </main>
    </div>
  )
}
