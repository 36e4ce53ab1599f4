import Type from 'typebox'

/** An Open311 writer's key as listed: the key itself is shown only once, when created. */
export const ApiKeyInfo = Type.Object(
  {
    id: Type.Integer({ examples: [3] }),
    name: Type.String({ examples: ['Fixa min gata'] }),
    municipality: Type.Union([Type.String(), Type.Null()], { description: 'Slug; null means every municipality of the deployment', examples: ['kavlinge'] }),
    prefix: Type.String({ description: "The key's first characters", examples: ['trygg_Ab3x'] }),
    createdAt: Type.String({ format: 'date-time' }),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    useCount: Type.Integer({ minimum: 0, examples: [128] }),
  },
)
export type ApiKeyInfo = Type.Static<typeof ApiKeyInfo>

export const ApiKeyCreated = Type.Object(
  {
    key: Type.String({ description: 'The key; shown only now, only its hash is stored', examples: ['trygg_Ab3xQ9…'] }),
    apiKey: ApiKeyInfo,
  },
)
export type ApiKeyCreated = Type.Static<typeof ApiKeyCreated>
