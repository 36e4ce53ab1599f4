import { TIMES_OF_DAY, MATRIX_ROWS, type Snapshot } from '@trygg/domain'

/**
 * A text cell a spreadsheet would not run: one that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading apostrophe (OWASP's advice against CSV injection).
 * @example neutralise('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** One RFC 4180 field: numbers as they are, text neutralised and quoted when it needs to be. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value)
  const safe = neutralise(value)
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

const SLOT_COLUMNS = MATRIX_ROWS.flatMap((row) => TIMES_OF_DAY.map((t) => [row, t] as const))

/**
 * The snapshot's areas as CSV (comma-separated, CRLF, UTF-8), one row per area by rank: centroid
 * coordinates, pins, agreements, mean severity, score, categories, and pins per time slot
 * (`weekday_morning` … `unspecified_night`).
 */
export function snapshotCsv(s: Snapshot): string {
  const header = ['snapshot', 'taken_at', 'rank', 'area_id', 'centroid_lon', 'centroid_lat', 'pins', 'agreements', 'mean_severity', 'score', 'categories', ...SLOT_COLUMNS.map(([r, t]) => `${r}_${t}`)]
  const lines = [header.join(',')]
  for (const a of s.areas) {
    const categories = Object.entries(a.categories).map(([k, n]) => `${k}:${n}`).join(' ')
    const row: (string | number)[] = [s.name, s.takenAt, a.rank, a.id, a.centroid[0]!, a.centroid[1]!, a.pinCount, a.agreements, a.meanSeverity, a.score, categories, ...SLOT_COLUMNS.map(([r, t]) => a.matrix[r][t])]
    lines.push(row.map(csvField).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}

/**
 * The snapshot as a GeoJSON FeatureCollection: each area a Polygon (`"feature": "area"`, its
 * centroid and pins per time slot as properties), each control a Point or LineString (`"feature": "control"`).
 */
export function snapshotGeoJson(s: Snapshot) {
  return {
    type: 'FeatureCollection' as const,
    name: s.name,
    takenAt: s.takenAt,
    features: [
      ...s.areas.map((a) => ({
        type: 'Feature' as const,
        geometry: a.geometry,
        properties: {
          feature: 'area',
          id: a.id,
          rank: a.rank,
          centroid_lon: a.centroid[0],
          centroid_lat: a.centroid[1],
          pins: a.pinCount,
          agreements: a.agreements,
          mean_severity: a.meanSeverity,
          score: a.score,
          categories: a.categories,
          ...Object.fromEntries(SLOT_COLUMNS.map(([r, t]) => [`${r}_${t}`, a.matrix[r][t]])),
        },
      })),
      ...s.controls.map((c) => ({
        type: 'Feature' as const,
        geometry: c.place,
        properties: {
          feature: 'control',
          id: c.id,
          kind: c.kind,
          date: c.date,
          start_time: c.startTime,
          end_time: c.endTime,
          vehicles_checked: c.vehiclesChecked,
          violations: c.violations,
          notes: c.notes,
          area_id: c.area?.id ?? null,
          action_item_id: c.actionItemId,
        },
      })),
    ],
  }
}
