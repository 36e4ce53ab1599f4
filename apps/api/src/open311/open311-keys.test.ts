import { describe, expect, it } from 'vitest'
import { ENGINES } from '../../test/test-db.ts'
import { seedTestMunicipality } from '../../test/fixtures.ts'
import { type Fields, useOpen311 } from '../../test/open311-client.ts'

describe.each(ENGINES)('Open311 API keys and jurisdictions on %s', (engine) => {
  const { state, get, post, pinCount, valid, json, refusedBoth } = useOpen311(engine)

  describe('api_key of POST Service Request', () => {
    it('takes a key bound to the municipality, and English notices', async () => {
      const created = json(await post('json', valid({ api_key: state.boundKey }), { 'accept-language': 'en' }))
      expect(created[0].service_notice).toBe('Thank you! The place is on the map now.')
    })

    it.each([
      ['no api_key', { api_key: [] as string[] }, /api_key is required/],
      ['an empty api_key', { api_key: '' }, /api_key is required/],
      ['an unknown api_key', { api_key: 'trygg_not-a-real-key' }, /Invalid api_key/],
    ])('refuses %s with 403 and stores nothing', async (_name, over, message) => {
      const before = await pinCount()
      const fields = { ...valid(), ...over } as Fields
      if (Array.isArray(fields.api_key) && !fields.api_key.length) delete fields.api_key
      expect(await refusedBoth((f) => post(f, fields), 403)).toMatch(message)
      expect(await pinCount()).toBe(before)
    })

    it('refuses a revoked api_key with 403, before reading the rest of the form', async () => {
      const before = await pinCount()
      expect(await refusedBoth((f) => post(f, { api_key: state.revokedKey, service_code: 'ufo' }), 403)).toMatch(/revoked on \d{4}-\d{2}-\d{2}/)
      expect(await pinCount()).toBe(before)
    })
  })

  describe('jurisdictions', () => {
    it('takes the slug as jurisdiction_id and answers an unknown one with 404', async () => {
      expect(json(await get('services.json?jurisdiction_id=testkommun'))).toHaveLength(12)
      expect(await refusedBoth((f) => get(`services.${f}?jurisdiction_id=nowhere`), 404)).toMatch(/jurisdiction_id "nowhere"/)
      expect(await refusedBoth((f) => post(f, valid({ jurisdiction_id: 'nowhere' })), 404)).toMatch(/nowhere/)
    })

    it('requires jurisdiction_id once the deployment serves several municipalities', async () => {
      await seedTestMunicipality(state.db.kysely, 'annan', 'Annan kommun')
      expect(await refusedBoth((f) => get(`requests.${f}`), 400)).toMatch(/jurisdiction_id is required/)
      expect(await refusedBoth((f) => post(f, valid()), 400)).toMatch(/jurisdiction_id is required/)
      const ours = json(await get('requests.json?jurisdiction_id=testkommun'))
      expect(ours.length).toBeGreaterThan(0)
      expect(json(await get('requests.json?jurisdiction_id=annan'))).toEqual([])
      // A key bound to one municipality does not write to another; a deployment-wide one does.
      expect(await refusedBoth((f) => post(f, valid({ api_key: state.boundKey, jurisdiction_id: 'annan' })), 403)).toMatch(/not valid for the jurisdiction "annan"/)
      const made = json(await post('json', valid({ jurisdiction_id: 'annan' })))
      expect(json(await get(`requests/${made[0].service_request_id}.json?jurisdiction_id=annan`))).toHaveLength(1)
      expect((await get(`requests/${made[0].service_request_id}.json?jurisdiction_id=testkommun`)).statusCode).toBe(404)
    })
  })
})
