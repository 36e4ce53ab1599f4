/** Longest comment a resident may write, characters. */
export const MAX_COMMENT_LENGTH = 2000
