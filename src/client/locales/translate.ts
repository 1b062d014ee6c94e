/**
 * How pure code that builds words for a screen, a print or an export asks for a text: a key and its
 * values, answered in the reader's language (vue-i18n's `t` on the tablet, bound to a key prefix or not).
 */
export type Translate = (key: string, params?: Record<string, string | number>) => string
