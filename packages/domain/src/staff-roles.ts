/**
 * The staff roles. A staff account has exactly one and belongs to one municipality; partners
 * also belong to an organisation.
 */
export const STAFF_ROLES = ['admin', 'planner', 'moderator', 'police', 'partner'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** Shortest password an account may have; generated passwords are longer. */
export const MIN_PASSWORD_LENGTH = 12

/** Longest text a moderator may give as the reason for a decision, characters. */
export const MAX_REASON_LENGTH = 500

/** The kinds of items in the moderation queue: a pin's comment and a pin's photo. */
export const MODERATION_KINDS = ['comment', 'photo'] as const
export type ModerationKind = (typeof MODERATION_KINDS)[number]
