import type { Confidence, Severity } from '../../core/finding.js';
import { insideBase64Blob } from './base64-blob.js';
import { END, START, UUID, assigned } from './patterns.js';
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

/** The shape of a provider's key, where it is one an identifier also has. */
export type KeyShape = 'uuid' | 'hex';

/**
 * The name a value is assigned to ends in an identifier word (`HEROKU_APP_ID`, `HEROKU_TEST_RUN_ID`,
 * `SCW_DEFAULT_PROJECT_ID`, `herokuDynoId`, `app_uuid`): the provider's name with an id is that account's,
 * app's or run's identifier, written as a UUID like the legacy key is, and no credential.
 *
 * A key's own identifier (`…_ACCESS_KEY_ID`, `apiKeyId`, `TOKEN_ID`) is public too (AWS, Backblaze, Apple), but
 * some clients name the key itself so (IBM's `ibm_api_key_id`): under such a name the value must also have an
 * identifier's shape (a UUID, hex or decimal digits, upper-case letters and digits), and not the shape the
 * provider documents for its key (`keyShape`: a UUID under `HEROKU_API_KEY_ID` is Heroku's key format).
 */
export function namedAsIdentifier(m: MatchContext, keyShape?: KeyShape): boolean {
  const at = m.line.indexOf(m.secret, m.before.length);
  if (at < 0) return false;
  const name = /[\w.-]+$/.exec(m.line.slice(0, at).replace(/[\s"'`:=>,]+$/, ''))?.[0] ?? '';
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_.-]+/);
  if (!ID_WORDS.has(words[words.length - 1] ?? '')) return false;
  if (!CREDENTIAL_WORD.test(words[words.length - 2] ?? '')) return true;
  const shape = identifierShape(m.secret);
  return shape !== undefined && shape !== keyShape;
}

const ID_WORDS = new Set(['id', 'uuid', 'guid']);
const CREDENTIAL_WORD = /(?:key|token|pat|secret|password|passwd|pwd|credentials?)$/;

/** The identifier shape a value has, if any (decimal digits count as hex). */
function identifierShape(value: string): KeyShape | 'upper' | undefined {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return 'uuid';
  if (/^(?:[0-9a-f]+|[0-9A-F]+)$/.test(value)) return 'hex';
  return /^[0-9A-Z]+$/.test(value) ? 'upper' : undefined;
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
    const keyShape = value === UUID ? 'uuid' : /^\[a-f0-9\]\{\d+\}$/.test(value) ? 'hex' : undefined;
    return secretRule({
      id,
      title,
      provider,
      pattern: assigned(words, value),
      severity: opts?.severity ?? 'high',
      confidence: 'medium',
      minEntropy: opts?.minEntropy ?? 3,
      check: (m) => (namedAsIdentifier(m, keyShape) ? false : (opts?.check?.(m) ?? {})),
      examples: {
        // The last: the key's own shape under a key's id name (`TWILIO_AUTH_TOKEN_ID`) is the key.
        bad: [`${name.toUpperCase()}=${bad}`, `"${name}": "${bad}"`, `${name.toUpperCase()}_ID=${bad}`],
        good: [
          `${name.toUpperCase()}=\${${name.toUpperCase()}}`,
          `${opts?.goodName ?? 'build_id'}: ${bad}`,
          `${name.toUpperCase()}_PROJECT_ID=${bad}`,
        ],
      },
    });
  });
}
