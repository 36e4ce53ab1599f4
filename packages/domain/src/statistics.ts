import Type from 'typebox'
import { PublicCampaign } from './config.ts'
import { YearlyIndicator } from './follow-up.ts'

const Counts = Type.Record(Type.String(), Type.Integer(), { description: 'Pins per category key' })

export const StatisticsQuery = Type.Object(
  { campaign: Type.Optional(Type.Integer({ minimum: 1, description: 'Campaign id; default the campaign that started last' })) },
  { additionalProperties: false },
)

export const Statistics = Type.Object(
  {
    campaign: Type.Union([PublicCampaign, Type.Null()]),
    categories: Type.Array(Type.Object({ key: Type.String(), labelSv: Type.String(), labelEn: Type.String(), group: Type.String() })),
    byCategory: Counts,
    timeOfDay: Type.Record(
      Type.String(),
      Type.Object({ morning: Type.Integer(), day: Type.Integer(), evening: Type.Integer(), night: Type.Integer() }),
      { description: 'Per category: pins marked with each time of day (a pin may name several)' },
    ),
    weeks: Type.Array(Type.Object({ week: Type.String({ format: 'date', description: 'Monday of the week, local time' }), count: Type.Integer() }), {
      description: 'Pins of the campaign per week',
    }),
    years: Type.Array(Type.Object({ year: Type.Integer(), byCategory: Counts }), { description: 'All published pins per local year and category, oldest first' }),
    indicators: Type.Array(YearlyIndicator, { description: 'Every year with indicators, oldest first' }),
  },
  { $id: 'Statistics' },
)
export type Statistics = Type.Static<typeof Statistics>
