import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { ENGINES } from '../../test/test-db.ts'
import { readSparkXml } from '../../test/spark-xml.ts'
import { useOpen311 } from '../../test/open311-client.ts'

describe.each(ENGINES)('Open311 services and discovery on %s', (engine) => {
  const { state, get, json, both, refusedBoth } = useOpen311(engine)

  describe('discovery', () => {
    it('names the endpoint, its specification and formats', async () => {
      const d = await both('discovery.{f}', 'discovery')
      expect(Object.keys(d)).toEqual(['changeset', 'contact', 'key_service', 'endpoints'])
      expect(d.endpoints).toEqual([
        { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'https://trygg.example.se/open311/v2', changeset: d.changeset, type: 'production', formats: ['text/xml', 'application/json'] },
      ])
      expect(Date.parse(d.changeset)).not.toBeNaN()
    })
  })

  describe('GET Service List', () => {
    it('lists one service per active category', async () => {
      const services = await both('services.{f}', 'services')
      expect(services).toHaveLength(12)
      expect(services[2]).toEqual({
        service_code: 'lighting',
        service_name: 'Dålig belysning',
        description: 'Dålig belysning.',
        metadata: true,
        type: 'realtime',
        keywords: 'Dålig belysning, Poor lighting, lighting',
        group: 'physical',
      })
      expect(services.find((s: { service_code: string }) => s.service_code === 'drugs').description).toMatch(/aldrig med exakt plats/)
      await sql`UPDATE category SET active = false WHERE municipality_id = ${state.municipalityId} AND key = 'parking'`.execute(state.db.kysely)
      try {
        const fewer = json(await get('services.json'))
        expect(fewer.map((s: { service_code: string }) => s.service_code)).not.toContain('parking')
        expect((await get('services/parking.json')).statusCode).toBe(404)
      } finally {
        await sql`UPDATE category SET active = true WHERE municipality_id = ${state.municipalityId} AND key = 'parking'`.execute(state.db.kysely)
      }
    })

    it('speaks English when asked to', async () => {
      const services = json(await get('services.json', { 'accept-language': 'en-GB,en;q=0.9' }))
      expect(services[2].service_name).toBe('Poor lighting')
    })

    it('answers application/xml to a client that accepts only that', async () => {
      const res = await get('services.xml', { accept: 'application/xml' })
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8')
      expect(readSparkXml(res.body).root).toBe('services')
    })
  })

  describe('GET Service Definition', () => {
    it('defines severity, times of day and day type', async () => {
      const def = await both('services/lighting.{f}', 'service_definition')
      expect(def.service_code).toBe('lighting')
      expect(def.attributes.map((a: { code: string }) => a.code)).toEqual(['severity', 'times_of_day', 'day_type'])
      expect(def.attributes[0]).toEqual({
        variable: true,
        code: 'severity',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: '1 (lite otrygg) till 5 (mycket otrygg)',
        order: 1,
        description: 'Hur otrygg känner du dig där?',
        values: [
          { key: 1, name: 'Lite otrygg' },
          { key: 2, name: 'Något otrygg' },
          { key: 3, name: 'Ganska otrygg' },
          { key: 4, name: 'Otrygg' },
          { key: 5, name: 'Mycket otrygg' },
        ],
      })
      expect(def.attributes[1]).toMatchObject({ datatype: 'multivaluelist', required: true, order: 2 })
      expect(def.attributes[1].values.map((v: { key: string }) => v.key)).toEqual(['morning', 'day', 'evening', 'night'])
      expect(def.attributes[2]).toMatchObject({ datatype: 'singlevaluelist', required: false, order: 3, datatype_description: null })
      expect(def.attributes[2].values.map((v: { key: string }) => v.key)).toEqual(['weekday', 'weekend', 'both'])
    })

    it('answers an unknown service with 404', async () => {
      expect(await refusedBoth((f) => get(`services/ufo.${f}`), 404)).toMatch(/service_code "ufo"/)
    })
  })
})
