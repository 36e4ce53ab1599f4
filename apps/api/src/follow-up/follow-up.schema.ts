import Type from 'typebox'
import { FollowUpQuery, FollowUpReport, YearlyIndicator, YearlyIndicatorChange } from '@trygg/domain'
import { staffErrors } from '../auth/auth.schema.ts'

const tags = ['action plan']

export const reportSchema = {
  summary: 'The yearly follow-up report',
  description:
    'For the council: the campaigns that started in the year compared with the previous ones, the action plan per focus ' +
    'area and status, the items done in the year, overdue items, and the indicators of the year and the four before it.',
  tags,
  querystring: FollowUpQuery,
  response: { 200: FollowUpReport, ...staffErrors },
}

export const indicatorsSchema = {
  summary: "Set a year's indicators",
  description: 'The share of residents who feel safe (per cent, from the police survey) and the reported crimes; null when not known.',
  tags,
  params: Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2200 }) }),
  body: YearlyIndicatorChange,
  response: { 200: YearlyIndicator, ...staffErrors },
}
