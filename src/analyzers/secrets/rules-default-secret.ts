/**
 * Signing secrets shipped with a value everyone knows: a configuration file (YAML, JSON, INI, `.env`) that
 * sets a session, cookie or token signing secret to a tutorial's example (`keyboard cat`, express-session's
 * documentation), to the product's own name (`"session": { "secret": "calipso" }`), or to a word that only
 * names what it is (`cipherKey: sensitiveKey`). The generic rules read such values as placeholders or
 * words, but a program that loads the file signs with them: anyone forges its sessions and tokens.
 */
import { hasPlaceholderWord, isEnvReference, isTranslationFile } from './filters.js';
import type { MatchContext, SecretRule, Verdict } from './types.js';
import { secretRule } from './types.js';

// A name that says it holds a signing or encryption secret, as the whole key or its last part.
const KEY =
  '(?:^|[^A-Za-z0-9_])["\']?(?i:(?:session|cookie|jwt|token|signing|app)[_.-]?secret|secret[_.-]?key(?:[_.-]?base)?|cipher[_.-]?key|signing[_.-]?key|secret)["\']?[ \\t]{0,3}(?:=|:)[ \\t]{0,3}';
// Quoted (one plain value: no quote or comma inside, so not a stretch of a list), or bare up to the end of the line (YAML allows spaces: `secret: keyboard cat`).
const VALUE =
  '(?:"([^"\'\\r\\n,]{3,40})"|\'([^"\'\\r\\n,]{3,40})\'|([A-Za-z][A-Za-z0-9_.-]{2,39}(?: [A-Za-z][A-Za-z0-9_.-]{1,15}){0,3})[ \\t]*(?:#[^\\r\\n]*)?(?:\\r?\\n|$))';

/** Example secrets of widely copied documentation, normalised (lower case, letters and digits only). */
const TUTORIAL_SECRETS = new Set([
  'keyboardcat', // express-session, connect, passport examples
  'shhhhh',
  'shhhhhhared-secret'.replace(/[^a-z]/g, ''), // express-jwt, jsonwebtoken examples
  'mysecret',
  'supersecret',
  'secret',
  'secretkey',
  'mysecretkey',
  'thisisasecret',
  's3cr3t',
]);

const norm = (v: string): string => v.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Why `value` is a known value of a signing secret, or undefined. */
export function knownSecretReason(value: string, productNames: readonly string[]): string | undefined {
  const n = norm(value);
  if (n.length < 3) return undefined;
  if (TUTORIAL_SECRETS.has(n) || /^sh{3,}$/.test(n)) return 'a documentation example everyone has read';
  if (productNames.some((p) => norm(p) === n)) return "the product's own name";
  // One or two words, the last of them `secret` or `key` (`sensitiveKey`, `app_secret`, `jwtSecret`): a
  // value that only names what it stands for. Not a random identifier, a path or a reference (`${…}`).
  if (/^[A-Za-z]{2,16}(?:[_-]?[A-Za-z]{2,16})?$/.test(value) && /(?:secret|key)$/i.test(value)) {
    return 'a word naming what the value stands for';
  }
  return undefined;
}

function defaultSecretVerdict(m: MatchContext): Verdict {
  // Program source has its own rules (js-hardcoded-session-secret, js-signing-secret-default); READMEs
  // and other prose show examples.
  if (m.sourceCode || isTranslationFile(m.path)) return false;
  const value = m.secret.trim();
  // A label repeating its key (`"SecretKey": "Secret Key"` in a catalogue of interface strings): display text,
  // with a capital or a space; `secret: secret` is the tutorial's value.
  const at = m.line.indexOf(m.secret, m.before.length);
  const key = /([A-Za-z][\w.-]*)["']?[ \t]*[:=][ \t]*["']?$/.exec(m.line.slice(0, Math.max(at, 0)))?.[1];
  if (/[A-Z ]/.test(value) && key !== undefined && norm(key.slice(key.lastIndexOf('.') + 1)) === norm(value))
    return false;
  // A value that asks to be replaced is a placeholder, another class (`changeme`, `<your secret>`).
  if (hasPlaceholderWord(value)) return false;
  // A reference to a variable holds no value (`SECRET="$SECRET_KEY"` passes the operator's key on): its name,
  // stripped of the `$`, must not be read as the tutorial's `secretkey`.
  if (isEnvReference(value)) return false;
  const reason = knownSecretReason(value, m.productNames);
  return reason === undefined ? false : { note: `the value is ${reason}` };
}

export const DEFAULT_SECRET_RULES: readonly SecretRule[] = [
  secretRule({
    id: 'default-signing-secret',
    title: 'Well-known default signing secret in a configuration file',
    provider: 'the application that signs with it',
    prefilter: '(?i:secret|cipher[_.-]?key|signing[_.-]?key)["\']?[ \\t]{0,3}[:=]',
    pattern: `${KEY}${VALUE}`,
    severity: 'high',
    confidence: 'medium',
    cwe: [798, 1188],
    allowPlaceholderWords: true,
    check: defaultSecretVerdict,
    description:
      'A configuration file sets a session, cookie or token signing secret (or an encryption key) to a value anyone can guess: a documentation example, the product name, or a word naming what it stands for. Every installation that keeps the shipped file signs with it, so anyone can forge its sessions and tokens.',
    remediation:
      'Ship no default: read the secret from the environment or a secret manager and refuse to start without it, or generate a random one at install time; rotate the value in every deployment that kept it.',
    examples: {
      path: 'config/system.config.yml',
      bad: [
        'session:\n  secret: keyboard cat\n  resave: false',
        '    "session":{\n        "secret":"<<product>>"\n    },',
        'crypto:\n  cipherKey: sensitiveKey\n  algorithm: aes256',
        'SESSION_SECRET=keyboard cat',
        "jwt_secret: 'shhhhh'",
        "app:\n  cookie_secret: 'mysecret'",
      ],
      good: [
        'session:\n  secret: ${SESSION_SECRET}',
        'session:\n  secret: change-me-to-a-random-string',
        '"session": { "secret": "<your session secret>" }',
        'crypto:\n  cipherKey: q8Vn2LxR7tPz4Kw1',
        // Kubernetes: a reference to a Secret object, not a value.
        'valueFrom:\n  secretKeyRef:\n    name: app-secrets\n    key: session-key',
        'secret: true',
        'token_secret: /run/secrets/token',
        // A scanner's own rule text: a list of quoted words, not a value.
        "triggers: ['secret:', 'secret :', \"secret'\", 'secret\"']",
        // A form label repeating its key.
        '{ "SecretKey": "Secret Key", "secretKey": "SecretKey" }',
        // A variable's reference whose name reads as a tutorial's value once its `$` is dropped.
        'environment:\n  JWT_SECRET: "$SECRET_KEY"',
        'SECRET="$MY_SECRET" node sign-test-token.js',
      ],
    },
  }),
];
