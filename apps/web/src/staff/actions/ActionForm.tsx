import type { ActionItem, ActionItemPatch, ActionOptions, AppConfig, MultiPolygonGeometry, NewActionItem, PolygonGeometry } from '@trygg/domain'
import { ACTION_STATUSES, FOLLOW_UP_INTERVALS, type ActionStatusValue, type FollowUpIntervalValue } from '@trygg/domain/constants'
import { geoJSON } from 'leaflet'
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { MapContainer, TileLayer, useMap } from 'react-leaflet'
import { useActionPlanMessages } from '../../i18n/action-plan-messages.ts'
import { EffectChart } from '../police/EffectChart.tsx'
import { useI18n } from '../../i18n/language.tsx'
import { BoundaryLayer } from '../../map/BoundaryLayer.tsx'
import { DrawAreaLayer, polygonOf } from './DrawAreaLayer.tsx'

type Area = PolygonGeometry | MultiPolygonGeometry

export interface ActionFormProps {
  config: AppConfig
  options: ActionOptions
  /** The item to edit, or the prefilled fields of a new one. */
  initial: { item: ActionItem } | { draft: Partial<NewActionItem> }
  /** Partners change only status, reason and owner. */
  partnerOnly: boolean
  busy: boolean
  error: string | null
  onSubmit: (value: NewActionItem | ActionItemPatch) => void
  onCancel: () => void
}

interface Fields {
  title: string
  description: string
  focusArea: string
  expectedEffect: string
  organisation: string
  partnerOrganisation: string
  owner: string
  startsOn: string
  dueOn: string
  indicator: string
  followUpInterval: FollowUpIntervalValue
  status: ActionStatusValue
  statusReason: string
  isPublic: boolean
  publicNote: string
}

function initialFields(initial: ActionFormProps['initial'], options: ActionOptions): Fields {
  const v: Partial<NewActionItem> = 'item' in initial ? initial.item : initial.draft
  return {
    title: v.title ?? '',
    description: v.description ?? '',
    focusArea: v.focusArea ?? options.focusAreas.find((f) => f.active)?.key ?? '',
    expectedEffect: v.expectedEffect ?? '',
    organisation: v.organisation ?? options.organisations.find((o) => o.active)?.key ?? '',
    partnerOrganisation: v.partnerOrganisation ?? '',
    owner: v.owner ?? '',
    startsOn: v.startsOn ?? '',
    dueOn: v.dueOn ?? '',
    indicator: v.indicator ?? '',
    followUpInterval: v.followUpInterval ?? 'yearly',
    status: v.status ?? 'proposed',
    statusReason: v.statusReason ?? '',
    isPublic: v.isPublic ?? false,
    publicNote: v.publicNote ?? '',
  }
}

/** Fits the small form map to the area once it is there. */
function FitArea({ area }: { area: Area | null }) {
  const map = useMap()
  useEffect(
    function fitArea() {
      if (!area) return
      const layer = geoJSON(area as GeoJSON.Geometry, { style: { color: '#0b3d91', weight: 2, fillOpacity: 0.25 } }).addTo(map)
      const bounds = layer.getBounds()
      if (bounds.isValid()) map.fitBounds(bounds, { maxZoom: 17, padding: [20, 20], animate: false })
      return function removeArea() {
        layer.remove()
      }
    },
    [map, area],
  )
  return null
}

/** Creates or edits an action item; the area comes from a hotspot or is drawn on the small map. */
export function ActionForm({ config, options, initial, partnerOnly, busy, error, onSubmit, onCancel }: ActionFormProps) {
  const a = useActionPlanMessages()
  const { lang } = useI18n()
  const id = useId()
  const [f, setF] = useState<Fields>(() => initialFields(initial, options))
  const start = 'item' in initial ? initial.item : initial.draft
  const [area, setArea] = useState<Area | null>(start.area ?? null)
  const [areaSource, setAreaSource] = useState(start.areaSource ?? null)
  const [corners, setCorners] = useState<[number, number][] | null>(null)
  const pinIds = start.pinIds ?? []
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setF((s) => ({ ...s, [key]: value }))
  const addCorner = useCallback((c: [number, number]) => setCorners((cs) => [...(cs ?? []), c]), [])
  const label = (choice: { labelSv: string; labelEn: string }) => (lang === 'sv' ? choice.labelSv : choice.labelEn)
  const nullable = (s: string) => (s.trim() ? s.trim() : null)

  function submit(e: FormEvent) {
    e.preventDefault()
    if (partnerOnly) {
      onSubmit({ status: f.status, statusReason: f.status === 'not_done' ? nullable(f.statusReason) : null, owner: f.owner })
      return
    }
    const value: NewActionItem = {
      title: f.title.trim(),
      description: f.description,
      focusArea: f.focusArea,
      expectedEffect: f.expectedEffect,
      organisation: f.organisation,
      partnerOrganisation: nullable(f.partnerOrganisation),
      owner: f.owner,
      startsOn: f.startsOn || null,
      dueOn: f.dueOn || null,
      indicator: f.indicator,
      followUpInterval: f.followUpInterval,
      status: f.status,
      statusReason: f.status === 'not_done' ? nullable(f.statusReason) : null,
      area,
      areaSource: area ? areaSource : null,
      isPublic: f.isPublic,
      publicNote: nullable(f.publicNote),
      pinIds,
      ...('draft' in initial && initial.draft.hotspotRef ? { hotspotRef: initial.draft.hotspotRef } : {}),
    }
    onSubmit(value)
  }

  const text = (key: 'title' | 'description' | 'expectedEffect' | 'owner' | 'indicator' | 'publicNote' | 'statusReason', multi = false, required = false) => (
    <div className="form-field">
      <label htmlFor={`${id}-${key}`}>{a.form[key]}</label>
      {multi ? (
        <textarea id={`${id}-${key}`} name={key} rows={3} value={f[key]} onChange={(e) => set(key, e.target.value)} disabled={partnerOnly && key !== 'owner' && key !== 'statusReason'} />
      ) : (
        <input id={`${id}-${key}`} name={key} value={f[key]} required={required} onChange={(e) => set(key, e.target.value)} disabled={partnerOnly && key !== 'owner' && key !== 'statusReason'} />
      )}
    </div>
  )

  return (
    <form className="action-form" onSubmit={submit} aria-labelledby={`${id}-heading`} data-testid="action-form">
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {'item' in initial ? a.form.editHeading(initial.item.title) : a.form.createHeading}
      </h3>
      {'draft' in initial && initial.draft.hotspotRef && <p className="staff-notice">{a.form.fromHotspot(pinIds.length)}</p>}
      {'item' in initial && initial.item.status === 'done' && initial.item.area && !partnerOnly && <EffectChart actionItemId={initial.item.id} />}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="action-form__grid">
        <div className="action-form__fields">
          {text('title', false, true)}
          {text('description', true)}
          <div className="form-field">
            <label htmlFor={`${id}-focus`}>{a.form.focusArea}</label>
            <select id={`${id}-focus`} name="focusArea" value={f.focusArea} onChange={(e) => set('focusArea', e.target.value)} disabled={partnerOnly}>
              {options.focusAreas.map((c) => (
                <option key={c.key} value={c.key}>
                  {label(c)}
                </option>
              ))}
            </select>
          </div>
          {text('expectedEffect', true)}
          <div className="form-field">
            <label htmlFor={`${id}-org`}>{a.form.organisation}</label>
            <select id={`${id}-org`} name="organisation" value={f.organisation} onChange={(e) => set('organisation', e.target.value)} disabled={partnerOnly}>
              {options.organisations.map((c) => (
                <option key={c.key} value={c.key}>
                  {label(c)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor={`${id}-partner`}>{a.form.partnerOrganisation}</label>
            <select id={`${id}-partner`} name="partnerOrganisation" value={f.partnerOrganisation} onChange={(e) => set('partnerOrganisation', e.target.value)} disabled={partnerOnly}>
              <option value="">{a.form.noPartner}</option>
              {[...new Set([...options.partnerOrganisations, ...(f.partnerOrganisation ? [f.partnerOrganisation] : [])])].map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </div>
          {text('owner')}
          <div className="action-form__row">
            <div className="form-field">
              <label htmlFor={`${id}-start`}>{a.form.startsOn}</label>
              <input id={`${id}-start`} name="startsOn" type="date" value={f.startsOn} onChange={(e) => set('startsOn', e.target.value)} disabled={partnerOnly} />
            </div>
            <div className="form-field">
              <label htmlFor={`${id}-due`}>{a.form.dueOn}</label>
              <input id={`${id}-due`} name="dueOn" type="date" value={f.dueOn} onChange={(e) => set('dueOn', e.target.value)} disabled={partnerOnly} />
            </div>
          </div>
          {text('indicator')}
          <div className="form-field">
            <label htmlFor={`${id}-interval`}>{a.form.followUpInterval}</label>
            <select id={`${id}-interval`} name="followUpInterval" value={f.followUpInterval} onChange={(e) => set('followUpInterval', e.target.value as FollowUpIntervalValue)} disabled={partnerOnly}>
              {FOLLOW_UP_INTERVALS.map((i) => (
                <option key={i} value={i}>
                  {a.intervals[i]}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor={`${id}-status`}>{a.form.status}</label>
            <select id={`${id}-status`} name="status" value={f.status} onChange={(e) => set('status', e.target.value as ActionStatusValue)}>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {a.statuses[s]}
                </option>
              ))}
            </select>
          </div>
          {f.status === 'not_done' && text('statusReason', true)}
          <label className="check">
            <input type="checkbox" name="isPublic" checked={f.isPublic} onChange={(e) => set('isPublic', e.target.checked)} disabled={partnerOnly} />
            {a.form.isPublic}
          </label>
          {text('publicNote', true)}
        </div>
        <div className="action-form__area">
          <p>
            <strong>{a.form.area}: </strong>
            {area ? a.form.areaSet(areaSource ?? 'drawn') : a.form.areaNone} · {a.form.linkedPins(pinIds.length)}
          </p>
          <div className="action-form__map">
            <MapContainer className="map" center={[config.municipality.center.lat, config.municipality.center.lon]} zoom={config.municipality.defaultZoom} maxZoom={config.map.maxZoom}>
              <TileLayer url={config.map.tileUrl} attribution={config.map.attribution} maxZoom={config.map.maxZoom} />
              <BoundaryLayer boundary={config.municipality.boundary} />
              {!corners && <FitArea area={area} />}
              {corners && <DrawAreaLayer corners={corners} onAdd={addCorner} />}
            </MapContainer>
          </div>
          {!partnerOnly && (
            <div className="action-form__buttons">
              {corners ? (
                <>
                  <p className="form-hint">{a.form.drawHelp}</p>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={corners.length < 3}
                    onClick={() => {
                      setArea(polygonOf(corners))
                      setAreaSource('drawn')
                      setCorners(null)
                    }}
                  >
                    {a.form.finishDrawing}
                  </button>
                </>
              ) : (
                <button type="button" className="button button--secondary" onClick={() => setCorners([])}>
                  {a.form.drawArea}
                </button>
              )}
              {area && !corners && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setArea(null)
                    setAreaSource(null)
                  }}
                >
                  {a.form.clearArea}
                </button>
              )}
            </div>
          )}
        </div>
      </div>
      <div className="action-form__buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? a.form.saving : a.form.save}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {a.form.cancel}
        </button>
      </div>
    </form>
  )
}
