import Type from 'typebox'
import { ApiKeyCreated, ApiKeyInfo } from '@trygg/domain'
import { staffErrors } from '../auth/auth.schema.ts'

const tags = ['administration']

export const listApiKeysSchema = {
  summary: "Open311 writers' API keys of the municipality",
  description: 'Newest first; never the keys themselves. Deployment-wide keys (made with `pnpm trygg create-api-key`) are not listed.',
  tags,
  response: { 200: Type.Object({ apiKeys: Type.Array(ApiKeyInfo) }), ...staffErrors },
}

export const createApiKeySchema = {
  summary: 'Create an API key for an Open311 writer',
  description: "The key writes to the admin's municipality only. It is answered once; only its SHA-256 is stored, so it cannot be shown again.",
  tags,
  body: Type.Object(
    { name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Who the key is for', examples: ['Fixa min gata'] }) },
    { additionalProperties: false },
  ),
  response: { 201: ApiKeyCreated, ...staffErrors },
}

export const revokeApiKeySchema = {
  summary: 'Revoke an API key',
  description: 'Later uses of the key are refused with 403. Revoking a revoked key changes nothing. Keys of other municipalities answer 404.',
  tags,
  params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647, examples: [3] }) }),
  body: Type.Object({}, { additionalProperties: false }),
  response: { 200: ApiKeyInfo, ...staffErrors },
}
