import Type from 'typebox'
import { MAX_COMMENT_LENGTH } from './limits.ts'

/**
 * Open311 GeoReport v2 documents (https://wiki.open311.org/GeoReport_v2). Field names are the
 * specification's. Each schema carries OpenAPI `xml` hints so the XML form (the Spark
 * convention: a list is a wrapper element around repeated item elements) is documented from
 * the same schema as the JSON form.
 */

/** `xml` hint for a list: `<wrapper><item/>…</wrapper>`. */
const wrapped = (name: string) => ({ xml: { name, wrapped: true } })
const element = (name: string) => ({ xml: { name } })
const nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export const OPEN311_FORMATS = ['json', 'xml'] as const
export type Open311Format = (typeof OPEN311_FORMATS)[number]

export const Open311FormatParam = Type.Union([Type.Literal('json'), Type.Literal('xml')], {
  description: 'Response format: `json` (application/json) or `xml` (text/xml)',
  examples: ['json'],
})

export const JurisdictionId = Type.String({
  maxLength: 63,
  description: "The municipality's slug. Required when the deployment serves several municipalities; optional with one.",
  examples: ['kavlinge'],
})

/** `api_key` is accepted and ignored on reading methods, which need no key. */
const IgnoredApiKey = Type.String({ maxLength: 200, description: 'Not needed for reading; accepted and ignored' })

export const Open311ReadQuery = Type.Object(
  { jurisdiction_id: Type.Optional(JurisdictionId), api_key: Type.Optional(IgnoredApiKey) },
  { additionalProperties: false },
)
export type Open311ReadQuery = Type.Static<typeof Open311ReadQuery>

export const Open311ErrorItem = Type.Object(
  {
    code: Type.Integer({ description: 'The HTTP status, or a more specific code', examples: [403] }),
    description: Type.String({ examples: ['api_key is required to create a service request.'] }),
  },
  element('error'),
)

export const Open311Errors = Type.Array(Open311ErrorItem, {
  ...wrapped('errors'),
  description: 'The GeoReport error list',
  examples: [[{ code: 404, description: 'No service has the service_code "ufo".' }]],
})
export type Open311Errors = Type.Static<typeof Open311Errors>

export const Open311Endpoint = Type.Object(
  {
    specification: Type.String({ examples: ['http://wiki.open311.org/GeoReport_v2'] }),
    url: Type.String({ examples: ['https://trygg.kavlinge.se/open311/v2'] }),
    changeset: Type.String({ examples: ['2026-11-29T00:00:00Z'] }),
    type: Type.Union([Type.Literal('production'), Type.Literal('test')]),
    formats: Type.Array(Type.String({ ...element('format') }), { ...wrapped('formats'), examples: [['text/xml', 'application/json']] }),
  },
  element('endpoint'),
)

export const Open311Discovery = Type.Object(
  {
    changeset: Type.String({ description: 'When the service list or definitions last changed in form', examples: ['2026-11-29T00:00:00Z'] }),
    contact: Type.String({ examples: ['Kävlinge kommun, trygghetsenheten: kommun@kavlinge.se'] }),
    key_service: Type.String({ examples: ['API keys for writing are issued by the administrators of this installation.'] }),
    endpoints: Type.Array(Open311Endpoint, wrapped('endpoints')),
  },
  element('discovery'),
)
export type Open311Discovery = Type.Static<typeof Open311Discovery>

export const Open311Service = Type.Object(
  {
    service_code: Type.String({ description: 'The category key', examples: ['lighting'] }),
    service_name: Type.String({ examples: ['Dålig belysning'] }),
    description: Type.String({ examples: ['Dålig belysning.'] }),
    metadata: Type.Boolean({ description: 'Always true: every service has attributes', examples: [true] }),
    type: Type.Union([Type.Literal('realtime'), Type.Literal('batch'), Type.Literal('blackbox')], { examples: ['realtime'] }),
    keywords: Type.String({ description: 'Comma-separated', examples: ['Dålig belysning, Poor lighting, lighting'] }),
    group: Type.String({ description: 'The category group', examples: ['physical'] }),
  },
  element('service'),
)
export type Open311Service = Type.Static<typeof Open311Service>

export const Open311Services = Type.Array(Open311Service, wrapped('services'))

export const Open311Datatype = Type.Union([
  Type.Literal('string'),
  Type.Literal('number'),
  Type.Literal('datetime'),
  Type.Literal('text'),
  Type.Literal('singlevaluelist'),
  Type.Literal('multivaluelist'),
])

export const Open311AttributeValue = Type.Object(
  {
    key: Type.Union([Type.String(), Type.Integer()], { examples: [4] }),
    name: Type.String({ examples: ['Otrygg'] }),
  },
  element('value'),
)

export const Open311Attribute = Type.Object(
  {
    variable: Type.Boolean({ examples: [true] }),
    code: Type.String({ examples: ['severity'] }),
    datatype: Open311Datatype,
    required: Type.Boolean({ examples: [true] }),
    datatype_description: nullable(Type.String()),
    order: Type.Integer({ minimum: 1, examples: [1] }),
    description: Type.String({ examples: ['Hur otrygg känner du dig där?'] }),
    values: Type.Array(Open311AttributeValue, wrapped('values')),
  },
  element('attribute'),
)
export type Open311Attribute = Type.Static<typeof Open311Attribute>

export const Open311ServiceDefinition = Type.Object(
  {
    service_code: Type.String({ examples: ['lighting'] }),
    attributes: Type.Array(Open311Attribute, wrapped('attributes')),
  },
  element('service_definition'),
)
export type Open311ServiceDefinition = Type.Static<typeof Open311ServiceDefinition>

export const Open311ServiceRequest = Type.Object(
  {
    service_request_id: Type.Integer({ description: 'The pin id', examples: [1234] }),
    status: Type.Union([Type.Literal('open'), Type.Literal('closed')], { examples: ['open'] }),
    status_notes: nullable(Type.String()),
    service_name: Type.String({ examples: ['Dålig belysning'] }),
    service_code: Type.String({ examples: ['lighting'] }),
    description: nullable(Type.String({ description: 'The comment, once approved by a moderator' })),
    agency_responsible: nullable(Type.String()),
    service_notice: nullable(Type.String()),
    requested_datetime: Type.String({ description: "ISO 8601 with the municipality's offset", examples: ['2026-05-14T21:40:12+02:00'] }),
    updated_datetime: Type.String({ examples: ['2026-05-14T21:40:12+02:00'] }),
    address: nullable(Type.String()),
    address_id: nullable(Type.String()),
    zipcode: nullable(Type.String()),
    lat: Type.Optional(Type.Number({ description: 'Omitted for sensitive categories', examples: [55.7936] })),
    long: Type.Optional(Type.Number({ description: 'Omitted for sensitive categories', examples: [13.1095] })),
    media_url: Type.Optional(Type.String({ description: 'Only for an approved photo' })),
  },
  element('request'),
)
export type Open311ServiceRequest = Type.Static<typeof Open311ServiceRequest>

export const Open311ServiceRequests = Type.Array(Open311ServiceRequest, wrapped('service_requests'))

export const Open311RequestCreated = Type.Object(
  {
    service_request_id: Type.Integer({ examples: [1234] }),
    service_notice: nullable(Type.String({ examples: ['Tack! Platsen syns på kartan nu; beskrivningen visas när en moderator har granskat den.'] })),
    account_id: Type.Null({ description: 'Residents have no accounts' }),
  },
  element('request'),
)
export type Open311RequestCreated = Type.Static<typeof Open311RequestCreated>

export const Open311RequestsCreated = Type.Array(Open311RequestCreated, wrapped('service_requests'))

export const Open311TokenResult = Type.Object(
  {
    service_request_id: Type.Integer({ examples: [1234] }),
    token: Type.String({ examples: ['q3Yb0c7xK1m9sP2aT5vWfQ'] }),
  },
  element('request'),
)

export const Open311TokenResults = Type.Array(Open311TokenResult, wrapped('service_requests'))

export const Open311RequestsQuery = Type.Object(
  {
    jurisdiction_id: Type.Optional(JurisdictionId),
    api_key: Type.Optional(IgnoredApiKey),
    service_request_id: Type.Optional(
      Type.String({ maxLength: 12000, description: 'Comma-separated ids (at most 1000); overrides every other filter', examples: ['1234,1240'] }),
    ),
    service_code: Type.Optional(Type.String({ maxLength: 2000, description: 'Comma-separated service codes', examples: ['speeding,moped'] })),
    start_date: Type.Optional(
      Type.String({ maxLength: 40, description: 'Earliest requested_datetime, W3C date-time with offset (or a date, read in the municipality time zone)', examples: ['2026-05-01T00:00:00+02:00'] }),
    ),
    end_date: Type.Optional(
      Type.String({ maxLength: 40, description: 'Latest requested_datetime; at most 90 days after start_date', examples: ['2026-06-30T23:59:59+02:00'] }),
    ),
    status: Type.Optional(Type.String({ maxLength: 20, description: 'Comma-separated: open, closed', examples: ['open'] })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1, description: 'Pagination extension: page number, from 1' })),
    page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1000, description: 'Pagination extension: requests per page' })),
  },
  { additionalProperties: false },
)
export type Open311RequestsQuery = Type.Static<typeof Open311RequestsQuery>

const FormText = (description: string, maxLength = 200) => Type.Optional(Type.String({ maxLength, description }))

/**
 * The form fields of POST requests. Fields the specification defines for personal data are
 * accepted and discarded; `media_url` is never fetched nor stored.
 */
export const Open311NewRequest = Type.Object(
  {
    api_key: Type.String({ maxLength: 200, description: 'The key issued to the client' }),
    jurisdiction_id: Type.Optional(JurisdictionId),
    service_code: Type.String({ maxLength: 40, examples: ['lighting'] }),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90, description: 'WGS84; required with long', examples: [55.7936] })),
    long: Type.Optional(Type.Number({ minimum: -180, maximum: 180, description: 'WGS84; required with lat', examples: [13.1095] })),
    address_string: FormText('Not geocoded: a request needs lat and long', 1000),
    address_id: FormText('Not geocoded: a request needs lat and long'),
    email: FormText('Accepted and discarded'),
    device_id: FormText('Accepted and discarded'),
    account_id: FormText('Accepted and discarded'),
    first_name: FormText('Accepted and discarded'),
    last_name: FormText('Accepted and discarded'),
    phone: FormText('Accepted and discarded'),
    description: FormText(`Becomes the comment, shown once approved; at most ${MAX_COMMENT_LENGTH} characters`, 4000),
    media_url: FormText('Never fetched nor stored', 2000),
  },
  {
    additionalProperties: false,
    patternProperties: {
      // One value, or several when the field is repeated: a string or a list of strings.
      '^attribute\\[[^\\]]{1,40}\\](\\[\\])?$': Type.Unsafe<string | string[]>({
        type: ['string', 'array'],
        maxLength: 100,
        items: { type: 'string', maxLength: 100 },
        maxItems: 10,
        description: 'attribute[code]=value; a multivaluelist repeats attribute[code][]=value',
      }),
    },
    examples: [
      {
        api_key: 'trygg_…',
        service_code: 'lighting',
        lat: 55.7936,
        long: 13.1095,
        'attribute[severity]': '4',
        'attribute[times_of_day][]': ['evening', 'night'],
        'attribute[day_type]': 'weekend',
        description: 'Lampan vid gångtunneln är trasig',
      },
    ],
  },
)
export type Open311NewRequest = Type.Static<typeof Open311NewRequest>
