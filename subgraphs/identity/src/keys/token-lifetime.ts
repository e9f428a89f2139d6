/** Bearer tokens live an hour: short enough that a stolen one soon expires, long enough for a session of forms. */
export const TOKEN_LIFETIME_SECONDS = 60 * 60;
