import { inTestAppLogin, recordAround } from '../../core/seeded-login.js';
import type { MatchContext } from './types.js';

// An e-mail address as a field's value (`email: 'user-1@acme.io'`): the record is a person's account.
const EMAIL_FIELD = /(?:^|[^\w.-])["']?e-?mail["']?\s{0,3}[:=]\s{0,3}["'`][^"'`\s@]+@[^"'`\s@]+["'`]/i;
const CONNECTION_KEY =
  /(?:^|[^\w.-])["']?(?:host|hostname|server|url|uri|port|database|db|dsn|endpoint|connection)["']?\s{0,3}[:=]/i;

/**
 * True when the object literal holding the match (the lines from the nearest `{` above to the nearest `}`
 * below, at most eight each way) has a person's e-mail address and no host, URL, port or database. A user
 * name alone (`"username": "root"`) is no person: a product's documented default login is one.
 */
export function sampleAccount(m: MatchContext): boolean {
  const block = blockOf(m).split('\n');
  return block.some((l) => EMAIL_FIELD.test(l)) && !block.some((l) => CONNECTION_KEY.test(l));
}

// The name of a form's confirmation field (`password_confirm`, `confirmPassword`, `repeat_password`).
const CONFIRM_KEY = /(?:confirm|repeat|retype|verify)\w{0,20}["']?\s{0,3}(?::|=>?)\s{0,3}["'`]?$/i;

/**
 * True when the same value is written a second time under a confirmation field's name near the match
 * (`password: 'x', password_confirm: 'x'`): a form's input, as a test of a sign-up or validation form types
 * it. Only in test code, where that form is the test's own.
 */
export function confirmedInForm(m: MatchContext): boolean {
  const quoted = [`'${m.secret}'`, `"${m.secret}"`, `\`${m.secret}\``];
  const uses = m
    .around()
    .split('\n')
    .flatMap((l) =>
      quoted
        .map((q) => l.indexOf(q))
        .filter((i) => i > 0)
        .map((i) => l.slice(Math.max(0, i - 40), i)),
    );
  return uses.length >= 2 && uses.some((head) => CONFIRM_KEY.test(head));
}

/**
 * True when test code's password is the login of the application under test: a form typed twice (see
 * `confirmedInForm`), or a record with a person's e-mail at a placeholder domain (core/seeded-login.ts).
 */
export function testsOwnLogin(m: MatchContext): boolean {
  if (confirmedInForm(m)) return true;
  const lines = m.around().split('\n');
  return inTestAppLogin(
    lines,
    lines.findIndex((l) => l.includes(m.line.trim())),
    m.path,
  );
}

/** The lines of the object literal around the match (core/seeded-login.ts's `recordAround`). */
function blockOf(m: MatchContext): string {
  const lines = m.around().split('\n');
  return recordAround(
    lines,
    lines.findIndex((l) => l.includes(m.line.trim())),
  ).join('\n');
}

// Ethereal's domain (nodemailer's fake SMTP service) as the block's host or its user's address.
const ETHEREAL = /(?:^|[\s'"`@./])ethereal\.email(?:$|[\s'"`:/,])/i;

/**
 * True when the object literal holding the match names Ethereal (`host: 'smtp.ethereal.email'`, or a user
 * `…@ethereal.email`): a throwaway test inbox that nodemailer's `createTestAccount()` makes without signing up,
 * which delivers no message to anyone and is deleted once unused. Its password opens only that test inbox.
 */
export function etherealTestAccount(m: MatchContext): boolean {
  return ETHEREAL.test(blockOf(m));
}
