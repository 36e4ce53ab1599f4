/** Defaults of the hotspot analysis parameters (`GET /api/staff/hotspots`). */
export const HOTSPOT_DEFAULTS = Object.freeze({
  eps: 50, // DBSCAN: metres within which pins are neighbours
  minPoints: 5, // DBSCAN: pins (the pin itself included) within eps that make a core pin
  cellSize: 100, // Gi*: side of a grid cell, metres
})

/** Accepted ranges of the hotspot analysis parameters, inclusive. */
export const HOTSPOT_LIMITS = Object.freeze({
  eps: { min: 5, max: 2000 },
  minPoints: { min: 2, max: 500 },
  cellSize: { min: 20, max: 5000 },
  /** Most cells a Gi* study area may have; a smaller cellSize over a large municipality is refused. */
  maxGridCells: 200_000,
  /** Most campaigns in one request. */
  maxCampaigns: 20,
})

/**
 * Weight of one agreement ("me too") relative to one pin in a hotspot's score:
 * score = (pins + AGREEMENT_WEIGHT × agreements) × mean severity.
 */
export const AGREEMENT_WEIGHT = 0.5

/** Fill colours of the Gi* confidence bins −3…3: blue cold spots, grey not significant, red hot spots. */
export const HOTSPOT_BIN_COLORS: Readonly<Record<'-3' | '-2' | '-1' | '0' | '1' | '2' | '3', string>> = Object.freeze({
  '-3': '#4575b4',
  '-2': '#91bfdb',
  '-1': '#e0f3f8',
  '0': '#f7f7f7',
  '1': '#fee090',
  '2': '#fc8d59',
  '3': '#d73027',
})
