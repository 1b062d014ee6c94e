/** Set in sessionStorage after a revoked tablet wiped itself, so the fresh app can say why it starts over. */
export const REVOKED_FLAG = 'deskbook.revoked'
