const NULL_RE = /^(?:~|null|Null|NULL)?$/;
const BOOL_RE = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT_RE = /^[-+]?[0-9]{1,20}$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]{1,50}|[0-9]{1,50}(?:\.[0-9]{0,50})?)(?:[eE][-+]?[0-9]{1,5})?$/;

/** First characters of every plain scalar that is not a string: null, booleans, numbers. */
const TYPED_START = /^[~nNtTfF0-9+\-.]/;

/** Core-schema typing of a plain scalar (both tree builders read plain scalars the same way). */
export function plainValue(s: string): string | number | boolean | null {
  // Most plain scalars are words: one test instead of five.
  if (s !== '' && !TYPED_START.test(s)) return s;
  if (NULL_RE.test(s)) return null;
  if (BOOL_RE.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_RE.test(s) || FLOAT_RE.test(s)) return Number(s);
  if (/^0x[0-9a-fA-F]{1,16}$/.test(s)) return Number.parseInt(s.slice(2), 16);
  if (/^0o[0-7]{1,22}$/.test(s)) return Number.parseInt(s.slice(2), 8);
  return s;
}
