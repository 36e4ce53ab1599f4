/** What became of the photo chosen with a pin: none chosen, uploaded (awaiting moderation), or refused. */
export type PhotoOutcome = { kind: 'none' } | { kind: 'uploaded' } | { kind: 'failed'; reason: string }
