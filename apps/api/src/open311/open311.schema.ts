import Type from 'typebox'
import {
  Open311Discovery,
  Open311Errors,
  Open311FormatParam,
  Open311NewRequest,
  Open311ReadQuery,
  Open311RequestsCreated,
  Open311RequestsQuery,
  Open311ServiceDefinition,
  Open311ServiceRequests,
  Open311Services,
  Open311TokenResults,
} from '@trygg/domain'

/** A document in JSON and in XML (text/xml as the specification has it, or application/xml). */
const document = (schema: Type.TSchema, description: string) => ({
  description,
  content: {
    'application/json': { schema },
    'text/xml': { schema },
    'application/xml': { schema },
  },
})

const errors = {
  400: document(Open311Errors, 'A bad request: the error list says what is wrong'),
  404: document(Open311Errors, 'No such jurisdiction, service, request or token'),
}

const FormatOnly = Type.Object({ format: Open311FormatParam })

const tags = ['open311']

export const discoverySchema = {
  summary: 'Service discovery',
  description: 'Where the GeoReport v2 endpoint is and which formats it speaks. Endpoint-wide: no jurisdiction_id.',
  tags,
  params: FormatOnly,
  querystring: Open311ReadQuery,
  response: { 200: document(Open311Discovery, 'The discovery document'), ...errors },
}

export const servicesSchema = {
  summary: 'GET Service List',
  description: "One service per active category of the municipality; service_code is the category's key.",
  tags,
  params: FormatOnly,
  querystring: Open311ReadQuery,
  response: { 200: document(Open311Services, 'The services'), ...errors },
}

export const serviceDefinitionSchema = {
  summary: 'GET Service Definition',
  description: 'The attributes of a service: severity (required, 1–5), times_of_day (required, one or more) and day_type (optional).',
  tags,
  params: Type.Object({ service_code: Type.String({ maxLength: 40, examples: ['lighting'] }), format: Open311FormatParam }),
  querystring: Open311ReadQuery,
  response: { 200: document(Open311ServiceDefinition, 'The service definition'), ...errors },
}

export const createRequestSchema = {
  summary: 'POST Service Request',
  description:
    'Marks a place, form-encoded, with an api_key. lat and long are required (addresses are not geocoded). ' +
    'The description becomes the comment and is public only once a moderator approves it. ' +
    'Personal fields (email, names, phone, device_id, account_id) are accepted and discarded; media_url is never fetched.',
  tags,
  consumes: ['application/x-www-form-urlencoded'],
  params: FormatOnly,
  querystring: Type.Object({}, { additionalProperties: false }),
  body: Open311NewRequest,
  response: {
    200: document(Open311RequestsCreated, 'The new service_request_id'),
    ...errors,
    403: document(Open311Errors, 'api_key missing, unknown, revoked, or not valid for this jurisdiction'),
  },
}

export const requestsSchema = {
  summary: 'GET Service Requests',
  description:
    'Published pins, newest first. Without dates: the most recent 90 days; a range may span at most 90 days. ' +
    'service_request_id overrides every other filter. page and page_size (default and most 1000) page through the result; ' +
    'a Link header with rel="next" points at the next page. Requests of sensitive categories have no lat, long or description.',
  tags,
  params: FormatOnly,
  querystring: Open311RequestsQuery,
  response: { 200: document(Open311ServiceRequests, 'The service requests'), ...errors },
}

export const requestSchema = {
  summary: 'GET Service Request',
  tags,
  params: Type.Object({
    service_request_id: Type.String({ maxLength: 40, description: 'The pin id', examples: ['1234'] }),
    format: Open311FormatParam,
  }),
  querystring: Open311ReadQuery,
  response: { 200: document(Open311ServiceRequests, 'The service request, as a list of one'), ...errors },
}

export const tokenSchema = {
  summary: 'GET service_request_id from a token',
  description:
    'The token is the private follow token of a pin marked in the web app (the link /f/<token>). ' +
    'Services are realtime, so POST answers with a service_request_id and no token.',
  tags,
  params: Type.Object({ token: Type.String({ maxLength: 100, examples: ['q3Yb0c7xK1m9sP2aT5vWfQ'] }), format: Open311FormatParam }),
  querystring: Open311ReadQuery,
  response: { 200: document(Open311TokenResults, 'The service_request_id of the token'), ...errors },
}
