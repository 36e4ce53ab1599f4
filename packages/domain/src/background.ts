import Type from 'typebox'

/** The same answers as AGE_BANDS and GENDERS in background-answers.ts. */
export const AgeBandSchema = Type.Union([Type.Literal('under_18'), Type.Literal('18_29'), Type.Literal('30_44'), Type.Literal('45_64'), Type.Literal('65_plus')])
export const GenderSchema = Type.Union([Type.Literal('woman'), Type.Literal('man'), Type.Literal('other')])

/** Whether the municipality asks the optional background questions, and the answers offered. */
export const BackgroundQuestions = Type.Object(
  {
    enabled: Type.Boolean(),
    ageBands: Type.Array(AgeBandSchema),
    genders: Type.Array(GenderSchema),
  },
  { $id: 'BackgroundQuestions', examples: [{ enabled: true, ageBands: ['under_18', '18_29', '30_44', '45_64', '65_plus'], genders: ['woman', 'man', 'other'] }] },
)
export type BackgroundQuestions = Type.Static<typeof BackgroundQuestions>

/** A resident's answers; each is optional, but one must be given. */
export const BackgroundAnswers = Type.Object(
  {
    ageBand: Type.Optional(AgeBandSchema),
    gender: Type.Optional(GenderSchema),
  },
  { additionalProperties: false, minProperties: 1, $id: 'BackgroundAnswers' },
)
export type BackgroundAnswers = Type.Static<typeof BackgroundAnswers>

const StatGroup = Type.Object({
  group: Type.String({ examples: ['18_29', 'woman'] }),
  pins: Type.Integer(),
  meanSeverity: Type.Number(),
  categories: Type.Array(Type.Object({ category: Type.String(), pins: Type.Integer() }), {
    description: 'Categories with at least minGroupSize pins in the group; smaller ones are left out',
  }),
})

export const BackgroundStatistics = Type.Object(
  {
    by: Type.Union([Type.Literal('ageBand'), Type.Literal('gender')]),
    minGroupSize: Type.Integer({ examples: [5] }),
    groups: Type.Array(StatGroup, { description: 'Groups with at least minGroupSize answers; smaller ones are left out' }),
  },
  { $id: 'BackgroundStatistics' },
)
export type BackgroundStatistics = Type.Static<typeof BackgroundStatistics>
