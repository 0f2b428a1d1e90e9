import type { Confidence, Severity } from '../../core/finding.js';
import { insideBase64Blob } from './base64-blob.js';
import { END, START, assigned } from './patterns.js';
import type { MatchContext, SecretRule, Verdict } from './types.js';
import { secretRule } from './types.js';

/** One row of a token table: id, title, token regex, bad sample, good look-alike, and options. */
export type TokenRow = [
  id: string,
  title: string,
  token: string,
  bad: string,
  good: string,
  opts?: {
    severity?: Severity;
    confidence?: Confidence;
    minEntropy?: number;
    end?: string;
    prefilter?: string;
    /** A precision check (a vendor's public client key in a link to its own endpoint). */
    check?: (m: MatchContext) => Verdict;
    /** More look-alikes that must stay quiet. */
    moreGood?: string[];
    /** More lines that must fire. */
    moreBad?: string[];
  },
];

/**
 * A token's shape is its evidence, and a long run of base64 data (an image or font in a sample export, a
 * `data:` URI, a certificate) holds every short shape by chance: a match that is only a slice of such a run,
 * glued to it by `+` or `/` (characters no prefixed token's alphabet has), is data. Then the row's own check.
 */
function tokenCheck(own: ((m: MatchContext) => Verdict) | undefined): (m: MatchContext) => Verdict {
  return (m) => (insideBase64Blob(m) ? false : (own?.(m) ?? {}));
}

/** Rules for tokens with a distinctive shape (a prefix, a fixed layout): the shape is the evidence. */
export function tokenRules(provider: string, rows: readonly TokenRow[]): SecretRule[] {
  return rows.map(([id, title, token, bad, good, opts]) =>
    secretRule({
      id,
      title,
      provider,
      pattern: `${START}(${token})${opts?.end ?? END}`,
      severity: opts?.severity ?? 'high',
      confidence: opts?.confidence ?? 'high',
      minEntropy: opts?.minEntropy ?? 3,
      ...(opts?.prefilter !== undefined ? { prefilter: opts.prefilter } : {}),
      check: tokenCheck(opts?.check),
      examples: {
        bad: [`${id.replace(/-/g, '_').toUpperCase()}="${bad}"`, `  token: ${bad}`, ...(opts?.moreBad ?? [])],
        good: [good, ...(opts?.moreGood ?? [])],
      },
    }),
  );
}

/**
 * The name a value is assigned to ends in an identifier word (`HEROKU_APP_ID`, `HEROKU_TEST_RUN_ID`,
 * `SCW_DEFAULT_PROJECT_ID`, `herokuDynoId`, `app_uuid`): the provider's name with an id is that account's,
 * app's or run's identifier, written as a UUID like the legacy key is, and no credential.
 */
export function namedAsIdentifier(m: MatchContext): boolean {
  const at = m.line.indexOf(m.secret, m.before.length);
  if (at < 0) return false;
  const name = /[\w.-]+$/.exec(m.line.slice(0, at).replace(/[\s"'`:=>,]+$/, ''))?.[0] ?? '';
  return /(?:^|[_.-])(?:id|uuid|guid)$/i.test(name) || /[a-z0-9](?:Id|Uuid|Guid|ID)$/.test(name);
}

/** One row of a keyword table: id, title, name words, value regex, bad value, and options. */
export type KeywordRow = [
  id: string,
  title: string,
  words: string,
  value: string,
  bad: string,
  opts?: {
    severity?: Severity;
    minEntropy?: number;
    goodName?: string;
    /** A precision check after the identifier test (a key recognised by its use). */
    check?: (m: MatchContext) => Verdict;
  },
];

/**
 * Rules for credentials without a distinctive shape: the value must be assigned to a name that says
 * what it is (`TWILIO_AUTH_TOKEN=…`), and must look random.
 */
export function keywordRules(provider: string, rows: readonly KeywordRow[]): SecretRule[] {
  return rows.map(([id, title, words, value, bad, opts]) => {
    const name = id.replace(/-/g, '_');
    return secretRule({
      id,
      title,
      provider,
      pattern: assigned(words, value),
      severity: opts?.severity ?? 'high',
      confidence: 'medium',
      minEntropy: opts?.minEntropy ?? 3,
      check: (m) => (namedAsIdentifier(m) ? false : (opts?.check?.(m) ?? {})),
      examples: {
        bad: [`${name.toUpperCase()}=${bad}`, `"${name}": "${bad}"`],
        good: [
          `${name.toUpperCase()}=\${${name.toUpperCase()}}`,
          `${opts?.goodName ?? 'build_id'}: ${bad}`,
          `${name.toUpperCase()}_PROJECT_ID=${bad}`,
        ],
      },
    });
  });
}
