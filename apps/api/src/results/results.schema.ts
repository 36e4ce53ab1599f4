import Type from 'typebox'
import { ErrorBody, PublicResults } from '@trygg/domain'

export const resultsSchema = {
  summary: 'Public results of the action plan',
  description:
    'The public action items (planned, in progress and done) with their notes and areas, their counts per status, and ' +
    'the pins of each campaign compared with the previous campaign of the same kind.',
  tags: ['public'],
  response: { 200: PublicResults, 503: ErrorBody },
}

export const feedSchema = {
  summary: 'Atom feed of completed actions',
  description: 'An Atom 1.0 feed (RFC 4287) of the public action items that are done, newest first (at most 50).',
  tags: ['public'],
  produces: ['application/atom+xml'],
  response: { 200: Type.String({ description: 'application/atom+xml' }), 503: ErrorBody },
}
