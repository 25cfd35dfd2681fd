/**
 * The i18n keys used by the auth back end (password policy, sign-in results) with their English
 * and French texts. The UI merges these into its translation files; the back end only ever
 * returns the keys and their params. Interpolation uses i18next's `{{name}}` syntax.
 */
export const authMessages = {
  en: {
    'password.too_short': 'Use at least {{min}} characters (this one has {{length}}). A passphrase of several words is easiest to remember.',
    'password.too_long': 'Use at most {{max}} characters.',
    'password.control_characters': 'The password contains characters that cannot be typed (such as a tab or a line break).',
    'password.common': 'This password is on the list of the most common passwords. Choose another one.',
    'password.contains_username': 'The password must not contain your user name.',
    'password.contains_name': 'The password must not contain your name.',
    'password.repetitive': 'The password is a repetition (such as "aaaa…" or "abcabc…"). Choose something less predictable.',
    'password.sequence': 'The password is a simple sequence (such as "1234…" or "abcd…"). Choose something less predictable.',
    'auth.invalid_credentials': 'The user name or the password is incorrect.',
    'auth.locked': 'Too many failed attempts. Sign-in for this account is blocked until {{until}}.',
  },
  fr: {
    'password.too_short': 'Utilisez au moins {{min}} caractères (celui-ci en a {{length}}). Une phrase de passe de plusieurs mots est plus facile à retenir.',
    'password.too_long': 'Utilisez au plus {{max}} caractères.',
    'password.control_characters': 'Le mot de passe contient des caractères qui ne peuvent pas être tapés (comme une tabulation ou un saut de ligne).',
    'password.common': 'Ce mot de passe figure sur la liste des mots de passe les plus courants. Choisissez-en un autre.',
    'password.contains_username': 'Le mot de passe ne doit pas contenir votre nom d’utilisateur.',
    'password.contains_name': 'Le mot de passe ne doit pas contenir votre nom.',
    'password.repetitive': 'Le mot de passe est une répétition (comme « aaaa… » ou « abcabc… »). Choisissez quelque chose de moins prévisible.',
    'password.sequence': 'Le mot de passe est une suite simple (comme « 1234… » ou « abcd… »). Choisissez quelque chose de moins prévisible.',
    'auth.invalid_credentials': 'Le nom d’utilisateur ou le mot de passe est incorrect.',
    'auth.locked': 'Trop de tentatives échouées. La connexion à ce compte est bloquée jusqu’à {{until}}.',
  },
} as const satisfies Record<'en' | 'fr', Record<string, string>>;

export type AuthMessageKey = keyof (typeof authMessages)['en'];
