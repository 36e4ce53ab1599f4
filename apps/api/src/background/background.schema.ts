import Type from 'typebox'
import { BackgroundAnswers, BackgroundQuestions, BackgroundStatistics, ErrorBody } from '@trygg/domain'
import { staffErrors } from '../auth/auth.schema.ts'

export const questionsSchema = {
  summary: 'The optional background questions',
  description: 'Whether the municipality asks residents for an age band and gender with a pin, and the answers offered.',
  tags: ['public'],
  response: { 200: BackgroundQuestions },
}

export const answerSchema = {
  summary: "Answer the background questions for one's pin",
  description:
    "Optional answers (age band, gender) stored with the pin, given with the pin's follow token in X-Follow-Token. " +
    'Only when the municipality asks the questions (403 otherwise); once per pin (409). Shown only in statistics of groups of 5 or more.',
  tags: ['pins'],
  params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }),
  headers: Type.Object({ 'x-follow-token': Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) }),
  body: BackgroundAnswers,
  response: { 204: Type.Null(), 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 503: ErrorBody },
}

export const settingSchema = {
  summary: 'Turn the background questions on or off',
  tags: ['administration'],
  body: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }),
  response: { 200: BackgroundQuestions, ...staffErrors },
}

export const statisticsSchema = {
  summary: 'Pins by background group',
  description: 'Pins with background answers by age band or gender: pins, mean severity and categories per group. Groups and categories with fewer than 5 pins are left out.',
  tags: ['administration'],
  querystring: Type.Object({ by: Type.Union([Type.Literal('ageBand'), Type.Literal('gender')]) }),
  response: { 200: BackgroundStatistics, ...staffErrors },
}
