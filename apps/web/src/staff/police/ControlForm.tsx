import { CONTROL_KINDS, type ControlKind } from '@trygg/domain/constants'
import type { Control, NewControl, TrafficArea } from '@trygg/domain'
import { useState, type FormEvent } from 'react'
import { useSignedIn, useStaffSession } from '../staff-session.tsx'
import { createControl } from './police-api.ts'
import { useTrafficMessages } from './traffic-messages.ts'

export interface ControlFormProps {
  /** the area the control is recorded for, linked unless unticked */
  area: TrafficArea | null
  placeMode: 'point' | 'segment'
  onPlaceMode: (mode: 'point' | 'segment') => void
  /** [lon, lat] vertices drawn on the map */
  vertices: readonly (readonly [number, number])[]
  onClearPlace: () => void
  onSaved: (control: Control) => void
  onCancel: () => void
}

const today = () => new Date().toLocaleDateString('sv-SE')

/** Records a speed check or behaviour monitoring; the place is drawn on the map. */
export function ControlForm({ area, placeMode, onPlaceMode, vertices, onClearPlace, onSaved, onCancel }: ControlFormProps) {
  const { m } = useTrafficMessages()
  const { csrfToken } = useSignedIn()
  const { errorMessage } = useStaffSession()
  const [kind, setKind] = useState<ControlKind>('speed_check')
  const [date, setDate] = useState(today)
  const [startTime, setStartTime] = useState('07:00')
  const [endTime, setEndTime] = useState('09:00')
  const [vehicles, setVehicles] = useState('')
  const [violations, setViolations] = useState('')
  const [notes, setNotes] = useState('')
  const [linkArea, setLinkArea] = useState(true)
  const [actionItem, setActionItem] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const placeReady = placeMode === 'point' ? vertices.length === 1 : vertices.length >= 2

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!placeReady) return setError(m.placeRequired)
    const body: NewControl = {
      kind,
      place: placeMode === 'point' ? { type: 'Point', coordinates: [...vertices[0]!] } : { type: 'LineString', coordinates: vertices.map((v) => [...v]) },
      date,
      startTime,
      endTime,
      vehiclesChecked: Number(vehicles),
      violations: Number(violations),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(area && linkArea ? { areaId: area.properties.id } : {}),
      ...(actionItem ? { actionItemId: Number(actionItem) } : {}),
    }
    setSaving(true)
    setError(null)
    try {
      onSaved(await createControl(csrfToken, body))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="control-form no-print" onSubmit={submit} data-testid="control-form">
      <h3>{m.formHeading}</h3>
      <fieldset>
        <legend>{m.kind}</legend>
        {CONTROL_KINDS.map((k) => (
          <label key={k} className="check">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`kind-${k}`} /> {m.kinds[k]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{m.placeKind}</legend>
        {(['point', 'segment'] as const).map((mode) => (
          <label key={mode} className="check">
            <input type="radio" name="placeMode" checked={placeMode === mode} onChange={() => onPlaceMode(mode)} /> {mode === 'point' ? m.point : m.segment}
          </label>
        ))}
        <p className="field__hint">{placeMode === 'point' ? m.placeHelpPoint : m.placeHelpSegment}</p>
        <p role="status" data-testid="place-status">
          {m.placeCount(vertices.length)}{' '}
          {vertices.length > 0 && (
            <button type="button" className="link-button" onClick={onClearPlace}>
              {m.clearPlace}
            </button>
          )}
        </p>
      </fieldset>
      <div className="control-form__grid">
        <label>
          {m.date}
          <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} data-testid="control-date" />
        </label>
        <label>
          {m.startTime}
          <input type="time" required value={startTime} onChange={(e) => setStartTime(e.target.value)} data-testid="control-start" />
        </label>
        <label>
          {m.endTime}
          <input type="time" required value={endTime} onChange={(e) => setEndTime(e.target.value)} data-testid="control-end" />
        </label>
        <label>
          {m.vehiclesChecked}
          <input type="number" required min={0} value={vehicles} onChange={(e) => setVehicles(e.target.value)} data-testid="control-vehicles" />
        </label>
        <label>
          {m.violations}
          <input type="number" required min={0} value={violations} onChange={(e) => setViolations(e.target.value)} data-testid="control-violations" />
        </label>
        <label>
          {m.actionItem}
          <input type="number" min={1} value={actionItem} onChange={(e) => setActionItem(e.target.value)} />
        </label>
      </div>
      <label className="control-form__notes">
        {m.notes}
        <textarea maxLength={2000} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="control-notes" />
      </label>
      {area && (
        <label className="check">
          <input type="checkbox" checked={linkArea} onChange={(e) => setLinkArea(e.target.checked)} /> {m.linkArea(m.areaName(area.properties.rank))}
        </label>
      )}
      {error && (
        <p role="alert" className="form-error" data-testid="control-error">
          {error}
        </p>
      )}
      <div className="control-form__actions">
        <button type="submit" className="button button--primary" aria-disabled={saving || undefined} data-testid="save-control">
          {saving ? m.saving : m.save}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    </form>
  )
}
