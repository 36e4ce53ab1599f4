import Type from 'typebox'

/**
 * Body fields of every resident write: the solved proof-of-work and a honeypot that people
 * never see and so leave empty.
 */
export const AntibotFields = {
  altcha: Type.Optional(
    Type.String({ maxLength: 4000, description: 'Solved ALTCHA challenge from GET /api/challenge (base64 JSON); required unless anti-bot is off' }),
  ),
  website: Type.Optional(Type.String({ maxLength: 500, description: 'Honeypot: hidden from people, must be empty or absent' })),
}

const challengeFields = {
  algorithm: Type.String({ examples: ['SHA-256'] }),
  challenge: Type.String({ description: 'hex SHA-256 of salt + the secret number' }),
  maxnumber: Type.Integer({ description: 'the secret number is at most this' }),
  salt: Type.String(),
  signature: Type.String({ description: 'HMAC of the challenge by the server' }),
}

/** An ALTCHA (v1) challenge for the client to solve. */
export const AltchaChallenge = Type.Object(challengeFields)
export type AltchaChallenge = Type.Static<typeof AltchaChallenge>

/** GET /api/challenge: a challenge, and whether writes need it at all. */
export const ChallengeResponse = Type.Object(
  { ...challengeFields, enabled: Type.Boolean({ description: 'false when the operator turned anti-bot off' }) },
  { $id: 'ChallengeResponse' },
)
export type ChallengeResponse = Type.Static<typeof ChallengeResponse>
