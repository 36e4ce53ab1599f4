/** Age bands of the optional background question. */
export const AGE_BANDS = ['under_18', '18_29', '30_44', '45_64', '65_plus'] as const
export type AgeBand = (typeof AGE_BANDS)[number]

/** Answers to the optional gender question; not answering is always possible. */
export const GENDERS = ['woman', 'man', 'other'] as const
export type Gender = (typeof GENDERS)[number]

/** Background statistics show a group only when it holds at least this many answers. */
export const MIN_BACKGROUND_GROUP = 5
