import { COMMON_PASSWORDS } from './common-passwords.js';
import { isRepetitive, isSequential } from './filters.js';

const COMMON = new Set(COMMON_PASSWORDS);

// Rows, columns and the usual zig-zags of a QWERTY keyboard; any run of four or more keys along one
// of them (either direction) is a keyboard walk.
const WALKS = [
  '`1234567890-=',
  'qwertyuiop[]',
  "asdfghjkl;'",
  'zxcvbnm,./',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9/;p0',
  '1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6u7i8o9p0',
  'qazwsxedcrfvtgbyhnujmikolp',
  'qweasdzxc',
  'qwertzuiop',
  'azertyuiop',
];
const WALK_TEXT = WALKS.flatMap((w) => [w, [...w].reverse().join('')]);

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
  '!': 'i',
};

function isKeyboardWalk(v: string): boolean {
  if (v.length < 4) return false;
  // Up to two walk segments (qwerty123, asdf1234).
  for (let cut = 0; cut <= v.length; cut++) {
    const a = v.slice(0, cut);
    const b = v.slice(cut);
    const okA = a === '' || (a.length >= 3 && WALK_TEXT.some((w) => w.includes(a)));
    const okB = b === '' || (b.length >= 3 && WALK_TEXT.some((w) => w.includes(b)));
    if (okA && okB) return true;
  }
  return false;
}

/** Two runs of consecutive characters of three or more each, back to back (`1234abcd`, `abc123`, `321cba`). */
function isTwoRuns(v: string): boolean {
  for (let cut = 3; cut <= v.length - 3; cut++) {
    const a = v.slice(0, cut);
    const b = v.slice(cut);
    if (isRun(a) && isRun(b)) return true;
  }
  return false;
}

/** Three or more consecutive characters, up or down (`abc`, `1234`, `987`). */
function isRun(v: string): boolean {
  if (v.length < 3) return false;
  const d = v.charCodeAt(1) - v.charCodeAt(0);
  if (d !== 1 && d !== -1) return false;
  for (let i = 2; i < v.length; i++) if (v.charCodeAt(i) - v.charCodeAt(i - 1) !== d) return false;
  return true;
}

function deLeet(v: string): string {
  let out = '';
  for (const ch of v) out += LEET[ch] ?? ch;
  return out;
}

/** The word a password is built on once digits, years and punctuation around it are stripped. */
function stem(v: string): string {
  let s = v;
  let i = s.length;
  while (i > 0 && /[0-9!@#$%^&*.?_-]/.test(s[i - 1]!)) i--;
  s = s.slice(0, i);
  let j = 0;
  while (j < s.length && /[0-9!@#$%^&*.?_-]/.test(s[j]!)) j++;
  return s.slice(j);
}

/** True for a password on the breach lists as it is written (`admin`, `qwerty`, `123456`). */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}

/**
 * Why `password` is trivially guessable, or undefined when it is not: a common password, a keyboard
 * walk, a repeated or sequential run, or a dictionary/product word with digits or symbols around it.
 */
export function weakPasswordReason(
  password: string,
  productNames: readonly string[] = [],
): string | undefined {
  if (password.length > 64) return undefined;
  const v = password.toLowerCase();
  if (COMMON.has(v)) return 'it is one of the most common passwords';
  if (isRepetitive(v) || isSequential(v)) return 'it is a repeated or sequential run of characters';
  if (isKeyboardWalk(v)) return 'it is a keyboard walk';
  if (isTwoRuns(v)) return 'it is two sequential runs of characters';
  const plain = deLeet(v);
  if (COMMON.has(plain)) return 'it is a common password in leetspeak';
  for (const candidate of new Set([stem(v), stem(plain), plain.replace(/[^a-z]/g, '')])) {
    if (candidate.length < 2) continue;
    if (productNames.includes(candidate)) return 'it is the project or company name with digits or symbols';
    if (COMMON.has(candidate) && candidate !== v) return 'it is a common word with digits or symbols';
  }
  if (v.length < 8 && /^(?:[a-z]+|[0-9]+)$/.test(v)) return 'it is short and uses one kind of character';
  return undefined;
}

/** Lower-case alphanumeric forms of a project name and its parts ('acme-web' → acmeweb, acme). */
export function productNameVariants(name: string): string[] {
  const base = name.replace(/^@[^/]*\//, '').toLowerCase();
  const parts = base.split(/[^a-z0-9]+/).filter((p) => p.length >= 4);
  const joined = base.replace(/[^a-z0-9]/g, '');
  return [...new Set([joined, ...parts].filter((p) => p.length >= 3))];
}
