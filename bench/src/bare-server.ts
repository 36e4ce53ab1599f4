// The ingest reference: a bare Fastify + pg server doing one INSERT per request into the same
// pin table, with the same pool size as the API. Started by the ingest benchmark as its own process.
import Fastify from 'fastify'
import pg from 'pg'

const { BARE_DATABASE_URL, BARE_PORT, BARE_MUNICIPALITY_ID, BARE_CATEGORY_ID } = process.env
const pool = new pg.Pool({ connectionString: BARE_DATABASE_URL, max: 10 })
const app = Fastify()

app.post<{ Body: { lat: number; lon: number; severity: number } }>('/pins', async (request, reply) => {
  const { lat, lon, severity } = request.body
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO pin (municipality_id, category_id, geom, severity, times_of_day, source)
     VALUES ($1, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326), $5, 4, 'import') RETURNING id`,
    [BARE_MUNICIPALITY_ID, BARE_CATEGORY_ID, lon, lat, severity],
  )
  return reply.status(201).send({ id: Number(rows[0]!.id) })
})
app.get('/health', async () => ({ ok: true }))

await app.listen({ port: Number(BARE_PORT), host: '127.0.0.1' })
