import { createHash } from 'node:crypto';
import type { MatchContext, SecretRule, Verdict } from './types.js';
import { secretRule } from './types.js';
import { roleFromPath } from '../../core/file-role.js';

// Key material: base64 lines, PEM headers (Proc-Type: 4,ENCRYPTED), and JSON-escaped newlines.
const BODY = '[A-Za-z0-9+/=\\s\\\\:,-]{64,}?';

function jwtHeaderHasAlg(token: string): boolean {
  const head = token.slice(0, token.indexOf('.'));
  const json = Buffer.from(head, 'base64url').toString('utf8');
  // The header is tiny; a plain check is enough and never throws.
  return /"alg"\s*:/.test(json.slice(0, 500));
}

/**
 * jwt.io's sample claims (`sub` 1234567890, `name` John Doe, `iat` 1516239022, `admin` in one variant), which
 * documentation and API descriptions copy as the example of a token: signed with jwt.io's published sample
 * key, naming no user of any deployment. Those claims and no others: a token made from the sample with
 * claims of its own (`role`, `exp`, a tenant) was minted for a deployment, maybe with its real key.
 */
function isJwtIoSample(token: string): boolean {
  const body = token.split('.')[1] ?? '';
  if (body.length > 400) return false;
  const json = Buffer.from(body, 'base64url').toString('utf8');
  let claims: unknown;
  try {
    claims = JSON.parse(json);
  } catch {
    // A body that is not JSON is no copy of the sample.
    return false;
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return false;
  const c = claims as Record<string, unknown>;
  return (
    Object.keys(c).every((k) => JWT_IO_CLAIMS.has(k)) &&
    c.sub === '1234567890' &&
    c.name === 'John Doe' &&
    c.iat === 1516239022 &&
    (c.admin === undefined || c.admin === true)
  );
}

const JWT_IO_CLAIMS = new Set(['sub', 'name', 'iat', 'admin']);

/** A token shaped as jwt.io's sample (its claims; the header and signature as given), for the rule's examples. */
const b64url = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwtLike = (claims: object): string =>
  `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}.${createHash('sha256').update('a sample signature').digest('base64url')}`;
const JWT_IO_CLAIMS_SAMPLE = { sub: '1234567890', name: 'John Doe', iat: 1516239022 };
const JWT_IO_LIKE = jwtLike(JWT_IO_CLAIMS_SAMPLE);
/** The sample's claims with a deployment's own (a role, an expiry): reported. */
const JWT_IO_EXTENDED = jwtLike({ ...JWT_IO_CLAIMS_SAMPLE, role: 'owner', exp: 1900000000 });

const inTests = (m: MatchContext): boolean => ['test', 'fixture'].includes(roleFromPath(m.path));

/**
 * A key file in an example program's folder (`example/privatekey.pem` beside the HTTPS demo that loads it) is
 * that demo's own key, as a test folder's is the tests': kept at medium before the role stage lowers it once.
 * A sample configuration outside such a folder (`config.sample.json`, `settings_dev.py`) is what users copy
 * into a deployment, and its key keeps the level every key has.
 */
const inExampleFolder = (m: MatchContext): boolean =>
  roleFromPath(m.path) === 'example' && /(?:^|\/)(?:examples?|samples?|demos?)\//i.test(m.path);

/**
 * A key in documentation (a page under `docs/`, a README, an `.md` or `.rst` file: a sample request body with an
 * https server's `"key": "-----BEGIN …"`) is a sample shown to every reader, as an example folder's key is its
 * demo's: kept at medium before the role stage lowers it once more (testKey). A key file outside the docs role
 * (`deploy/server.key`) keeps the level every key has.
 */
const inDocs = (m: MatchContext): boolean => roleFromPath(m.path) === 'docs';

/**
 * Key material that is a test's own beyond doubt, in a test or fixture folder: written into the code of a test
 * module (`KEY = """-----BEGIN …"""` in `tests/test_delivery.py`: nothing deployed reads a key out of a test's
 * source), or a key file the tests named as theirs (`testing/ssl_test_key.key`, `test-key.pem`, `testkey.pem`).
 * Kept, as every finding in a test is, at info with a note. A key file in a test folder under another name (`test/conf/server.key`) may be a deployment's
 * copied in: kept at medium, lowered once by the role stage (testKey).
 */
function testsOwnKey(m: MatchContext): boolean {
  if (!inTests(m)) return false;
  const base = m.path.slice(m.path.lastIndexOf('/') + 1);
  return m.sourceCode || /(?:^|[_.-])test(?:ing)?(?:[_.-]|key|cert)/i.test(base);
}

/**
 * Key material in a test or fixture folder (a TLS key for the tests' local server, a signing key a test
 * signs its sample messages with) is made for the tests far more often than copied from a deployment: kept,
 * since a real key committed there is as live as anywhere, but at medium before the role stage lowers it
 * once more, as test findings are, rather than the high a critical secret keeps there. A provider's token
 * (an AWS key in a test) is an account on a live service and is not lowered this way.
 */
function testKey(m: MatchContext): Verdict {
  // Each of these is the opt-in audit profile's (audit-shapes.ts: 0 true of 32 on the accuracy bench); a default
  // scan leaves it out, as it leaves out a test's made-up password. A provider's token in a test (another rule)
  // keeps being reported.
  if (testsOwnKey(m)) {
    return {
      auditOnly: true,
      severity: 'info',
      note: "The tests' own key by where it is written and its name; reported only so nothing deployed trusts it.",
    };
  }
  if (inTests(m)) {
    return {
      auditOnly: true,
      severity: 'medium',
      note: "In a test folder: most likely the tests' own key; check that nothing deployed trusts it.",
    };
  }
  if (inExampleFolder(m)) {
    return {
      auditOnly: true,
      severity: 'medium',
      note: "In an example program's folder: most likely the key its demo server loads; check that nothing deployed trusts it.",
    };
  }
  return inDocs(m)
    ? {
        auditOnly: true,
        severity: 'medium',
        note: 'In documentation: most likely a sample key the page shows its readers; check that nothing deployed trusts it.',
      }
    : {};
}

/** Private keys (PEM, OpenSSH, PuTTY, PGP) and signed tokens (JWT). */
export const KEY_RULES: SecretRule[] = [
  secretRule({
    id: 'private-key',
    title: 'Private key (PEM)',
    provider: 'every system that trusts the matching public key or certificate',
    pattern: `-----BEGIN (?:RSA |DSA |EC |ENCRYPTED |)PRIVATE KEY-----(${BODY})-----END (?:RSA |DSA |EC |ENCRYPTED |)PRIVATE KEY-----`,
    severity: 'critical',
    confidence: 'high',
    cwe: [321, 798],
    locateAtMatch: true,
    // An encrypted key in a test or fixture folder is the tests' own (a self-signed server key the HTTPS
    // tests load with the passphrase beside it): nothing deployed trusts it. A plain one there is kept but
    // lowered like the other keys (testKey); an encrypted one anywhere else is reported at medium.
    check: (m) =>
      /ENCRYPTED/.test(m.line)
        ? inTests(m)
          ? false
          : { severity: 'medium', note: 'The key is encrypted with a passphrase.' }
        : testKey(m),
    examples: {
      path: 'deploy/server.key',
      bad: [
        '-----BEGIN RSA PRIVATE KEY-----\n<<b64:64>>\n<<b64:64>>\n<<b64:40>>\n-----END RSA PRIVATE KEY-----',
        '{"private_key": "-----BEGIN PRIVATE KEY-----\\n<<b64:64>>\\n<<b64:64>>\\n-----END PRIVATE KEY-----\\n"}',
      ],
      good: [
        '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
        '-----BEGIN PUBLIC KEY-----\n<<b64:64>>\n<<b64:64>>\n-----END PUBLIC KEY-----',
      ],
    },
  }),
  secretRule({
    id: 'openssh-private-key',
    title: 'OpenSSH private key',
    provider: 'every host that accepts this SSH key',
    pattern: `-----BEGIN OPENSSH PRIVATE KEY-----(${BODY})-----END OPENSSH PRIVATE KEY-----`,
    severity: 'critical',
    confidence: 'high',
    cwe: [321, 798],
    locateAtMatch: true,
    check: testKey,
    examples: {
      path: 'home/.ssh/id_ed25519',
      bad: [
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA<<b64:46>>\n<<b64:70>>\n-----END OPENSSH PRIVATE KEY-----',
      ],
      good: ['-----BEGIN OPENSSH PRIVATE KEY-----\n<your key>\n-----END OPENSSH PRIVATE KEY-----'],
    },
  }),
  secretRule({
    id: 'putty-private-key',
    title: 'PuTTY private key',
    provider: 'every host that accepts this SSH key',
    pattern:
      'PuTTY-User-Key-File-[23]: [a-z0-9-]{3,40}\\r?\\nEncryption: none[\\s\\S]{0,}?Private-Lines: \\d{1,3}\\r?\\n([A-Za-z0-9+/=\\r\\n]{40,})',
    severity: 'critical',
    confidence: 'high',
    cwe: [321, 798],
    locateAtMatch: true,
    check: testKey,
    examples: {
      path: 'keys/deploy.ppk',
      bad: [
        'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n<<b64:64>>\n<<b64:12>>\nPrivate-Lines: 1\n<<b64:44>>\nPrivate-MAC: <<hex:64>>',
      ],
      good: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: aes256-cbc\nPrivate-Lines: 1\n<<b64:44>>'],
    },
  }),
  secretRule({
    id: 'pgp-private-key',
    title: 'PGP private key block',
    provider: 'everyone who trusts this PGP identity',
    pattern: `-----BEGIN PGP PRIVATE KEY BLOCK-----(${BODY})-----END PGP PRIVATE KEY BLOCK-----`,
    severity: 'critical',
    confidence: 'high',
    cwe: [321, 798],
    locateAtMatch: true,
    check: testKey,
    examples: {
      path: 'keys/signing.asc',
      bad: [
        '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQVYBG<<b64:58>>\n<<b64:64>>\n=<<b64:4>>\n-----END PGP PRIVATE KEY BLOCK-----',
      ],
      good: [
        '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n<<b64:64>>\n<<b64:64>>\n-----END PGP PUBLIC KEY BLOCK-----',
      ],
    },
  }),
  secretRule({
    id: 'jwt',
    title: 'JSON Web Token',
    provider: 'the service that accepts this token',
    pattern: '\\b(eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{20,})(?:[^A-Za-z0-9_.-]|$)',
    severity: 'medium',
    confidence: 'medium',
    check: (m) => (jwtHeaderHasAlg(m.secret) && !isJwtIoSample(m.secret) ? {} : false),
    examples: {
      bad: ['Authorization: Bearer <<jwt>>', `          example: '${JWT_IO_EXTENDED}'`],
      good: [
        'token = "eyJhbGciOiJub25lIn0<<cut>>.eyJzdWIiOiIxIn0."',
        'eyJ<<url:20>>.eyJ<<url:20>>',
        `          example: '${JWT_IO_LIKE}'`,
        // A token whose signed expiry passed long ago (spent-token.ts): no verifier accepts it.
        `Authorization: Bearer ${jwtLike({ iss: 'registry', access: [{ type: 'repository' }], exp: 1614000000 })}`,
      ],
    },
  }),
];
