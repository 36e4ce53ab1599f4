import type { Snapshot, SnapshotSummary } from '@trygg/domain'
import { useState, type FormEvent } from 'react'
import { useFetch } from '../hotspots/use-fetch.ts'
import { useSignedIn, useStaffSession } from '../staff-session.tsx'
import { createSnapshot, exportUrl, fetchSnapshot } from './police-api.ts'
import { useTrafficMessages } from './traffic-messages.ts'

export interface SnapshotPanelProps {
  snapshots: readonly SnapshotSummary[]
  canCreate: boolean
  onCreated: (snapshot: Snapshot) => void
}

const CHANGE_ORDER = ['new', 'grown', 'shrunk', 'gone'] as const

/** The lägesbild snapshots: what changed in each since the one before, one opened, and a new one taken. */
export function SnapshotPanel({ snapshots, canCreate, onCreated }: SnapshotPanelProps) {
  const { lang, m } = useTrafficMessages()
  const { csrfToken } = useSignedIn()
  const { errorMessage } = useStaffSession()
  const [name, setName] = useState(() => m.defaultSnapshotName(new Date().toLocaleDateString('sv-SE')))
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [openId, setOpenId] = useState<number | null>(null)
  const opened = useFetch(openId === null ? null : String(openId), fetchSnapshot)
  const dateTime = (iso: string) => new Date(iso).toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSaving(true)
    setError(null)
    try {
      const created = await createSnapshot(csrfToken, { name: name.trim() })
      onCreated(created)
      setOpenId(created.id)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="snapshots" aria-labelledby="snapshots-heading" data-testid="snapshots">
      <h3 id="snapshots-heading">{m.snapshotsHeading}</h3>
      <p className="field__hint">{m.snapshotsIntro}</p>
      {canCreate && (
        <form className="snapshots__form no-print" onSubmit={submit}>
          <label>
            {m.snapshotName}
            <input type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} data-testid="snapshot-name" />
          </label>
          <button type="submit" className="button button--primary" aria-disabled={saving || undefined} data-testid="create-snapshot">
            {saving ? m.saving : m.createSnapshot}
          </button>
          {error && <p role="alert">{error}</p>}
        </form>
      )}
      {snapshots.length === 0 ? (
        <p>{m.noSnapshots}</p>
      ) : (
        <ul className="snapshots__list" data-testid="snapshot-list">
          {snapshots.map((s) => (
            <li key={s.id}>
              <div className="snapshots__row">
                <strong>{s.name}</strong> <span>{dateTime(s.takenAt)}</span> <span>{m.snapshotLine(s.areaCount, s.controlCount)}</span>
                <span className="snapshots__changes">
                  {CHANGE_ORDER.map((c) => (
                    <span key={c} className={`change-badge change-badge--${c}`}>
                      {s.diff.counts[c]} {m.changes[c]}
                    </span>
                  ))}
                </span>
                <button type="button" className="button button--small button--secondary no-print" aria-expanded={openId === s.id} onClick={() => setOpenId(openId === s.id ? null : s.id)}>
                  {openId === s.id ? m.close : m.open}
                </button>
                <a className="no-print" href={exportUrl(s.id, 'geojson')} download>
                  {m.exportGeoJson}
                </a>
                <a className="no-print" href={exportUrl(s.id, 'csv')} download>
                  {m.exportCsv}
                </a>
              </div>
              {openId === s.id && opened.data?.id === s.id && <SnapshotAreas snapshot={opened.data} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function SnapshotAreas({ snapshot }: { snapshot: Snapshot }) {
  const { m } = useTrafficMessages()
  const change = new Map(snapshot.diff.changes.map((c) => [c.id, c]))
  const gone = snapshot.diff.changes.filter((c) => c.change === 'gone')
  return (
    <>
      <table className="traffic-table" data-testid="snapshot-areas">
        <thead>
          <tr>
            <th scope="col">{m.area}</th>
            <th scope="col">{m.pins}</th>
            <th scope="col">{m.meanSeverity}</th>
            <th scope="col">{m.change}</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.areas.map((a) => {
            const c = change.get(a.id)
            return (
              <tr key={a.id}>
                <th scope="row">{m.areaName(a.rank)}</th>
                <td>{a.pinCount}</td>
                <td>{a.meanSeverity.toFixed(1)}</td>
                <td>{c ? `${m.changes[c.change]}${c.change === 'grown' || c.change === 'shrunk' ? ` (${c.previousPinCount} → ${c.pinCount})` : ''}` : ''}</td>
              </tr>
            )
          })}
          {gone.map((c) => (
            <tr key={`gone-${c.id}`} className="snapshots__gone">
              <th scope="row">{c.id}</th>
              <td>0</td>
              <td />
              <td>{`${m.changes.gone} (${c.previousPinCount} → 0)`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {snapshot.controls.length > 0 && (
        <>
          <h4>{m.snapshotControls}</h4>
          <ul className="control-list">
            {snapshot.controls.map((c) => (
              <li key={c.id}>
                <strong>{m.kinds[c.kind]}</strong> {c.date} {c.startTime}–{c.endTime}: {m.controlLine(c.vehiclesChecked, c.violations)}
                {c.area && ` · ${c.area.id}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}
