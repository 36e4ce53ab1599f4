import type { PixelRect } from '@trygg/domain'
import { useId, type ReactNode } from 'react'
import { usePhotoRedactMessages } from './photo-redact-messages.ts'

const SIDES = ['x', 'y', 'width', 'height'] as const

/** A rectangle as four pixel number fields, for keyboard use; `onChange` gets the raw numbers. */
export function RectFields({ legend, rect, max, onChange, testId, children }: { legend: string; rect: PixelRect; max: { width: number; height: number }; onChange: (r: PixelRect) => void; testId: string; children?: ReactNode }) {
  const t = usePhotoRedactMessages()
  const id = useId()
  return (
    <fieldset className="rect-fields" data-testid={testId}>
      <legend>{legend}</legend>
      {SIDES.map((side) => (
        <div className="rect-fields__field" key={side}>
          <label htmlFor={`${id}-${side}`}>{t[side]}</label>
          <input
            id={`${id}-${side}`}
            type="number"
            inputMode="numeric"
            min={side === 'x' || side === 'y' ? 0 : 1}
            max={side === 'x' || side === 'width' ? max.width : max.height}
            step={1}
            value={rect[side]}
            onChange={(e) => onChange({ ...rect, [side]: e.target.valueAsNumber })}
            data-testid={`${testId}-${side}`}
          />
        </div>
      ))}
      {children}
    </fieldset>
  )
}
