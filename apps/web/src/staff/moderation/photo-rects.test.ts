import { describe, expect, it } from 'vitest'
import { dragRect, fitRect, previewSigma } from './photo-rects.ts'

describe('photo rectangles', () => {
  it('spans a drag in either direction, clipped to the image, and ignores a click', () => {
    expect(dragRect({ x: 50, y: 40 }, { x: 10, y: 5 }, 300, 200)).toEqual({ x: 10, y: 5, width: 40, height: 35 })
    expect(dragRect({ x: 10.4, y: 5.6 }, { x: 50.2, y: 40.7 }, 300, 200)).toEqual({ x: 10, y: 6, width: 40, height: 35 })
    expect(dragRect({ x: 280, y: 190 }, { x: 400, y: 260 }, 300, 200)).toEqual({ x: 280, y: 190, width: 20, height: 10 })
    expect(dragRect({ x: 20, y: 20 }, { x: 22, y: 60 }, 300, 200)).toBeNull()
  })

  it('fits a typed rectangle inside the image', () => {
    expect(fitRect({ x: 250, y: 10, width: 100, height: 20 }, 300, 200)).toEqual({ x: 200, y: 10, width: 100, height: 20 })
    expect(fitRect({ x: -5, y: 0, width: 400, height: 0 }, 300, 200)).toEqual({ x: 0, y: 0, width: 300, height: 1 })
    expect(fitRect({ x: Number.NaN, y: 3.4, width: 10, height: 10 }, 300, 200)).toEqual({ x: 0, y: 3, width: 10, height: 10 })
  })

  it('blurs as strongly as the server', () => {
    expect(previewSigma({ x: 0, y: 0, width: 10, height: 10 })).toBe(8)
    expect(previewSigma({ x: 0, y: 0, width: 80, height: 60 })).toBe(20)
    expect(previewSigma({ x: 0, y: 0, width: 2000, height: 60 })).toBe(200)
  })
})
