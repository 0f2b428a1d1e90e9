/**
 * What a file is for, from its path and (for generated code) its first bytes: the role decides how
 * much a finding in it matters. A password in a unit test or a `http://` link in the docs is not the
 * same problem as in the code that ships; generated and vendored code is not the team's to fix.
 */
import picomatch from 'picomatch';
import { FILE_ROLES, type FileRole } from './finding.js';
import {
  LIBRARY_HEAD_BYTES,
  THIRD_PARTY_HEAD_BYTES,
  concatenatesLibraries,
  isBundle,
  isLibraryCopy,
  isThirdPartyName,
} from './library-copy.js';
import { ShippedBuilds } from './shipped-build.js';

export { FILE_ROLES, type FileRole };

// Translation catalogues: locale folders, gettext/XLIFF/ARB files, and files named for a locale
// (`en.json`, `es-ES.yml`, `messages_fr.properties`). Their values are words shown to people.
// ISO 639-1 codes of languages apps are commonly translated into (a file named `db.yml` is not one).
const LANGS =
  'af|am|ar|az|be|bg|bn|bs|ca|cs|cy|da|de|el|en|eo|es|et|eu|fa|fi|fil|fr|ga|gl|gu|he|hi|hr|hu|hy|id|is|it|ja|ka|kk|km|kn|ko|ky|lo|lt|lv|mk|ml|mn|mr|ms|my|nb|ne|nl|nn|no|pa|pl|pt|ro|ru|si|sk|sl|sq|sr|sv|sw|ta|te|th|tl|tr|uk|ur|uz|vi|zh|zu';
const LOCALE = `(?:${LANGS})(?:[-_][A-Za-z]{2,4})?`;
// A code file named for a locale (`de.js`) is a catalogue only under a folder named for translations
// (`locale-data/de.js`, `intl/fr.ts`): elsewhere `ca.js`, `id.js`, `is.js`, `it.js` are modules (a certificate
// authority, an id helper).
// A folder named `language` (NodeBB's `public/language/<locale>/*.json`) holds catalogues as data files;
// code under it (a language server's `language/parser.ts`) stays source.
const I18N = new RegExp(
  `(?:^|/)(?:i18n|l10n|locales?|lang|langs|languages|translations?|messages|nls)/|(?:^|/)language/(?:[^/]+/)*[^/]+\\.(?:json|ya?ml|properties|ini|multids)$|\\.(?:po|pot|xliff|xlf|arb|resx|strings)$|(?:^|/)(?:${LOCALE})\\.(?:json|ya?ml|properties)$|(?:^|/)[^/]*(?:i18n|l10n|locale|lang|translation|messages|nls|intl)[^/]*/(?:[^/]+/)*(?:${LOCALE})\\.(?:js|ts)$|(?:^|/)(?:messages|strings|translations?|locale)[-_.]${LOCALE}\\.(?:json|ya?ml|properties|js|ts)$`,
  'i',
);

const LOCALE_NAMED = new RegExp(`(?:^|[/._-])${LOCALE}\\.[A-Za-z]+$`);

/**
 * True for a catalogue written as data (`de.yml`, `messages.po`), or as code named for its locale
 * (`i18n/language.de.js`, `locales/en-GB.ts`): not a program's own module in a folder a catalogue may be in
 * (`src/messages/mailer.js`).
 */
export function isCatalogue(path: string): boolean {
  return isTranslationFile(path) && (!CODE_FILE.test(path) || LOCALE_NAMED.test(path));
}

/** True for translation (i18n) catalogues. */
export function isTranslationFile(path: string): boolean {
  return I18N.test(path);
}

// Checked in this order: the first that matches decides (a fixture under test/ is a fixture).
const PATH_ROLES: [Exclude<FileRole, 'source' | 'i18n'>, RegExp][] = [
  [
    'vendored',
    /(?:^|\/)(?:vendor|vendors|third[-_]party|bower_components|jspm_packages|node_modules|site-packages|\.venv|venv|Pods|Carthage)\//i,
  ],
  [
    'generated',
    /(?:^|\/)(?:dist|__generated__|generated)\/|\.min\.(?:[cm]?js|css)$|\.(?:js|css)\.map$|\.pb(?:\.gw)?\.go$|_pb2(?:_grpc)?\.py$|\.g\.dart$|\.(?:generated|gen)\.[a-z]+$|(?:^|\/)zz_generated[^/]*\.go$/i,
  ],
  [
    'fixture',
    /(?:^|\/)(?:fixtures?|__fixtures__|testdata|test-data|test_data|__snapshots__|__mocks__|mocks?|stubs?|golden)\/|\.snap$/i,
  ],
  [
    'test',
    // Also a throwaway test environment's folder (`oidc-test-env/`), a test helper module beside the code
    // (`auth/testhelp.js`, `test_utils.py`) or holding the tests' logins (`testCredentials.js` and its `.d.ts`,
    // `test_creds.py`), a test shell script (`test-auth.sh`, `smoke_test.sh`) and a
    // configuration for a test environment (`config.test.js`, `config.testwin.js`, `settings_test.py`);
    // never a blockchain test network's (`config.testnet.js`): a node run against it uses real keys. A folder of
    // one kind of tests (`hl-tests/`, `unit_tests/`, `acceptance-tests/`), but not a product's experiments or
    // feature (`ab-tests/`, `split_tests/`, `speed-tests/`), as for `_test.js` below; and `test-` or `tests_` before the
    // name of a kind of tests (`test-e2e/`, `tests_integration/`, `test-unit/`, `test-functional/`, `test-acceptance/`).
    // Also a folder of benchmarks (`benchmark/`, `benchmarks/`: programs that time the code, which no deployment
    // runs) and a folder named for a regression-test network (`regtest/`: Bitcoin Core's private local chain, whose
    // coins are worth nothing, named so by the projects built on it for their integration tests). Not `bench/`: a
    // project's command (Frappe's `bench`) or a benchmark tool it installs for operators (zaqar's `zaqar-bench`).
    /(?:^|\/)(?:tests?|__tests__|spec|specs|testing|e2e|cypress|playwright|regtest|benchmarks?|integration-tests?|(?!(?:ab|a_b|split|multivariate|speed)[-_])[a-z0-9]+[-_]tests|src\/test|test[-_]?(?:lib|utils?|helpers?|support)|tests?[-_](?:e2e|integration|unit|functional|acceptance))\/|(?:^|\/)(?:[^/]*[-_])?test[-_]?env(?:ironment)?s?\/|(?:^|\/)tests?[-_]?(?:help|helpers?|utils?|support|setup)\.(?:[cm]?[jt]sx?|py|rb)$|(?:^|\/)tests?[-_]?cred(?:ential)?s\.(?:d\.)?(?:[cm]?[jt]sx?|py|rb)$|(?:^|\/)test[-_][^/]*\.(?:sh|bash)$|[-_]test\.(?:sh|bash)$|(?:^|\/)(?:config|settings)[._-]test(?!net)[a-z]*\.(?:[cm]?[jt]s|json|ya?ml|toml|ini|cfg|conf|py)$|\.(?:test|spec|e2e|cy)\.[cm]?[jt]sx?$|_test\.(?:go|py|rb|exs?)$|(?:^|\/)test_[^/]*\.py$|(?:^|\/)conftest\.py$|(?:^|\/)(?:tests?|spec)\.[cm]?[jt]sx?$|(?:^|\/)tests\.py$|Tests?\.(?:java|kt|cs|php|swift)$|_spec\.rb$/i,
  ],
  // A JavaScript or TypeScript test named as Deno's and Closure's conventions name them (`server_test.ts`,
  // `easysync_tests.js`, a runner `run_tests.js`), as Go's `_test.go` and Python's `_test.py` are above. Not a
  // product's experiment module (`routes/ab_test.js`, `split_test.js`, `speed_test.js`): JavaScript has no
  // compiler that keeps such a name out of the shipped build, and those are features, not tests.
  ['test', /(?<!(?:^|[/._-])(?:ab|a_b|split|multivariate|speed))_tests?\.[cm]?[jt]sx?$/i],
  // A test suite's folder (`borg/testsuite/`, `test_suite/`, `test-suites/`): the name says what the folder holds, as
  // `tests/` does; a product's module about test suites is named otherwise (`testsuite.py`, `test_suites.js`).
  ['test', /(?:^|\/)test[-_]?suites?\//i],
  [
    'example',
    // A folder of examples, a `.example` copy, a script named as one (`example-sendmail.js`, `demo_server.py`,
    // `settings_example.py`), a configuration file named as one (`full_example.yaml`, `example-config.json`), or
    // a sample or template of a settings or config module (`local_settings_sample.py`, `config-template.py`: a
    // copy for the user to fill in). Also a Python settings module named for development (`settings/dev.py`,
    // `settings_dev.py`, `dev_settings.py`): the developers' own settings, which a deployment selects only by
    // naming it (DJANGO_SETTINGS_MODULE), as it would a sample. Not Node's `config/development.js`, which node-config loads when NODE_ENV is unset.
    /(?:^|\/)(?:examples?|samples?|demos?|example-apps?|sample-apps?|quickstarts?)\/|\.(?:example|sample)(?:\.[a-z]+)?$|(?:^|\/)(?:examples?|demos?)(?:[-_][^/]*)?\.(?:[cm]?[jt]sx?|py|rb|sh)$|(?:^|\/)examples?(?:[-_][^/]*)?\.(?:ya?ml|json|ini|cfg|conf|toml)$|[-_]examples?\.(?:[cm]?[jt]sx?|py|rb|sh|ya?ml|json|ini|cfg|conf|toml)$|(?:^|\/|_)(?:settings|config)[-_](?:samples?|templates?)\.(?:[cm]?[jt]sx?|py|rb)$|(?:^|\/)settings\/(?:dev|devel|develop|development)\.py$|(?:^|\/|_)settings[-_](?:dev|devel|development)\.py$|(?:^|\/)(?:dev|devel|development)[-_]settings\.py$/i,
  ],
  // Also TiddlyWiki's wiki pages (`.tid`) and a Python package's metadata, whose long description is its README.
  [
    'docs',
    /(?:^|\/)(?:docs?|documentation|website)\/|\.(?:md|mdx|markdown|rst|adoc|asciidoc|tid)$|\.(?:egg|dist)-info\/(?:PKG-INFO|METADATA)$/i,
  ],
];

// Plain-text prose named by convention rather than by an extension: release notes and read-me files
// (`ChangeLog`, `HISTORY`, `NEWS.txt`, `README`, `AUTHORS`).
const PROSE_NAME =
  /^(?:README|CHANGE[-_]?LOG|CHANGES|HISTORY|NEWS|RELEASE[-_]?NOTES|AUTHORS|CONTRIBUTORS|THANKS|TODO|INSTALL|UPGRADING)(?:\.txt)?$/i;

/** True for a plain-text prose file named by convention (its base name: a changelog, a read-me without extension). */
export function isProseFileName(name: string): boolean {
  return PROSE_NAME.test(name);
}

// Dependency manifests and lockfiles are written by tools but are the project's own declaration.
const DEPENDENCY_FILES =
  /(?:^|\/)(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|poetry\.lock|uv\.lock|pdm\.lock|Pipfile\.lock|Gemfile\.lock|composer\.lock|go\.sum|packages\.lock\.json|gradle\.lockfile)$/;

/** The role a path alone gives (no content read). */
export function roleFromPath(path: string): FileRole {
  for (const [role, re] of PATH_ROLES) {
    if (!re.test(path)) continue;
    // A lockfile under dist/ or generated/ is still what the project installs.
    if (role === 'generated' && DEPENDENCY_FILES.test(path)) continue;
    return role;
  }
  if (isProseFileName(path.slice(path.lastIndexOf('/') + 1))) return 'docs';
  return isTranslationFile(path) ? 'i18n' : 'source';
}

// Markers that code generators write at the top of their output (Go's convention, protoc, Babel,
// OpenAPI and GraphQL generators, Django migrations are not among them: those are edited by hand).
const GENERATED_HEADER =
  /@generated\b|\bDO NOT EDIT\b|\bCode generated by\b|\bauto-?generated\b|\bautomatically generated\b|\bThis file (?:is|was) generated\b/i;
const HEADER_BYTES = 1024;
const MINIFIED_MIN_BYTES = 4096;
const MINIFIED_FIRST_LINE = 10_000;

/** A role the content of a file gives it, whatever its path says. */
export type ContentRole = 'generated' | 'vendored' | 'docs' | 'test';

// A Sphinx extension: a Python module that imports Sphinx and defines the module-level `setup(app)` entry
// point Sphinx calls, registering hooks or directives on the app (`app.connect('builder-inited', …)`) or
// reading the build's folders (`app.confdir`, `app.srcdir`) to generate pages there and then. It runs only
// while the documentation is built, on the repository's own doc sources, wherever the package puts it
// (`mypkg/gendoc.py` beside the code): documentation tooling, not the program that ships.
const SPHINX_IMPORT = /^[ \t]*(?:from|import)[ \t]+sphinx(?:contrib)?\b/m;
const SPHINX_SETUP =
  /^def[ \t]+setup\([ \t]*app\b[^)]*\)[^\n]*:[\s\S]*?\bapp\.(?:connect\(|add_\w+\(|setup_extension\(|require_sphinx\(|(?:confdir|srcdir|outdir|doctreedir|builder)\b)/m;

/** 'docs' for a Python module that is a Sphinx extension (a documentation build hook); else undefined. */
export function docsRoleFromContent(text: string, path: string): 'docs' | undefined {
  if (!path.endsWith('.py')) return undefined;
  return SPHINX_IMPORT.test(text) && SPHINX_SETUP.test(text) ? 'docs' : undefined;
}

// A unittest test case: a class whose base is named as one (`unittest.TestCase`, Django's `TestCase`, a
// framework's own `ChannelPluginTestCase`), which is how the test runner finds the tests in a module.
const TEST_CASE_CLASS = /^[ \t]*class[ \t]+\w+[ \t]*\([^)]*?\b\w*TestCase[ \t]*[,)]/m;
// ... and a test of its own: a method the runner collects (`def testGet(self)`). A module that only defines the
// base classes users build their tests on (limnoria's shipped `supybot/test.py`, a framework's test helpers)
// is installed with the program and read as its source (review40).
const TEST_METHOD = /^[ \t]+(?:async[ \t]+)?def[ \t]+test\w*[ \t]*\([ \t]*self\b/m;

/**
 * 'test' for a Python module named `test.py` that defines a unittest test case (limnoria's 71 plugin
 * `test.py` modules, `class ConfigTestCase(ChannelPluginTestCase)`). The name alone cannot say: shipped
 * modules are called that too (Werkzeug's `werkzeug/test.py` test client, SaltStack's `salt/modules/test.py`),
 * and they define no test case.
 */
export function testRoleFromContent(text: string, path: string): 'test' | undefined {
  if (!/(?:^|\/)test\.py$/.test(path)) return undefined;
  return TEST_CASE_CLASS.test(text) && TEST_METHOD.test(text) ? 'test' : undefined;
}

/**
 * 'vendored' for a copy of a well-known library, or a script named as a build's third-party part that
 * concatenates such copies (core/library-copy.ts); 'generated' when the content
 * says so (a generator's header, a bundler's prelude, or minified code); else undefined. Reads bytes as
 * well as text, so a byte-oriented scan need not decode a large bundle.
 */
export function roleFromContent(content: string | Uint8Array, path = ''): ContentRole | undefined {
  const bytes =
    typeof content === 'string' ? undefined : Buffer.from(content.buffer, content.byteOffset, content.length);
  // The markers are ASCII: Latin-1 reads them the same in any ASCII-compatible encoding.
  const start = bytes
    ? bytes.toString('latin1', 0, LIBRARY_HEAD_BYTES)
    : (content as string).slice(0, LIBRARY_HEAD_BYTES);
  if (isLibraryCopy(path, start)) return 'vendored';
  if (isThirdPartyName(path)) {
    const wide = bytes
      ? bytes.toString('latin1', 0, THIRD_PARTY_HEAD_BYTES)
      : (content as string).slice(0, THIRD_PARTY_HEAD_BYTES);
    if (concatenatesLibraries(path, wide)) return 'vendored';
  }
  if (GENERATED_HEADER.test(start.slice(0, HEADER_BYTES)) || isBundle(start)) return 'generated';
  if (content.length < MINIFIED_MIN_BYTES) return undefined;
  // A concatenation that opens with a minified library (`codemirror-compressed.js`: 32 KB lines, then
  // unminified copies of others under their banners): nobody writes a first line that long by hand.
  const firstLine = bytes ? bytes.indexOf(10) : (content as string).indexOf('\n');
  if (firstLine > MINIFIED_FIRST_LINE) return 'generated';
  // Minified or bundled: very long lines on average (the code analyzer's own threshold).
  let lines = 1;
  if (bytes) for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
  else lines = (content as string).split('\n').length;
  return content.length / lines > 300 ? 'generated' : undefined;
}

/** Role overrides from vanguard.yaml: role → globs relative to the repository root. */
export type RoleOverrides = Partial<Record<FileRole, readonly string[]>>;

/**
 * Classifies paths: the user's globs first (in FILE_ROLES order), then the content role, then the path. Given the
 * scanned tree's paths, compiled output that is the only copy of its module (core/shipped-build.ts) takes the
 * role of its path without `dist/`.
 */
export function roleClassifier(
  overrides: RoleOverrides = {},
  paths?: ReadonlySet<string>,
): (path: string, contentRole?: ContentRole) => FileRole {
  const matchers = FILE_ROLES.flatMap((role) =>
    (overrides[role] ?? []).map((g) => [role, picomatch(g.replace(/^\.\//, ''), { dot: true })] as const),
  );
  const builds = paths ? new ShippedBuilds(paths) : undefined;
  return (path, contentRole) => {
    for (const [role, m] of matchers) if (m(path)) return role;
    let byPath = roleFromPath(path);
    const own = byPath === 'generated' ? builds?.ownPath(path) : undefined;
    if (own !== undefined) byPath = roleFromPath(own);
    // Lockfiles say "DO NOT EDIT" too; they are still the project's dependency declaration.
    if (DEPENDENCY_FILES.test(path)) return byPath;
    // A library copy is the library's wherever it was put (mocha's browser build beside the tests).
    if (contentRole === 'vendored' && byPath !== 'generated') return contentRole;
    // Otherwise content only promotes ordinary files: a test that happens to say "auto-generated" stays a test.
    if (contentRole && (byPath === 'source' || byPath === 'i18n')) return contentRole;
    return byPath;
  };
}

// A password a person chose for a throwaway account: one word of lower-case letters, or only digits.
const CHOSEN_PASSWORD = /^(?:[a-z]{4,24}|\d{4,12})$/;
// In test code also a word and a number (`abc123`, `test1234`, `ABC123`), as people type a test item's; in a
// fixture's configuration (a `.env` a deploy may copy) such a weak one is still reported, lowered.
const WORD_AND_NUMBER = /^[A-Za-z]{2,24}\d{1,8}$/;
const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|php|cs|swift|rs)$/i;
// One that says what it is once leetspeak is read (`firstPassword`, `p@ss:word`, `SuperP4ssw0rd!`).
const SAYS_PASSWORD = /pass|pwd|secret/i;
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '3': 'e', $: 's', '5': 's' };

/**
 * True for a test's or fixture's own user password (a test's `user.create(…)` with one word such as barbar
 * or swordfish, digits such as 123456, or a self-describing AnotherLovelyPassword): it protects the test's
 * throwaway database and nothing else. A
 * random-looking one may be a live credential copied in and is still reported (lowered, as every test
 * finding is).
 */
export function isTestUserPassword(value: string, path: string): boolean {
  const role = roleFromPath(path);
  if (role !== 'test' && role !== 'fixture') return false;
  if (CHOSEN_PASSWORD.test(value) || (CODE_FILE.test(path) && WORD_AND_NUMBER.test(value))) return true;
  return SAYS_PASSWORD.test(value.replace(/[@40135$]/g, (c) => LEET[c] ?? c));
}
