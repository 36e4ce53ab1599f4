import { sql, type Kysely } from 'kysely'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import Value from 'typebox/value'
import { BoundaryUpload, type BoundaryResult } from '@trygg/domain'
import type { Database } from '../db/schema.ts'
import { AppError } from '../errors/app-error.ts'

/** Every polygon of the upload, as one MultiPolygon's coordinates. */
export function toMultiPolygon(upload: BoundaryUpload): MultiPolygon {
  const geometries: (Polygon | MultiPolygon)[] =
    upload.type === 'FeatureCollection' ? upload.features.map((f) => f.geometry as Polygon | MultiPolygon) : upload.type === 'Feature' ? [upload.geometry as Polygon | MultiPolygon] : [upload as Polygon | MultiPolygon]
  const coordinates = geometries.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates))
  const outOfRange = (p: Position) => !(Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90)
  const open = (ring: Position[]) => ring[0]![0] !== ring.at(-1)![0] || ring[0]![1] !== ring.at(-1)![1]
  if (coordinates.length === 0 || coordinates.some((polygon) => polygon.length === 0 || polygon.some((ring) => ring.length < 4 || ring.some(outOfRange) || open(ring)))) {
    throw invalid(
      'Each ring needs at least four positions of longitude −180…180 and latitude −90…90, the last equal to the first.',
      'Varje ring behöver minst fyra punkter med longitud −180…180 och latitud −90…90, där den sista är lika med den första.',
    )
  }
  return { type: 'MultiPolygon', coordinates }
}

/**
 * Replaces the municipality's boundary. Refuses a self-intersecting or otherwise invalid shape
 * with 422 and the reason; pins outside the new boundary are kept and counted.
 */
export async function replaceBoundary(db: Kysely<Database>, municipalityId: number, boundary: MultiPolygon): Promise<BoundaryResult> {
  const geojson = JSON.stringify(boundary)
  const { rows: checks } = await sql<{ valid: boolean; reason: string }>`
    SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason
      FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326) AS g) AS s`.execute(db)
  if (!checks[0]!.valid) throw invalid(`The boundary is not a valid polygon: ${checks[0]!.reason}.`, `Gränsen är inte en giltig polygon: ${checks[0]!.reason}.`)
  const { rows } = await sql<{ area_km2: number; parts: number }>`
    UPDATE municipality SET boundary = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326))
     WHERE municipality_id = ${municipalityId}
    RETURNING ST_Area(boundary::geography) / 1e6 AS area_km2, ST_NumGeometries(boundary) AS parts`.execute(db)
  if (!rows[0]) throw new AppError(404, 'NOT_FOUND', 'The municipality was not found.', 'Kommunen hittades inte.')
  const { rows: outside } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pin p JOIN municipality m ON m.municipality_id = p.municipality_id
     WHERE p.municipality_id = ${municipalityId} AND NOT ST_Intersects(m.boundary, p.geom)`.execute(db)
  return { areaKm2: Math.round(Number(rows[0].area_km2) * 100) / 100, parts: Number(rows[0].parts), pinsOutside: outside[0]!.n }
}

const invalid = (message: string, messageSv: string) => new AppError(422, 'VALIDATION_FAILED', message, messageSv, [{ field: 'boundary', message }])

/** Reads a GeoJSON boundary file for the command line; throws an Error that says what is wrong. */
export function parseBoundaryFile(text: string, file: string): MultiPolygon {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new BoundaryFileError(`${file} is not JSON.`)
  }
  if (!Value.Check(BoundaryUpload, json)) {
    const first = [...Value.Errors(BoundaryUpload, json)][0]
    throw new BoundaryFileError(`${file} is not a GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection of them${first ? ` (${first.instancePath || '/'} ${first.message})` : ''}.`)
  }
  try {
    return toMultiPolygon(json)
  } catch (error) {
    throw new BoundaryFileError(`${file}: ${(error as Error).message}`)
  }
}

/** A boundary file that cannot be used; the message says why. */
export class BoundaryFileError extends Error {}
