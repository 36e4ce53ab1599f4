import Type from 'typebox'

/** Every error the API answers with has this shape, whatever its status. */
export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer({ examples: [422] }),
    code: Type.String({ description: 'Stable machine-readable error code', examples: ['PIN_OUTSIDE_BOUNDARY'] }),
    error: Type.String({ examples: ['Unprocessable Entity'] }),
    message: Type.String({ description: 'English message', examples: ['The place is outside Kävlinge municipality.'] }),
    messageSv: Type.Optional(Type.String({ description: 'Swedish message', examples: ['Platsen ligger utanför Kävlinge kommun.'] })),
    fields: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String({ description: 'JSON pointer-like path of the offending field', examples: ['lat'] }),
          message: Type.String(),
        }),
      ),
    ),
  },
  { $id: 'ErrorBody' },
)
export type ErrorBody = Type.Static<typeof ErrorBody>
