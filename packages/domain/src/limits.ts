/** Longest comment a resident may write, characters. */
export const MAX_COMMENT_LENGTH = 2000

/** Longest password input read at login, characters; longer inputs are refused unhashed. */
export const MAX_PASSWORD_INPUT = 256
