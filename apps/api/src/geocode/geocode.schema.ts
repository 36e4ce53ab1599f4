import Type from 'typebox'
import { ErrorBody } from '@trygg/domain'

export const GeocodeQuery = Type.Object({
  q: Type.String({ minLength: 2, maxLength: 200, pattern: '\\S', description: 'An address or place name', examples: ['Storgatan 1'] }),
  lang: Type.Optional(Type.Union([Type.Literal('sv'), Type.Literal('en')], { description: 'Language of the names; default sv' })),
})

export const GeocodeResult = Type.Object({
  label: Type.String({ examples: ['Storgatan 1, Kävlinge, Kävlinge kommun, Skåne län, Sverige'] }),
  lat: Type.Number(),
  lon: Type.Number(),
  kind: Type.Union([Type.String(), Type.Null()], { description: "The geocoder's type of place, e.g. house or bus_stop" }),
})

export const GeocodeAnswer = Type.Object(
  {
    results: Type.Array(GeocodeResult),
    attribution: Type.String({ description: 'To be shown with the results' }),
  },
  { $id: 'GeocodeAnswer' },
)

export const geocodeSchema = {
  summary: 'Search for an address in the municipality',
  description:
    'Asks the configured Nominatim-compatible geocoder (TRYGG_GEOCODER_URL) for places within the municipality\'s ' +
    'bounding box and answers those inside its boundary. At most one request a second goes to the geocoder; answers ' +
    'are cached. 502 when the geocoder fails, 503 when address search is turned off.',
  tags: ['public'],
  querystring: GeocodeQuery,
  response: { 200: GeocodeAnswer, 400: ErrorBody, 502: ErrorBody, 503: ErrorBody },
}
