/**
 * A name already written in Latin letters (accents, spaces, hyphens, apostrophes and dots
 * allowed): its Latin-letter spelling is the same, so the officer need not type it twice.
 */
export const isLatinScript = (name: string): boolean => /^[\p{Script=Latin}\p{M}\s'’.-]+$/u.test(name.trim()) && /\p{L}/u.test(name);
