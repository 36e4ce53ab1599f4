import type { Control, TrafficArea } from '@trygg/domain'
import { useState } from 'react'
import { EffectChart } from './EffectChart.tsx'
import { useTrafficMessages } from './traffic-messages.ts'
import { WhenMatrix } from './WhenMatrix.tsx'

export interface AreaDetailProps {
  area: TrafficArea
  /** controls linked to the area */
  controls: readonly Control[]
  canRecord: boolean
  onRecord: () => void
  /** deletes a control; without it there is no delete button */
  onDelete?: (control: Control) => void
  onClose: () => void
}

/** One area: its figures, when it happens, the controls performed there and whether they helped. */
export function AreaDetail({ area, controls, canRecord, onRecord, onDelete, onClose }: AreaDetailProps) {
  const { m } = useTrafficMessages()
  const [openEffect, setOpenEffect] = useState<number | null>(null)
  const p = area.properties
  return (
    <section className="area-detail" aria-labelledby="area-detail-heading" data-testid="area-detail">
      <div className="area-detail__head">
        <h3 id="area-detail-heading">{m.areaName(p.rank)}</h3>
        <button type="button" className="button button--small button--secondary no-print" onClick={onClose}>
          {m.back}
        </button>
      </div>
      <dl className="area-detail__figures">
        <dt>{m.pins}</dt>
        <dd>{p.pinCount}</dd>
        <dt>{m.meanSeverity}</dt>
        <dd>{p.meanSeverity.toFixed(1)}</dd>
        <dt>{m.agreements}</dt>
        <dd>{p.agreements}</dd>
        <dt>{m.score}</dt>
        <dd>{p.score}</dd>
        <dt>{m.trend}</dt>
        <dd>{m.trendText(p.trend.recent, p.trend.previous, p.trend.weeks)}</dd>
      </dl>
      <WhenMatrix matrix={p.matrix} />
      {canRecord && (
        <button type="button" className="button button--primary no-print" onClick={onRecord} data-testid="record-control">
          {m.recordControl}
        </button>
      )}
      <h4>{m.controlsHeading}</h4>
      {controls.length === 0 ? (
        <p>{m.noControls}</p>
      ) : (
        <ul className="control-list" data-testid="area-controls">
          {controls.map((c) => (
            <li key={c.id}>
              <p>
                <strong>{m.kinds[c.kind]}</strong> {c.date} {c.startTime}–{c.endTime}: {m.controlLine(c.vehiclesChecked, c.violations)}
              </p>
              {c.notes && <p className="control-list__notes">{c.notes}</p>}
              <button type="button" className="button button--small button--secondary no-print" aria-expanded={openEffect === c.id} onClick={() => setOpenEffect(openEffect === c.id ? null : c.id)}>
                {m.effectButton}
              </button>
              {onDelete && (
                <button type="button" className="button button--small button--secondary no-print" onClick={() => window.confirm(m.confirmDelete) && onDelete(c)}>
                  {m.deleteControl}
                </button>
              )}
              {openEffect === c.id && <EffectChart controlId={c.id} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
