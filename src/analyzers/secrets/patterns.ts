/** Building blocks for rule patterns (RE2 syntax). */

/** Ends a token: a character that cannot continue it, or the end of the input. */
export const END = '(?:[^A-Za-z0-9_-]|$)';
/** Ends a base64 token. */
export const END64 = '(?:[^A-Za-z0-9+/=_-]|$)';
/** Starts a token: the start of the input or a character that cannot be part of it. */
export const START = '(?:^|[^A-Za-z0-9_-])';

/**
 * A value assigned to a name containing one of `words` (`aws_secret = "…"`, `"dd_api_key": …`,
 * `export X=…`), with the value as the only capture group.
 */
export function assigned(words: string, value: string, end: string = END): string {
  return `(?i:${words})[\\w.-]{0,25}["']?\\s{0,3}(?::=|=>|=|:|,)\\s{0,3}["'\`]?(${value})${end}`;
}

/** A lower-case UUID. */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
