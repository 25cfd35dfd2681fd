/**
 * The shortest password an account may choose, in Unicode code points after NFC. NIST SP 800-63B
 * rev. 4 asks for 15 when the password is the only factor, as it is here. Shared so the screens'
 * rule text and the back end's check (electron/core/auth/password-policy) cannot disagree.
 */
export const PASSWORD_MIN_CODE_POINTS = 15;
