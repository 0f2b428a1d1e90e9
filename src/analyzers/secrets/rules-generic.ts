import {
  entropy,
  hasPlaceholderWord,
  CONFIG_FILE,
  CONFIG_TEMPLATE,
  localConfigBlock,
  inTranslationTable,
  isConstantName,
  isDependencySpec,
  isEnvReference,
  isEnvVariableName,
  isHashValue,
  isDottedName,
  isIdentifierLookAlike,
  isNaturalWord,
  isPlaceholder,
  isStringBuilding,
  isTranslationFile,
  looksLikeCode,
} from './filters.js';
import { localSampleInDocs, lowerInDoctest } from './doc-samples.js';
import { inLinkCatalogue } from './link-catalogue.js';
import { DOC_HOST, ROLE_HOST, atRoleHost, fieldNamedHost } from './role-host.js';
import { secretRule, type MatchContext, type SecretRule, type Verdict } from './types.js';
import { isTestUserPassword, roleFromPath } from '../../core/file-role.js';
import { weakPasswordReason } from './weak-password.js';
import { anonymousLogin, sameAsBlockUserName, sameAsUserName } from './user-name.js';
import { LOCAL_HOST, hostIsThisMachine, keyIsUrlUser, optionalUserinfo } from './url-userinfo.js';
import { testsOwnLogin, sampleAccount, etherealTestAccount } from './sample-account.js';
import { commentedTemplateLine } from './template-comment.js';
import { inBlockComment, inCommentOrDocstring } from './string-statement.js';
import { madeUpInTest } from './made-up-key.js';
import { inCategoryTable } from './lookup-table.js';
import { notAPasswordByItsLine } from './password-line.js';
import { proseExample } from './prose-example.js';
import { namesPasswordComponent } from './component-name.js';
import { alteredSample } from './altered-sample.js';
import { androidDebugKeystore, deviceDefaultLogin } from './device-login.js';
import { DEVICE_LOGIN_NOTE } from '../../core/device-login.js';
import { isVendorClientKeyByName } from './vendor-client-keys.js';
import { valueIsItsKey } from './own-key.js';
import {
  FIELD_LABEL,
  NAMED_CREDENTIAL,
  NOT_A_PASSWORD,
  SELF_NAMED,
  SNAKE_CREDENTIAL,
  SNAKE_HOST,
} from './password-labels.js';

export const WEAK_PASSWORD_ID = 'secrets/weak-password';

/** Quoted (three quote styles) or bare value: each its own group, the engine takes the one that matched. */
function value(min: number, withBare = true): string {
  const bare = `[^\\s"'\`,;)}\\]<>=][^\\s"'\`,;)}\\]<>]{${min - 1},}`;
  const quoted = `"([^"\\r\\n]{${min},})"|'([^'\\r\\n]{${min},})'|\`([^\`\\r\\n]{${min},})\``;
  return withBare ? `(?:${quoted}|(${bare}))` : `(?:${quoted})`;
}

/** XML elements and SQL `IDENTIFIED BY '…'`. */
const PASSWORD_ELSEWHERE = `<(?i:password|passwd|pwd)>([^<\\s]{1,})</|(?i:identified by)\\s{1,3}'([^'\\r\\n]{1,})'`;
// Spaces, not line ends: an empty setting (`#es_pass:`) does not take the next line's text for its value
// (a YAML value written on the line below its key is given up).
const OP = `["']?[ \\t]{0,3}(?::=|=>|=|:)[ \\t]{0,3}`;
// The password word starts a name part: after a non-letter (db_password, "pass"), a lower-case letter in
// camelCase (dbPassword) or an upper-case one in SHOUTING (PGPASSWORD); not inside words (bypass, minipass).
const PASSWORD_NAME =
  '(?:(?:^|[^A-Za-z])(?i:passw(?:or)?d|passwort|passphrase|pwd|pass)|[a-z0-9](?:Passw(?:or)?d|Passphrase|Pwd|Pass)|[A-Z](?:PASSW(?:OR)?D|PASSPHRASE|PWD|PASS))';
const SECRET_NAME =
  '(?i:secret|token|api[_.-]?key|apikey|access[_.-]?key|auth[_.-]?key|private[_.-]?key|signing[_.-]?key|encryption[_.-]?key|credentials?)';

const PASSWORD_WORDS = /^(?:password|passwort|passwd|pwd|pass|passphrase)$/i;
const PLACEHOLDER_USERS = /^(?:user|username|usr|login|name|someone|me|foo|admin|root)$/i;

// A file path, or a link (`"pass": "http://compass-style.org/search/?q=…"` in a table of sites): not a secret.
const FILE_PATH = /^(?:\/|~\/|\.{1,2}\/|[A-Za-z]:\\|[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/)/;
const TEST_ACCOUNT = /(?:^|[^a-z])test[_-]?(?:user[_-]?|account[_-]?)?$/i;
const VERSION = /^[~^<>=v]{0,2}\d+(?:\.\d+)+/;
// Key-ish words with a counter are documentation examples, not passwords (password123 stays weak).
const EXAMPLE_KEY = /^(?:key|secret|token|apikey)[_-]?\d{0,6}$/i;
const TEST_OR_DOC_PATH =
  /(?:^|\/)(?:tests?|__tests__|spec|fixtures?|examples?|docs?|samples?)\/|\.(?:md|markdown|rst|adoc)$/i;
// A line of a configuration format's comment (CONFIG_FILE, filters.ts).
const CONFIG_COMMENT_LINE = /^\s*[#;]/;
// Host names under the domains reserved for documentation (RFC 2606) or an LDAP tree under them
// (`dc=example,dc=com`): a block that connects to one of them is an example to fill in, whatever file it is
// in. An e-mail address there (`admin@example.com`) is not: it names a placeholder login beside a password
// that may well be used as it stands (a seeded administrator, a compose file's default).
const EXAMPLE_NAMES = /(?:^|[^\w@.-])(?:[\w-]+\.)*example\.(?:com|org|net|edu)\b|\bdc=example\b/i;
const DOC_PATH = /(?:^|\/)docs?\/|\.(?:md|markdown|rst|adoc)$|(?:^|\/)readme(?:\.[a-z]{1,8})?$/i;

const I18N_KEY = /^[a-z][a-z0-9-]{1,30}:[a-z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*$/;
const TEST_ROLES = new Set(['test', 'fixture']);

/** False when a hard-coded-password match is prose or a status value rather than a credential. */
function passwordContextVerdict(m: MatchContext): Verdict {
  if (namesPasswordComponent(m.secret)) return false; // a widget map's `password: "PasswordWidget"`
  return notAPasswordByItsLine(m) ? false : passwordVerdict(m, false);
}

/** Shared checks of a hard-coded password: references, code, placeholders and labels are dropped; weak ones are redirected. */
export function passwordVerdict(m: MatchContext, inUrl: boolean): Verdict {
  const v = m.secret;
  if (v.length < 4 || /\s/.test(v)) return false;
  if (isEnvReference(v) || (!inUrl && isEnvVariableName(v))) return false;
  // Words shown to people, string building of queries, and stored hashes are not passwords.
  const words = isTranslationFile(m.path) || isNaturalWord(v) || inTranslationTable(m);
  if (!inUrl && (words || isStringBuilding(v) || isHashValue(v))) return false;
  if (!m.quoted && !inUrl && m.sourceCode) return false;
  if (looksLikeCode(v) && !inUrl) return false;
  if (!inUrl && inCategoryTable(m)) return false; // a group name in a key → group table (lookup-table.ts)
  // Template words only: '123456' and 'aaaa' are weak passwords, not placeholders.
  if (hasPlaceholderWord(v) || VERSION.test(v) || EXAMPLE_KEY.test(v) || FILE_PATH.test(v)) return false;
  if (inUrl && (DOC_HOST.test(m.line) || fieldNamedHost(m.line, v))) return false;
  if (inUrl && NAMED_CREDENTIAL.test(v)) return false;
  if (
    inUrl &&
    SNAKE_CREDENTIAL.test(v) &&
    SNAKE_HOST.test(m.line.slice(m.line.indexOf(`:${v}@`) + v.length + 2))
  )
    return false;
  // The user of a URL: between the last '//' and ':<password>@'.
  const at = inUrl ? m.line.indexOf(`:${v}@`) : -1;
  const head = at < 0 ? '' : m.line.slice(0, at);
  const user = at < 0 ? undefined : head.slice(head.lastIndexOf('//') + 2);
  if (inUrl && PASSWORD_WORDS.test(v) && PLACEHOLDER_USERS.test(user ?? '')) return false;
  if (!inUrl && PASSWORD_WORDS.test(v)) return false; // a label: "password": "Password"
  if (!inUrl && valueIsItsKey(m.line, v)) return false; // a field named: userPassword='userPassword'
  if (!inUrl && (NOT_A_PASSWORD.test(v) || SELF_NAMED.test(v) || FIELD_LABEL.test(v))) return false;
  if (!inUrl && isTestUserPassword(v, m.path)) return false;
  if (!inUrl && m.sourceCode && TEST_ROLES.has(roleFromPath(m.path)) && testsOwnLogin(m)) return false;
  // A translation key in a namespace (`placeholder: { password: 'apostrophe:enterPassword' }`).
  if (!inUrl && I18N_KEY.test(v)) return false;
  // `postgres://supysonic:supysonic@localhost/…`, `{'username': 'x', 'password': 'x'}`, or the user set a line
  // nearby in the same block (user-name.ts): guessed first.
  const reason =
    weakPasswordReason(v, m.productNames) ??
    (sameAsUserName(v, user, m.line) || (!inUrl && sameAsBlockUserName(v, m))
      ? 'it is the same as the user name'
      : undefined);
  // A guessable password of the anonymous login (`FTP_USER = "anonymous"` beside the word guest) is the public
  // login's conventional answer, no account's secret; a strong one there may be someone's and stays.
  if (reason !== undefined && anonymousLogin(user, m)) return false;
  // Android's debug keystore password beside the keystore's file or key alias: published, the same everywhere.
  if (reason !== undefined && !inUrl && androidDebugKeystore(m)) return false;
  // A weak password in a test's code is the test's own user's ('admin2', 'password123'); in a fixture's
  // configuration (a `.env` a deploy may copy) it is still reported, lowered.
  if (reason !== undefined && !inUrl && m.sourceCode && TEST_ROLES.has(roleFromPath(m.path))) return false;
  // So is a weak password in a URL to this machine in a test's code (`mysql://user:pass%word@localhost/db`
  // checking how a driver parses it): the test's own database or server, reached from nowhere else. A strong
  // one there, or one to another host, may be live and stays.
  if (
    reason !== undefined &&
    inUrl &&
    m.sourceCode &&
    TEST_ROLES.has(roleFromPath(m.path)) &&
    hostIsThisMachine(m)
  )
    return false;
  // A weak password on a comment line of program source, or in a Python docstring, shows a format or quotes an
  // example (`// { name: 'mk2', password: '123456' }`, `mailto://user:mypassword@…`): the program never reads
  // it, and a default the program does set is reported where the code sets it. So is a line inside a block
  // comment that opens a line (`/*` … `pass: "1234"` … `*/`). A strong one may be live.
  if (reason !== undefined && (inCommentOrDocstring(m) || inBlockComment(m))) return false;
  // Any password commented out with the block of an Ethereal test account (`/* host: 'smtp.ethereal.email', auth:
  // { user, pass } */` under "use this MTA instead of the real MX"): a disposable inbox that delivers nothing, and
  // the program never reads the comment. A commented-out credential for any other host may be live and stays.
  if ((inCommentOrDocstring(m) || inBlockComment(m)) && etherealTestAccount(m)) return false;
  // So is a commented-out line of a configuration file (`#password=root` under an export section of a
  // sample configuration, `#url: mysql://mailman:mmpass@localhost/…` beside the live `url:`): the
  // program reads only the lines that are not comments. So is one of a template that renders a configuration
  // file (`# DB_PASSWORD="…"` in an `env-stub.liquid`): the line is copied as the comment it is. A strong one
  // there may be live and stays.
  const configFile = CONFIG_FILE.test(m.path) || CONFIG_TEMPLATE.test(m.path);
  if (reason !== undefined && !m.sourceCode && configFile && CONFIG_COMMENT_LINE.test(m.line)) return false;
  // In documentation, a guessable password in a record that names a person (an e-mail address beside it,
  // no host or URL) is a sample account of the documented application: the shape of a user record in an
  // API's example request body, not the credential of a system the program logs in to; beside a host on the
  // reader's own machine, a sample connection to the reader's own service. The reader sets the real password.
  if (reason !== undefined && !inUrl && DOC_PATH.test(m.path) && sampleAccount(m)) return false;
  if (reason !== undefined && localSampleInDocs(m)) return false;
  const local = inUrl ? LOCAL_HOST.test(m.line) : localConfigBlock(m, true);
  // The default login of a device the program drives (device-login.ts): sent to the device, not accepted here.
  const device = reason !== undefined && !inUrl && deviceDefaultLogin(m);
  if (reason !== undefined) {
    // A block written around documentation's reserved names documents, like a documentation page (a
    // default configuration's LDAP section binding as `cn=…,dc=example,dc=com` with the password "1234").
    const doc = DOC_PATH.test(m.path) || (!inUrl && EXAMPLE_NAMES.test(m.around()));
    const lowConfidence = doc || TEST_OR_DOC_PATH.test(m.path) ? { confidence: 'low' as const } : {};
    // A weak password named for a test account (`CAS_TEST_PASSWORD = 'test'` beside `CAS_TEST_USER`): the
    // settings of a test backend, kept but low.
    const testAccount = !inUrl && TEST_ACCOUNT.test(m.before);
    // Lowered for what it reaches (a service on this machine, a device's factory login, a block written around
    // documentation's reserved names, a test backend's account), not for a documentation page: the opt-in audit
    // profile's (audit-shapes.ts: 0 true of 11 on the accuracy bench). A weak password in a documentation page is
    // most often the product's documented default login and stays.
    const reaches = local || device || testAccount || (doc && !DOC_PATH.test(m.path));
    // A weak password in documentation is an example to copy: worth a note, not a high finding.
    return {
      ruleId: WEAK_PASSWORD_ID,
      note: device ? `${reason}; ${DEVICE_LOGIN_NOTE}` : reason,
      ...lowConfidence,
      ...(local || doc || device || testAccount ? { severity: 'low' as const } : {}),
      ...(reaches ? { auditOnly: true } : {}),
    };
  }
  // A strong credential of a block for a service on this machine: the audit profile's too (0 true of 1).
  if (!inUrl && local) return { severity: 'medium', note: LOCAL_NOTE, auditOnly: true };
  return TEST_OR_DOC_PATH.test(m.path) ? { confidence: 'low' } : {};
}
const LOCAL_NOTE = 'The block connects to a service on this machine (its host is localhost).';

/**
 * A value in a configuration file's block that names localhost as its host (a sample configuration's
 * section for the user's own database or broker, `host=localhost` above `password=root`): the credential
 * reaches nothing from outside the machine. Weak ones are lowered as in a URL to localhost; others to medium.
 */
function genericVerdict(m: MatchContext): Verdict {
  const v = m.secret;
  if (inLinkCatalogue(m) || commentedTemplateLine(m) || isVendorClientKeyByName(m)) return false;
  if (/\s/.test(v) || isEnvReference(v) || looksLikeCode(v) || isPlaceholder(v) || isDottedName(v))
    return false;
  if (isConstantName(v) || keyIsUrlUser(m) || isDependencySpec(m)) return false;
  if (!m.quoted && m.sourceCode) return false;
  if (isIdentifierLookAlike(v, m.line)) return false;
  if (v.includes('://') || v.startsWith('/') || v.startsWith('.')) return false;
  if (!/[0-9]/.test(v) || !/[A-Za-z]/.test(v)) return false;
  if (entropy(v) < 3.5 || madeUpInTest(m)) return false;
  // The opt-in audit profile's, as a password there (audit-shapes.ts).
  return localConfigBlock(m) ? { severity: 'medium', note: LOCAL_NOTE, auditOnly: true } : alteredSample(m);
}

const DB_SCHEMES =
  'postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse|neo4j(?:\\+s)?|couchdb|cassandra|oracle|db2|snowflake|jdbc:[a-z0-9]{2,20}';
const DB_SCHEME = new RegExp(`(?:^|[^A-Za-z0-9+.:-])(?:${DB_SCHEMES})$`, 'i');
const SCHEME = /[A-Za-z][A-Za-z0-9+.:-]{0,30}$/;

/** Credentials in a URL: database schemes become database-url findings, weak passwords weak-password ones. */
function urlVerdict(m: MatchContext): Verdict {
  if (!SCHEME.test(m.before)) return false;
  if (optionalUserinfo(m) || proseExample(m)) return false;
  // A host named for its role (`@dbhost`): an example's with a password that names itself (`bbpasswd`).
  const role = ROLE_HOST.test(m.line);
  if (role && (SELF_NAMED.test(m.secret) || PASSWORD_WORDS.test(m.secret))) return false;
  const found = passwordVerdict(m, true);
  if (found === false) return false;
  const v = role ? atRoleHost(found) : lowerInDoctest(m, found);
  if (v.ruleId !== undefined) return v;
  return DB_SCHEME.test(m.before) ? { ...v, ruleId: 'secrets/database-url' } : v;
}

const URL_TAIL = `:([^\\s@/'"\`<>]{1,})@[A-Za-z0-9.\\[\\]_-]{1,}`;

/** Values in URLs and assignments: database URLs, basic-auth URLs, passwords, and generic secrets. */
export const GENERIC_RULES: SecretRule[] = [
  secretRule({
    id: 'basic-auth-url',
    title: 'URL with embedded credentials',
    provider: 'the service at that URL',
    // Anchored on the literal '://' so RE2 can skip ahead; the scheme is read from the text before it.
    pattern: `://[^\\s:@/'"\`<>]{0,100}${URL_TAIL}`,
    // The shape of user:password@ after the scheme, so that the many URLs without credentials cost nothing.
    prefilter: `://[^\\s:@/'"\`<>]*:[^\\s@/'"\`<>]+@`,
    allowPlaceholderWords: true,
    check: urlVerdict,
    examples: {
      bad: [
        'mirror: ftp://deploy:<<a62:18>>@files.acme.io/pub',
        'git clone https://ci:<<a62:24>>@git.acme.io/app.git',
        // A credential's name with a real value glued to it is a value.
        'webhook: https://bot:AuthToken<<a62:16>>@hooks.acme.io/notify',
        // Prose naming a URL that is not an example of what to write.
        '<p>The mirror is https://deploy:<<a62:12>>@files.acme.io/pub</p>',
      ],
      good: [
        'url: https://user:password@example.com/',
        'https://deploy:$FTP_PASS@files.acme.io',
        'see http://example.com:8080/x@y',
        // A form's example URL: the user and password are the names of the fields to fill in.
        '<p>{{ $t("Example:", ["twilio://AccountSid:AuthToken@FromPhoneNo"]) }}</p>',
        'webhook: https://bot:YourApiKey@hooks.acme.io/notify',
        '# To stop it, load http://shutdown:[shutdown_pass]@127.0.0.1/[shutdown_pass]/shutdown',
        // Prose that gives the URL as an example of what to write.
        '<p i18n>You can also include a user:pass if needed e.g. https://ceph:<<a62:9>>@10.0.0.1:8080</p>',
        'Set the proxy, for example: http://proxy:<<a62:12>>@10.0.0.1:3128',
      ],
    },
  }),
  secretRule({
    id: 'database-url',
    title: 'Database URL with a password',
    provider: 'the database',
    severity: 'critical',
    examples: {
      bad: [
        'DATABASE_URL=postgres://app:<<a62:20>>@db.internal:5432/orders',
        'mongo: "mongodb+srv://svc:<<a62:16>>@cluster0.mongodb.net/prod"',
        'REDIS_URL=redis://:<<a62:24>>@cache:6379/0',
        // A service named for its role (a compose file's database container).
        'DATABASE_URL=postgres://app:<<a62:20>>@dbhost:5432/orders',
      ],
      good: [
        'DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/orders',
        'postgres://user:password@host:5432/db',
        "parse('postgres://someuser:somepassword@somehost:381/somedatabase')",
        // A help text's example: the host is named for the word host.
        "      --db='mysql://bbuser:bbpasswd@dbhost/bbdb'",
        'DATABASE_URL=postgres://app:<<a62:20>>@your-host:5432/orders',
      ],
    },
  }),
  secretRule({
    id: 'hardcoded-password',
    title: 'Hard-coded password',
    provider: 'the system it logs in to',
    prefilter: `(?i:passw(?:or)?d|passwort|passphrase|pwd|pass)["']?\\s*[:=]|(?i:identified by|<passw|<pwd>)`,
    pattern: `${PASSWORD_NAME}${OP}${value(1)}|${PASSWORD_ELSEWHERE}`,
    sourcePattern: `${PASSWORD_NAME}${OP}${value(1, false)}|${PASSWORD_ELSEWHERE}`,
    cwe: [259, 798],
    generic: true,
    allowPlaceholderWords: true,
    check: passwordContextVerdict,
    examples: {
      path: 'config/settings.py',
      bad: [
        'DB_PASSWORD = "<<a62:14>>!"',
        'smtp = {"password": "<<a62:12>>#"}',
        'smtp = {"password": "passwordfor<<a62:12>>#"}',
        // An upper-case PASSWD key outside a sudoers line, and a value starting with '#' that names nothing.
        'PASSWD: "<<a62:14>>!"',
        'smtp = {"pass": "#<<a62:14>>"}',
        // A password that ends in a separator is still one when what comes before it is not a field's name.
        'adminPwd = "admin-<<a62:12>>="',
        // A chosen password that happens to end in a component's kind.
        'smtp = {"password": "<<a62:10>>Widget"}',
      ],
      good: [
        'password = os.environ["DB_PASSWORD"]',
        'password: str = field()',
        'DB_PASSWORD = "${DB_PASSWORD}"',
        'label = {"password": "Password"}',
        "users = {'admin': {'password': 'admin-password', 'is_admin': True}}",
        "basicAuthPassword = 'ME_CONFIG_BASICAUTH_PASSWORD'",
        // An attribute map: each field mapped to its own name.
        "attrs = Attributes(uid='uid', userPassword='userPassword')",
        'second = {"label": "second-db", "password": "pass-y"}',
        // Help text showing where the password goes (a login API's curl example).
        `curl -d '{"type": "m.login.password", "password": "passwordforuser"}' https://matrix.example/login`,
        // sudoers' tags, not passwords; a form field's selector.
        'deploy ALL=(ALL:ALL) NOPASSWD:DEPLOY_ACTIONS',
        '%wheel ALL = (root) PASSWD: ALL',
        "loginForm = {'form': '#login-form', 'pass': '#login-password'}",
        // A form library's widget map: the component that shows the password field.
        'widgets = {"text": "TextWidget", "password": "PasswordWidget"}',
        // The key of key-value text, the value appended (SDP's ICE password attribute, a command-line option).
        "var oldPwd = 'a=ice-pwd:' + endpoint.ice.pwd;",
        "const pwdArg = '--password=' + options.password;",
        // A stored digest followed by its salt, both in base64 (a users file's PBKDF2 entry).
        'users = {"userA": {"password": "<<a62:43>>=<<a62:22>>=="}}',
      ],
    },
  }),
  secretRule({
    id: 'weak-password',
    title: 'Weak hard-coded password',
    provider: 'the system it logs in to',
    description:
      'A hard-coded password that is common or trivially guessable (a breach-list password, a keyboard walk, the product name with digits): it is exposed to everyone who reads the code and guessable by anyone who does not.',
    cwe: [521, 798],
    remediation:
      'Change the password on the system that uses it to a long random one, keep it in a secret manager or an environment variable, and remove it from the code and history.',
    examples: {
      path: '.env',
      bad: [
        'DB_PASSWORD=admin123',
        'ADMIN_PASSWORD=<<product>>2024',
        // <<cut>> expands to nothing: the repository's own scan must not see a weak password here.
        'url=ftp://deploy:qwerty<<cut>>123@files.acme.io/pub',
        'PASS=1qaz2wsx',
        // Two sequential runs.
        'PASS=1234<<cut>>abCD',
        'pwd: P@ssw0rd',
      ],
      good: [
        'DB_PASSWORD=<<a62:20>>',
        'DB_PASSWORD=changeme',
        'DB_PASSWORD=<your-password>',
        // The anonymous login's conventional answer (RFC 1635): no account's password.
        'MIRROR_URL=ftp://anonymous:gu<<cut>>est@files.acme.io/pub',
        // A URL syntax's template: the host is the name of the key that goes there.
        'NOTIFY_URL=spush://salt:pass<<cut>>word@apikey',
        // The published password of Android's debug keystore, beside the keystore.
        'DEBUG_KEYSTORE=~/.android/debug.keystore\nDEBUG_KEYSTORE_PASS=andr<<cut>>oid',
      ],
    },
  }),
  secretRule({
    id: 'generic-api-key',
    title: 'High-entropy secret assigned to a secret-like name',
    provider: 'the service it belongs to',
    prefilter: `${SECRET_NAME}["']?\\s*[:=]`,
    pattern: `${SECRET_NAME}${OP}${value(16)}`,
    sourcePattern: `${SECRET_NAME}${OP}${value(16, false)}`,
    confidence: 'low',
    generic: true,
    check: genericVerdict,
    examples: {
      bad: [
        'JWT_SECRET=<<a62:32>>',
        'const apiKey = "<<a62:24>>";',
        'const apiToken = "HK29-QZ7P<<cut>>-XW4M-L8RT";',
        // A project's own key beside YouTube's client settings: only the value's own name decides.
        "'web': { 'INNERTUBE_CLIENT_NAME': 'WEB', 'SEARCH_API_KEY': '<<a62:32>>' },",
        // A token in the query of a configuration's one webhook URL.
        'notify_url: "https://hooks.acme-shop.io/notify?channel=ops&api_token=<<a62:24>>"',
        // A token in the query of one of a configuration's many endpoints (no search placeholder).
        [2, 3, 4, 5, 6, 7].map((k) => `"s${k}": "https://api.site${k}.io/v1",`).join(' ') +
          ' "metrics": "https://metrics.site1.io/submit?api_key=<<a62:24>>",',
        // A recorded reply of a server elsewhere than the recording machine (cassette.ts).
        `interactions:\n- request:\n    method: GET\n    uri: https://gitlab.acme.io/api/v4/projects/1\n  response:\n    body:\n      string: '{"id":1,"runners_token":"<<a62:20>>"}'`,
        // A token reply still valid (spent-token.ts).
        '{"expires_in":300,"issued_at":"2099-04-11T13:54:08Z","token":"<<a62:40>>"}',
      ],
      good: [
        'API_KEY=${API_KEY}',
        'client_secret: process.env.CLIENT_SECRET',
        'token = "<<uuid>>"',
        'commit_token: <<hex:40>> # sha of release',
        'secret_key_base: your_secret_key_here_0123456789',
        // YouTube's web-client key under the name its pages give it (gcp-api-key drops it for the same reason).
        "'web': { 'INNERTUBE_API_KEY': 'AIza<<url:35>>', 'INNERTUBE_CLIENT_NAME': 'WEB' },",
        'token: aaaaaaaaaaaaaaaaaaaaaaaa',
        // Editor themes and highlighters (Monaco, Ace, TextMate) name syntax scopes "token".
        '{ "token": "meta.odd-tab.group1", "foreground": "ffffff" }',
        'this.$rules = { start: [{ token: "markup.heading.1", regex: "^=+" }] };',
        // A sentinel's name in upper-case words (es6-promisify's custom-arguments key).
        'var customArgumentsToken = "__ES6-PROMISIFY--CUSTOM-ARGUMENTS__";',
        // A public search form's token in one link of a table of links to many sites.
        [2, 3, 4, 5, 6, 7].map((k) => `"s${k}": "//find.site${k}.org/?q=%s",`).join(' ') +
          ' "hb": "//wiki.site1.cc/search?q=%s&searchToken=<<a62:24>>",',
        // The same with DuckDuckGo's escaped placeholder after the token.
        [2, 3, 4, 5, 6, 7].map((k) => `"s${k}": "//find.site${k}.org/?q=\\u0002\\u00010",`).join(' ') +
          ' "da": "//ndb.site1.gov/list?SYNC_TOKEN=<<a62:24>>&qlookup=\\u0002&ds=\\u00010",',
        // The same reply recorded from a server on the loopback address: that throwaway server's token.
        `interactions:\n- request:\n    method: GET\n    uri: http://localhost/api/v4/projects/1\n  response:\n    body:\n      string: '{"id":1,"runners_token":"<<a62:20>>"}'`,
        // A token reply whose issued_at plus expires_in passed long ago.
        '{"expires_in":300,"issued_at":"2021-04-11T13:54:08Z","token":"<<a62:40>>"}',
      ],
    },
  }),
  secretRule({
    id: 'authorization-bearer',
    title: 'Bearer token in an Authorization header',
    provider: 'the API that accepts it',
    prefilter: '(?i:authorization)["\']?\\s*[:=,]',
    pattern:
      '(?i:authorization)["\']?\\s{0,3}[:=,]\\s{0,3}["\']?(?i:bearer)\\s{1,3}([A-Za-z0-9_.~+/-]{20,}={0,2})',
    confidence: 'low',
    generic: true,
    check: genericVerdict,
    examples: {
      bad: ['curl -H "Authorization: Bearer <<a62:40>>" https://api.acme.io'],
      good: ['headers["Authorization"] = `Bearer ${token}`', 'Authorization: Bearer <token>'],
    },
  }),
  secretRule({
    id: 'basic-auth-header',
    title: 'Basic credentials in an Authorization header',
    provider: 'the API that accepts them',
    prefilter: '(?i:authorization)["\']?\\s*[:=,]',
    pattern: '(?i:authorization)["\']?\\s{0,3}[:=,]\\s{0,3}["\']?(?i:basic)\\s{1,3}([A-Za-z0-9+/]{8,}={0,2})',
    check: (m) => {
      const decoded = Buffer.from(m.secret, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 1 || !/^[\x20-\x7e]+$/.test(decoded)) return false;
      // A test sending its own throwaway user (`user:pass` to the app it built with that login) is judged
      // like that user's password written as a field: not reported; a random-looking one still is.
      if (isTestUserPassword(decoded.slice(colon + 1), m.path)) return false;
      return passwordVerdict({ ...m, secret: decoded.slice(colon + 1), quoted: true }, true) === false
        ? false
        : {};
    },
    examples: {
      bad: ['curl -H "Authorization: Basic <<basic>>" https://api.acme.io'],
      good: ['Authorization: Basic <credentials>'],
    },
  }),
];
