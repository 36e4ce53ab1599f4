import type { ActionItem, ActionItemPatch, ActionOptionsChange, AppConfig, NewActionItem } from '@trygg/domain'
import { ACTION_STATUSES } from '@trygg/domain/constants'
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { MapContainer, TileLayer } from 'react-leaflet'
import { useActionPlanMessages } from '../../i18n/action-plan-messages.ts'
import { useI18n } from '../../i18n/language.tsx'
import { BoundaryLayer } from '../../map/BoundaryLayer.tsx'
import { MapAccessibility } from '../../map/MapAccessibility.tsx'
import { MapSizeWatcher } from '../../map/MapSizeWatcher.tsx'
import { useConfig } from '../../app/use-config.ts'
import { useStatus } from '../../status/status.tsx'
import { useFetch } from '../hotspots/use-fetch.ts'
import { useSignedIn, useStaffSession } from '../staff-session.tsx'
import { ActionAreasLayer } from './ActionAreasLayer.tsx'
import { ActionForm } from './ActionForm.tsx'
import { ActionTable } from './ActionTable.tsx'
import { ActionTimeline } from './ActionTimeline.tsx'
import { actionExportUrl, createActionItem, fetchActionItems, fetchActionOptions, saveActionOptions, updateActionItem } from './actions-api.ts'
import { ChoicesEditor } from './ChoicesEditor.tsx'
import { takeDraft, type HotspotDraft } from './hotspot-draft.ts'
import './action-plan.css'

const WRITERS = new Set(['planner', 'admin'])
const loadOptions = (_key: string, signal: AbortSignal) => fetchActionOptions(signal)
const loadItems = (_key: string, signal: AbortSignal) => fetchActionItems(signal)

type Editing = { item: ActionItem } | { draft: Partial<NewActionItem> } | null

function draftItem(d: HotspotDraft, title: string, hasTraffic: boolean): Partial<NewActionItem> {
  return {
    title,
    ...(d.mostlyTraffic && hasTraffic ? { focusArea: 'traffic' } : {}),
    area: d.area,
    areaSource: 'hotspot',
    hotspotRef: d.hotspotRef,
    pinIds: d.pinIds,
  }
}

/** `/personal/atgardsplan`: the action plan as table, map and timeline, with CSV export and print. */
export function ActionPlanPage() {
  const config = useConfig()
  const a = useActionPlanMessages()
  if (config.status !== 'ready') return <p role="status">{a.loading}</p>
  return <ActionPlan config={config.config} />
}

function ActionPlan({ config }: { config: AppConfig }) {
  const a = useActionPlanMessages()
  const { lang } = useI18n()
  const session = useSignedIn()
  const { errorMessage } = useStaffSession()
  const { announce } = useStatus()
  const id = useId()
  const role = session.staff.role
  const canWrite = WRITERS.has(role)
  const canUpdate = canWrite || role === 'partner'
  const [reload, setReload] = useState(0)
  const [optionsVersion, setOptionsVersion] = useState(0)
  const options = useFetch(`options:${optionsVersion}`, loadOptions)
  const items = useFetch(`items:${reload}`, loadItems)
  const [status, setStatus] = useState('')
  const [focusArea, setFocusArea] = useState('')
  const [pendingDraft] = useState(() => (canWrite ? takeDraft() : null))
  const [editing, setEditing] = useState<Editing>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const opts = options.data
  const draftOpened = useRef(false)
  useEffect(
    function openHotspotDraft() {
      // A draft from the hotspot map opens the form once, as soon as the choices are known.
      if (!pendingDraft || !opts || draftOpened.current) return
      draftOpened.current = true
      setEditing({ draft: draftItem(pendingDraft, a.hotspotTitle(pendingDraft.rank), opts.focusAreas.some((f) => f.key === 'traffic')) })
    },
    [pendingDraft, opts, a],
  )

  const shown = useMemo(
    () => (items.data ?? []).filter((i) => (!status || i.status === status) && (!focusArea || i.focusArea === focusArea)),
    [items.data, status, focusArea],
  )
  const areaLabel = useCallback((i: ActionItem) => `${i.title} · ${a.statuses[i.status]}`, [a])

  async function save(value: NewActionItem | ActionItemPatch) {
    if (!editing) return
    setBusy(true)
    setFailure(null)
    try {
      if ('item' in editing) {
        await updateActionItem(session.csrfToken, editing.item.id, value)
        announce(a.form.saved, 'success')
      } else {
        await createActionItem(session.csrfToken, value as NewActionItem)
        announce(a.form.created, 'success')
      }
      setEditing(null)
      setReload((n) => n + 1)
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  async function saveChoices(change: ActionOptionsChange) {
    setBusy(true)
    try {
      await saveActionOptions(session.csrfToken, change)
      announce(a.choices.saved, 'success')
      setOptionsVersion((n) => n + 1)
    } catch (error) {
      announce(errorMessage(error), 'error')
    } finally {
      setBusy(false)
    }
  }

  const intro = role === 'partner' ? a.partnerIntro(session.staff.organisation ?? '') : a.intro
  return (
    <section className="staff-page action-plan" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{a.heading}</h2>
      <p className="staff-page__intro">{intro}</p>
      {!canUpdate && <p className="staff-notice">{a.readOnly}</p>}
      <div className="staff-toolbar no-print">
        <label htmlFor={`${id}-status`}>{a.filterStatus}</label>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{a.all}</option>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {a.statuses[s]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-focus`}>{a.filterFocus}</label>
        <select id={`${id}-focus`} value={focusArea} onChange={(e) => setFocusArea(e.target.value)}>
          <option value="">{a.all}</option>
          {(opts?.focusAreas ?? []).map((f) => (
            <option key={f.key} value={f.key}>
              {lang === 'sv' ? f.labelSv : f.labelEn}
            </option>
          ))}
        </select>
        {canWrite && opts && (
          <button type="button" className="button button--primary" onClick={() => setEditing({ draft: {} })}>
            {a.newItem}
          </button>
        )}
        <a className="button button--secondary" href={actionExportUrl('csv', { status, focusArea })} download>
          {a.exportCsv}
        </a>
        <a className="button button--secondary" href={actionExportUrl('geojson', { status, focusArea })} download>
          {a.exportGeojson}
        </a>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {a.print}
        </button>
      </div>

      {role === 'admin' && opts && <ChoicesEditor key={optionsVersion} options={opts} busy={busy} onSave={saveChoices} />}

      {editing && opts && (
        <ActionForm
          key={'item' in editing ? `item-${editing.item.id}` : 'new'}
          config={config}
          options={opts}
          initial={editing}
          partnerOnly={role === 'partner'}
          busy={busy}
          error={failure}
          onSubmit={save}
          onCancel={() => {
            setEditing(null)
            setFailure(null)
          }}
        />
      )}

      {(items.status === 'error' || options.status === 'error') && (
        <div role="alert">
          <p>{a.loadError}</p>
          <button type="button" className="button button--secondary" onClick={() => (items.status === 'error' ? items.retry() : options.retry())}>
            {a.retry}
          </button>
        </div>
      )}
      {!items.data || !opts ? (
        items.status === 'loading' && <p role="status">{a.loading}</p>
      ) : items.data.length === 0 ? (
        <p>{a.empty}</p>
      ) : (
        <>
          <h3>{a.tableHeading}</h3>
          <ActionTable items={shown} focusAreas={opts.focusAreas} organisations={opts.organisations} {...(canUpdate ? { onEdit: (item: ActionItem) => setEditing({ item }) } : {})} />
          <div className="action-plan__views">
            <section className="action-plan__map">
              <h3>{a.mapHeading}</h3>
              <p id={`${id}-map-help`} className="visually-hidden">
                {a.mapHelp}
              </p>
              <div className="action-plan__mapbox">
                <MapContainer className="map" center={[config.municipality.center.lat, config.municipality.center.lon]} zoom={config.municipality.defaultZoom} maxZoom={config.map.maxZoom}>
                  <TileLayer url={config.map.tileUrl} attribution={config.map.attribution} maxZoom={config.map.maxZoom} />
                  <BoundaryLayer boundary={config.municipality.boundary} />
                  <ActionAreasLayer items={shown} label={areaLabel} />
                  <MapSizeWatcher />
                  <MapAccessibility label={a.mapLabel} describedBy={`${id}-map-help`} />
                </MapContainer>
              </div>
            </section>
            <section className="action-plan__timeline">
              <h3>{a.timelineHeading}</h3>
              <ActionTimeline items={shown} focusAreas={opts.focusAreas} />
            </section>
          </div>
        </>
      )}
    </section>
  )
}
