import type { PhotoRedaction, PixelRect } from '@trygg/domain'
import { useEffect, useId, useRef, useState, type FormEvent, type PointerEvent } from 'react'
import { FieldError } from '../../report/FieldError.tsx'
import { useFocusOnMount } from '../../report/use-focus-on-mount.ts'
import { dragRect, fitRect, previewSigma, type Point } from './photo-rects.ts'
import { usePhotoRedactMessages } from './photo-redact-messages.ts'
import { ReasonField } from './ReasonField.tsx'
import { RectFields } from './RectFields.tsx'

type Mode = 'blur' | 'crop'
interface Size {
  width: number
  height: number
}

export interface PhotoRedactorProps {
  src: string
  alt: string
  busy: boolean
  onApply: (redaction: PhotoRedaction) => void
  onCancel: () => void
}

/**
 * Marks blur rectangles and a crop on a photo by mouse drag or by typing pixels, previews the
 * result and sends it with a reason. Coordinates are pixels of the stored image.
 */
export function PhotoRedactor({ src, alt, busy, onApply, onCancel }: PhotoRedactorProps) {
  const t = usePhotoRedactMessages()
  const id = useId()
  const imgRef = useRef<HTMLImageElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const reasonRef = useRef<HTMLInputElement>(null)
  useFocusOnMount(headingRef)
  const [size, setSize] = useState<Size | null>(null)
  const [mode, setMode] = useState<Mode>('blur')
  const [blur, setBlur] = useState<PixelRect[]>([])
  const [crop, setCrop] = useState<PixelRect | null>(null)
  const [drag, setDrag] = useState<{ start: Point; now: Point } | null>(null)
  const [reason, setReason] = useState('')
  const [approve, setApprove] = useState(true)
  const [errors, setErrors] = useState<{ reason?: string; rects?: string }>({})

  const fit = (r: PixelRect) => (size ? fitRect(r, size.width, size.height) : r)
  const toImage = (e: PointerEvent<HTMLElement>): Point => {
    const box = e.currentTarget.getBoundingClientRect()
    return { x: ((e.clientX - box.left) / box.width) * size!.width, y: ((e.clientY - box.top) / box.height) * size!.height }
  }

  function endDrag(e: PointerEvent<HTMLDivElement>) {
    if (!drag || !size) return
    const r = dragRect(drag.start, toImage(e), size.width, size.height)
    setDrag(null)
    if (!r) return
    if (mode === 'crop') setCrop(r)
    else setBlur((b) => [...b, r])
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    const found = { ...(reason.trim() ? {} : { reason: t.reasonRequired }), ...(blur.length || crop ? {} : { rects: t.nothing }) }
    setErrors(found)
    if (found.reason) return reasonRef.current?.focus()
    if (found.rects) return
    onApply({ reason: reason.trim(), blur: blur.map(fit), ...(crop ? { crop: fit(crop) } : {}), approve })
  }

  const pending = drag && size ? dragRect(drag.start, drag.now, size.width, size.height, 1) : null
  const box = (r: PixelRect, kind: string, key: string | number) =>
    size && (
      <div
        key={key}
        className={`photo-redactor__box photo-redactor__box--${kind}`}
        style={{ left: `${(r.x / size.width) * 100}%`, top: `${(r.y / size.height) * 100}%`, width: `${(r.width / size.width) * 100}%`, height: `${(r.height / size.height) * 100}%` }}
        aria-hidden="true"
      />
    )

  return (
    <form className="photo-redactor" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} data-testid="photo-redactor">
      <h4 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t.heading}
      </h4>
      <p id={`${id}-help`} className="field__hint">
        {t.help} {size && t.imageSize(size.width, size.height)}
      </p>
      <fieldset className="photo-redactor__mode">
        <legend>{t.mode}</legend>
        {(['blur', 'crop'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`redact-mode-${m}`} /> {m === 'blur' ? t.modeBlur : t.modeCrop}
          </label>
        ))}
      </fieldset>
      <div className="photo-redactor__panes">
        <div
          className="photo-redactor__canvas"
          onPointerDown={(e) => {
            if (!size || e.button !== 0) return
            e.currentTarget.setPointerCapture(e.pointerId)
            e.preventDefault()
            setDrag({ start: toImage(e), now: toImage(e) })
          }}
          onPointerMove={(e) => drag && setDrag({ ...drag, now: toImage(e) })}
          onPointerUp={endDrag}
          onPointerCancel={() => setDrag(null)}
          data-testid="redact-canvas"
        >
          <img ref={imgRef} src={src} alt={alt} draggable={false} onLoad={(e) => setSize({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })} />
          {crop && box(fit(crop), 'crop', 'crop')}
          {blur.map((r, i) => box(fit(r), 'blur', i))}
          {pending && box(pending, mode, 'pending')}
        </div>
        {size && imgRef.current && (
          <figure className="photo-redactor__preview">
            <Preview image={imgRef.current} blur={blur.map(fit)} crop={crop && fit(crop)} alt={t.previewAlt} />
            <figcaption>{t.preview}</figcaption>
          </figure>
        )}
      </div>
      {size && (
        <div className="photo-redactor__rects">
          {blur.map((r, i) => (
            <RectFields key={i} legend={t.blurRect(i + 1)} rect={r} max={size} onChange={(next) => setBlur((b) => b.map((x, j) => (j === i ? next : x)))} testId={`blur-rect-${i}`}>
              <button type="button" className="button button--secondary button--small" onClick={() => setBlur((b) => b.filter((_, j) => j !== i))}>
                {t.removeBlur(i + 1)}
              </button>
            </RectFields>
          ))}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setBlur((b) => [...b, fitRect({ x: size.width / 4, y: size.height / 4, width: size.width / 4, height: size.height / 4 }, size.width, size.height)])}
            data-testid="add-blur"
          >
            {t.addBlur}
          </button>
          <div className="staff-field staff-checkbox">
            <input id={`${id}-crop`} type="checkbox" checked={crop !== null} onChange={(e) => setCrop(e.target.checked ? { x: 0, y: 0, width: size.width, height: size.height } : null)} data-testid="crop-toggle" />
            <label htmlFor={`${id}-crop`}>{t.crop}</label>
          </div>
          {crop && <RectFields legend={t.cropRect} rect={crop} max={size} onChange={setCrop} testId="crop-rect" />}
        </div>
      )}
      <FieldError id={`${id}-rects-error`} message={errors.rects} />
      <ReasonField
        id={id}
        label={t.reason}
        hint={t.reasonHint}
        value={reason}
        onChange={(value) => {
          setReason(value)
          if (errors.reason && value.trim()) setErrors(({ rects }) => (rects ? { rects } : {}))
        }}
        error={errors.reason}
        inputRef={reasonRef}
        testId="photo-redact-reason"
      />
      <div className="staff-field staff-checkbox">
        <input id={`${id}-approve`} type="checkbox" checked={approve} onChange={(e) => setApprove(e.target.checked)} data-testid="photo-redact-approve" />
        <label htmlFor={`${id}-approve`}>{t.approve}</label>
      </div>
      <div className="staff-actions">
        <button type="submit" className="button button--primary button--small" disabled={busy} data-testid="photo-redact-apply">
          {t.apply}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  )
}

/** The photo as the server will make it: blur rectangles blurred, then cropped. */
function Preview({ image, blur, crop, alt }: { image: HTMLImageElement; blur: PixelRect[]; crop: PixelRect | null; alt: string }) {
  const ref = useRef<HTMLCanvasElement>(null)
  const key = JSON.stringify({ blur, crop })

  useEffect(
    function drawPreview() {
      const canvas = ref.current
      const ctx = canvas?.getContext('2d')
      if (!canvas || !ctx) return
      const area = crop ?? { x: 0, y: 0, width: image.naturalWidth, height: image.naturalHeight }
      canvas.width = area.width
      canvas.height = area.height
      ctx.translate(-area.x, -area.y)
      ctx.drawImage(image, 0, 0)
      for (const r of blur) {
        ctx.save()
        ctx.beginPath()
        ctx.rect(r.x, r.y, r.width, r.height)
        ctx.clip()
        ctx.filter = `blur(${previewSigma(r)}px)`
        ctx.drawImage(image, 0, 0)
        ctx.restore()
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0)
    },
    // `key` stands for the rectangles' values
    [image, key],
  )

  return <canvas ref={ref} role="img" aria-label={alt} data-testid="redact-preview" />
}
