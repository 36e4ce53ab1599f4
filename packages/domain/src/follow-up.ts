import Type from 'typebox'
import { ActionStatus, CampaignResult } from './actions.ts'

export const YearlyIndicator = Type.Object({
  year: Type.Integer(),
  feelSafeShare: Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()], { description: 'Per cent of residents who feel safe (police survey)' }),
  reportedCrimes: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
})
export type YearlyIndicator = Type.Static<typeof YearlyIndicator>

export const YearlyIndicatorChange = Type.Object(
  {
    feelSafeShare: Type.Union([Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.01 }), Type.Null()]),
    reportedCrimes: Type.Union([Type.Integer({ minimum: 0, maximum: 10_000_000 }), Type.Null()]),
    note: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false, $id: 'YearlyIndicatorChange' },
)
export type YearlyIndicatorChange = Type.Static<typeof YearlyIndicatorChange>

export const FollowUpQuery = Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2200 }) }, { additionalProperties: false })

export const FollowUpCampaign = Type.Object({
  ...CampaignResult.properties,
  previousCategories: Type.Union([Type.Record(Type.String(), Type.Integer()), Type.Null()], { description: 'Pins per category of the previous campaign' }),
})
export type FollowUpCampaign = Type.Static<typeof FollowUpCampaign>

/** The yearly follow-up for the council: what residents marked, what was done, the indicators. */
export const FollowUpReport = Type.Object(
  {
    year: Type.Integer(),
    municipality: Type.String(),
    campaigns: Type.Array(FollowUpCampaign, { description: 'Campaigns that started in the year, each with the previous one of its kind' }),
    categories: Type.Array(Type.Object({ key: Type.String(), labelSv: Type.String(), labelEn: Type.String() })),
    actionPlan: Type.Object({
      byFocusArea: Type.Array(
        Type.Object({ key: Type.String(), labelSv: Type.String(), labelEn: Type.String(), counts: Type.Record(Type.String(), Type.Integer()) }),
        { description: 'Items per status in each focus area (all items of the plan)' },
      ),
      doneInYear: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), focusArea: Type.String(), completedAt: Type.String({ format: 'date-time' }), pinCount: Type.Integer() })),
      overdue: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), dueOn: Type.String({ format: 'date' }), status: ActionStatus })),
    }),
    indicators: Type.Array(YearlyIndicator, { description: 'The year and the four before it, oldest first; missing years are left out' }),
  },
  { $id: 'FollowUpReport' },
)
export type FollowUpReport = Type.Static<typeof FollowUpReport>
