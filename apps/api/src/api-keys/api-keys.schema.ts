import Type from 'typebox'
import { ApiKeyCreated, ApiKeyInfo, ErrorBody, NewApiKey } from '@trygg/domain'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const tags = ['admin']

export const listApiKeysSchema = {
  summary: "Open311 writers' API keys",
  description: 'Newest first; never the keys themselves. With municipality: the keys valid there (its own and deployment-wide ones).',
  tags,
  querystring: Type.Object(
    { municipality: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', examples: ['kavlinge'] })) },
    { additionalProperties: false },
  ),
  response: { 200: Type.Array(ApiKeyInfo), ...errors },
}

export const createApiKeySchema = {
  summary: 'Create an API key for an Open311 writer',
  description: 'Answers with the key once; only its SHA-256 is stored, so it cannot be shown again.',
  tags,
  body: NewApiKey,
  response: { 201: ApiKeyCreated, ...errors },
}

export const revokeApiKeySchema = {
  summary: 'Revoke an API key',
  description: 'Later uses of the key are refused with 403. Revoking a revoked key changes nothing.',
  tags,
  params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647, examples: [3] }) }),
  response: { 200: ApiKeyInfo, ...errors },
}
