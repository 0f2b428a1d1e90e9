/** Look-alike filters: what matches a credential pattern but is not a credential. */
import type { MatchContext } from './types.js';
import { blocksAround } from './config-block.js';
import { namesOnlyThisMachine, settingOfLocalService } from '../../core/local-service.js';
import { localDefaultLines } from '../../core/config-default.js';

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

// Words that mark a value as written for a reader rather than a machine. Random tokens contain
// four-letter English words far too rarely to matter.
const PLACEHOLDER_WORDS = [
  'example',
  'xxxx',
  'your',
  'placeholder',
  'changeme',
  'change_me',
  'change-me',
  'replace',
  'dummy',
  'sample',
  'redacted',
  'insert',
  'fake',
  'mock',
  'lorem',
  'secret_here',
  'key_here',
  'token_here',
  '_here',
  'enter_',
  'put_',
  '****',
  '....',
  '…',
  '<',
  '>',
  'todo',
  'fixme',
  'notreal',
  'not_real',
  'not-a-real',
  // A value that says it does not matter (a test harness's `secret: 'irrelevant'`).
  'irrelevant',
];

/** True when the value contains a template word or mask (`your_key_here`, `xxxx`, `<token>`, `changeme`). */
export function hasPlaceholderWord(value: string): boolean {
  const v = value.toLowerCase();
  return PLACEHOLDER_WORDS.some((w) => v.includes(w)) || BRACKETED_NAME.test(value);
}

// A name written in square brackets where the value goes (`http://shutdown:[shutdown_password]@host`), as
// a manual writes a field to fill in; a generated secret is never a bracketed word.
const BRACKETED_NAME = /^\[[A-Za-z][\w.-]*\]$/;

// A value that ends in three dots is written cut short for a reader (`'token': 'Ab12…Zz9...'` on a
// configuration template's commented-out line shows a key's shape): no stored credential ends that way, and
// base64, hex and token alphabets hold no run of dots. Four dots and '…' anywhere are template words above.
const CUT_SHORT = /\.{3}$/;

/** True for values that are obviously not real: template words, masks, one repeated or sequential run. */
export function isPlaceholder(value: string): boolean {
  if (hasPlaceholderWord(value) || CUT_SHORT.test(value)) return true;
  const v = value.toLowerCase();
  return isRepetitive(v) || isSequential(v);
}

// Random base64 of a 1.6 kB key holds some four-letter word by chance about once in 130 keys (`todo`,
// `mock`, `your`…); a seven-letter one about once in 10^8. So in fixed-format values, only long words
// count anywhere; short ones only as a whole token between separators (`sk_live_your_key`).
const LONG_WORD_MIN = 7;
const LONG_WORDS = PLACEHOLDER_WORDS.filter((w) => w.length >= LONG_WORD_MIN && /^[a-z_-]+$/.test(w));
const SHORT_WORDS = new Set(PLACEHOLDER_WORDS.filter((w) => w.length < LONG_WORD_MIN && /^[a-z]+$/.test(w)));
// Characters no base64, hex or base32 token holds: their presence marks text written for a reader.
const MASKS = ['****', '....', '…', '<', '>'];

/**
 * The placeholder test for fixed-format credentials (private keys, provider tokens): template words as
 * whole tokens, masks and long runs of x, or a repeated or sequential value, but never a short word that
 * random base64 happens to contain.
 */
export function isStructuredPlaceholder(value: string): boolean {
  const v = value.toLowerCase();
  if (MASKS.some((m) => v.includes(m)) || v.includes('xxxxxxxx')) return true;
  if (LONG_WORDS.some((w) => v.includes(w))) return true;
  // A short word as a whole token ('sk_live_your_key') or a token of x only ('sk_live_xxxx').
  const tokens = v.split(/[^a-z0-9]+/);
  if (tokens.some((t) => SHORT_WORDS.has(t) || /^x{4,}$/.test(t))) return true;
  return isRepetitive(v) || isSequential(v);
}

/** One character or one short unit repeated (aaaa, abab, 000000). */
export function isRepetitive(v: string): boolean {
  if (v.length < 3) return false;
  for (let unit = 1; unit <= 3 && unit * 2 <= v.length; unit++) {
    let same = true;
    for (let i = unit; i < v.length && same; i++) same = v[i] === v[i - unit];
    if (same) return true;
  }
  return false;
}

/** A run of consecutive characters (abcdef, 123456, 987654). */
export function isSequential(v: string): boolean {
  if (v.length < 4) return false;
  if ('01234567890'.includes(v) || '09876543210'.includes(v)) return true;
  const d = v.charCodeAt(1) - v.charCodeAt(0);
  if (d !== 1 && d !== -1) return false;
  for (let i = 2; i < v.length; i++) if (v.charCodeAt(i) - v.charCodeAt(i - 1) !== d) return false;
  return true;
}

const ENV_PREFIXES = [
  '$',
  '%',
  '{{',
  '#{',
  '<%',
  '@',
  'process.env',
  'import.meta.env',
  'os.environ',
  'os.getenv',
  'getenv(',
  'env(',
  'env.',
  'env[',
  'system.getenv',
  'environment.getenvironmentvariable',
  'secrets.',
  'vars.',
  'config.',
  'settings.',
];

/** True for references to a value kept elsewhere: `${X}`, `$X`, `process.env.X`, `{{ secrets.X }}`, `%X%`. */
/**
 * The name of an environment variable that holds a credential (`ME_CONFIG_BASICAUTH_PASSWORD`): code
 * that reads its settings keeps such names in constants (`const passwordVar = 'DB_PASSWORD'`).
 */
export function isEnvVariableName(value: string): boolean {
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) && /PASS|PWD|SECRET|TOKEN|KEY|CREDENTIAL/.test(value);
}

export function isEnvReference(value: string): boolean {
  const v = value.trim().toLowerCase();
  return ENV_PREFIXES.some((p) => v.startsWith(p));
}

const HEX = /^[0-9a-f]+$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HASH_CONTEXT = /(?:sha|commit|rev|hash|digest|checksum|integrity|etag|ref\b|version)/i;

/** UUIDs, and hex digests next to words that say they are one (git SHAs, checksums). */
export function isIdentifierLookAlike(value: string, line: string): boolean {
  if (value.length === 36 && UUID.test(value)) return true;
  if ((value.length === 40 || value.length === 64 || value.length === 32) && HEX.test(value)) {
    return HASH_CONTEXT.test(line);
  }
  return false;
}

const LOCKFILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'cargo.lock',
  'go.sum',
  'poetry.lock',
  'pipfile.lock',
  'uv.lock',
  'composer.lock',
  'gemfile.lock',
  'packages.lock.json',
  'gradle.lockfile',
  'flake.lock',
  'pubspec.lock',
  'mix.lock',
  'podfile.lock',
]);

/** True for dependency lockfiles, whose hashes and resolved URLs look random but are not secrets. */
export function isLockfile(name: string): boolean {
  return LOCKFILES.has(name.toLowerCase());
}

// The specifiers npm, yarn and pnpm resolve that are neither a version range nor a URL: a local tarball or folder
// (`file:`, `link:`, `portal:`), a workspace package, an alias (`npm:`), a hosted repository, a patch or a catalog.
const DEPENDENCY_SPEC = /^(?:file|link|portal|workspace|npm|github|gitlab|bitbucket|gist|patch|catalog):/;

/**
 * True for a dependency entry of a package.json (`"@tryghost/extract-api-key": "file:components/tryghost-extract-
 * api-key-5.40.2.tgz"`): the name is a package's, whose words may be a secret's (`api-key`, `session-from-token`),
 * and the value a specifier the package manager resolves, not a credential. Other keys of the manifest (`"config":
 * { "apiKey": "…" }`) are read as anywhere else.
 */
export function isDependencySpec(m: MatchContext): boolean {
  return /(?:^|\/)package\.json$/.test(m.path) && DEPENDENCY_SPEC.test(m.secret) && inDependencyObject(m);
}

// The manifest's objects whose members are packages and their specifiers (`dependencies`, `devDependencies`,
// `resolutions`, `overrides`); a `config` or `scripts` member is read as anywhere else (review40).
const DEPENDENCY_OBJECT = /"(?:\w*[dD]ependencies|resolutions|overrides)"\s*:\s*\{[^{}]*$/;

/**
 * The match is a member of a dependency object: on its own line, or the nearest line above it indented less opens
 * one. The match's line is found by its offset (two members may have the same text in different objects).
 */
function inDependencyObject(m: MatchContext): boolean {
  if (DEPENDENCY_OBJECT.test(m.before)) return true;
  const text = m.fileText();
  const at = m.offset();
  if (at === undefined) return false;
  const indent = (l: string) => l.length - l.trimStart().length;
  let start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const depth = indent(text.slice(start, end === -1 ? text.length : end));
  while (start > 0) {
    const prev = text.lastIndexOf('\n', start - 2) + 1;
    const line = text.slice(prev, start - 1);
    start = prev;
    if (line.trim() === '' || indent(line) >= depth) continue;
    return DEPENDENCY_OBJECT.test(line);
  }
  return false;
}

/** Lines of a lockfile that carry hashes or download URLs. */
export const LOCKFILE_HASH_LINE = /integrity|resolved|checksum|sha\d{1,3}[-:]|h1:|"hash"|tarball|"?shasum/i;

const SOURCE_EXTS = new Set([
  'js',
  'mjs',
  'cjs',
  'jsx',
  'ts',
  'mts',
  'cts',
  'tsx',
  'py',
  'go',
  'java',
  'kt',
  'kts',
  'scala',
  'rb',
  'php',
  'cs',
  'fs',
  'vb',
  'swift',
  'm',
  'mm',
  'c',
  'h',
  'cc',
  'cpp',
  'hpp',
  'rs',
  'dart',
  'lua',
  'pl',
  'groovy',
  'r',
  'jl',
  'ex',
  'exs',
  'erl',
  'clj',
  'hs',
  'ml',
  'vue',
  'svelte',
  'sol',
  // Source maps: JSON whose sourcesContent quotes the program's own code (`pass = !!val;`).
  'map',
  // Prose: an unquoted word after 'pass:' is a sentence, not a value.
  'md',
  'markdown',
  'rst',
  'adoc',
  'html',
  'htm',
  'css',
  'scss',
  'sass',
  'less',
  // Web page templates (a Pug view's inline script, EJS, Handlebars, Nunjucks): their values are code or markup.
  // Not ERB or Jinja's `.j2`, which also template configuration files (`password: hunter2` there is a value).
  'pug',
  'jade',
  'ejs',
  'hbs',
  'handlebars',
  'njk',
]);

/** True when the extension is a programming language or prose (where an unquoted right-hand side is not a value). */
export function isSourceCode(ext: string): boolean {
  return SOURCE_EXTS.has(ext);
}

// `#!/usr/bin/env node`, `#!/usr/bin/python3 -u`, `#!/usr/bin/env -S deno run`: an interpreter whose
// language writes its values quoted. Shells are left out: `PASSWORD=hunter2` in a shell script is a value.
const SOURCE_SHEBANG =
  /^#![ \t]*\/\S*\/(?:env[ \t]+(?:-\S+[ \t]+)*)?(?:node(?:js)?|deno|bun|ts-node|tsx|python[\d.]*|pypy[\d.]*|ruby|perl[\d.]*|php[\d.]*)(?=[\s]|$)/;

/**
 * True for a file without an extension whose first line names an interpreter of a programming language
 * (the `bin/` scripts of npm and Python packages): it is program source, not a configuration file.
 */
export function isSourceScript(ext: string, bytes: Buffer): boolean {
  if (ext !== '' || bytes[0] !== 0x23 || bytes[1] !== 0x21) return false;
  const end = bytes.indexOf(0x0a);
  return SOURCE_SHEBANG.test(
    bytes.toString('latin1', 0, end < 0 ? Math.min(bytes.length, 200) : Math.min(end, 200)),
  );
}

/**
 * True for upper-case words joined by `_` or `-` (`__ES6-PROMISIFY--CUSTOM-ARGUMENTS__`,
 * `APP_SESSION_COOKIE_NAME`): the name of a constant or a sentinel. A generated key in upper-case groups
 * (`HK29-QZ7P-XW4M-L8RT`) mixes digits into its groups or keeps them one length; this spells at least
 * two words of letters with a vowel, of different lengths.
 */
export function isConstantName(value: string): boolean {
  if (!/^_*[A-Z][A-Z0-9]*(?:[-_]+[A-Z][A-Z0-9]*)+_*$/.test(value)) return false;
  const words = value.split(/[-_]+/).filter(Boolean);
  const spelled = words.filter((w) => /^[A-Z]{4,}$/.test(w) && /[AEIOU]/.test(w));
  return spelled.length >= 2 && new Set(words.map((w) => w.length)).size > 1;
}

// A Python object reference, `package.module:attribute` (setuptools entry points, `gunicorn app.main:app`).
const CODE_VALUE =
  /[()[\]{}]|^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$|^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$|^(?:string|str|number|int|bool|boolean|null|none|nil|undefined|true|false|required|optional|bytes|secret|password|text|char|varchar)$/i;

/** True when an unquoted value reads as code or a type rather than data. */
export function looksLikeCode(value: string): boolean {
  return CODE_VALUE.test(value);
}

export { isTranslationFile } from '../../core/file-role.js';

// A digest and its salt in base64, one after the other (`<44 characters ending =><24 ending ==>`: a 32-byte
// PBKDF2 digest, then its 16-byte salt, as a users file stores them); the padding inside marks two pieces.
const DIGEST_AND_SALT =
  /^(?:[A-Za-z0-9+/]{27}=|[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{86}==)(?:[A-Za-z0-9+/]{11}=|[A-Za-z0-9+/]{22}==|[A-Za-z0-9+/]{43}=)$/;

const HASH_VALUE =
  /^(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{56}|[a-f0-9]{64}|[a-f0-9]{96}|[a-f0-9]{128}|\{(?:SHA|SSHA|SHA256|SSHA256|SHA512|SSHA512|MD5|SMD5|CRYPT|PBKDF2[\w-]*)\}.+|(?:pbkdf2_sha\d+|bcrypt(?:_sha256)?|argon2i?d?|scrypt|sha\d+|md5)[$:].+|\$(?:2[abxy]?|5|6|argon2i?d?|scrypt|pbkdf2[\w-]*|y|gy|7)\$.+)$/i;

/** True when a value is a password hash or digest rather than a password. */
export function isHashValue(value: string): boolean {
  return HASH_VALUE.test(value) || DIGEST_AND_SALT.test(value);
}

/**
 * True for a lower-case dotted name (`meta.odd-tab.group1`, `markup.heading.1`, `com.acme.app`): an editor
 * theme's token scope, a message key or a package name. Generated secrets mix cases or carry no dots.
 */
export function isDottedName(value: string): boolean {
  return /^[a-z][a-z0-9_-]{0,40}(?:\.[a-z0-9_-]{1,40}){1,10}$/.test(value);
}

/** True for words of natural language (a label or translation: `Contraseña`, `Mot de passe`). */
export function isNaturalWord(value: string): boolean {
  // Letters only, with at least one outside ASCII: a word in some language, not a credential. Scripts
  // that write vowels as combining marks (Bengali, Thai, Hindi) and a sentence's own punctuation
  // ("パスワードを忘れましたか？") count as part of the word; digits and symbols do not.
  // ASCII symbols that passwords are made of (# % & * @ / and backslash) are not a sentence's punctuation.
  return /^\p{L}(?:[\p{L}\p{M}\p{Pd}]|(?![#%&*@/\\])\p{Po})*$/u.test(value) && /[\u0080-\uffff]/.test(value);
}

// An entry of a translation table: a quoted dotted message key (`"users.label_password"`) and its text.
const CATALOGUE_ENTRY = /["'][\w-]+(?:\.[\w-]+)+["']\s{0,3}:\s{0,3}(["'`])([^"'`\n]{0,300})\1/g;
const DOTTED_KEY_OPEN = /["'](?:[\w-]+\.)+[\w-]*$/;
const WORD = /^[\p{L}\p{M}][\p{L}\p{M}'’-]*$/u;
/** Two letters running in a script other than Latin (`PKCS#12証明書のパスフレーズ`): a text, whatever else it holds. */
const OTHER_SCRIPT = /(?:(?!\p{Script=Latin})\p{L}){2}/u;

/**
 * True when the match is a message of a translation table written as code or data that no path names as one
 * (a bundler's chunk of an app's catalogue: `{"users.label_new_password":`Nova Senha`,"users.label_password":
 * `Senha`, …}`): its value is a word, its key is a dotted message key, and the entries around it are at least
 * six such keys, three of them with texts of several words. A configuration with dotted keys (`"db.password": "…"`)
 * has values without spaces, and a password with a digit or a symbol is kept among prose.
 */
export function inTranslationTable(m: MatchContext): boolean {
  // The word in another language is letters (`Senha`, `Palavra-passe`), or a text in another script
  // (`PKCS#12証明書のパスフレーズ`): a Latin value with digits or symbols is a password, also in a one-line
  // configuration whose other values are prose.
  if (!WORD.test(m.secret) && !OTHER_SCRIPT.test(m.secret)) return false;
  if (!DOTTED_KEY_OPEN.test(m.before.slice(-80))) return false;
  let entries = 0;
  let prose = 0;
  for (const e of m.line.matchAll(CATALOGUE_ENTRY)) {
    entries++;
    if (/\p{L}\s+\p{L}/u.test(e[2] ?? '')) prose++;
    if (entries >= 6 && prose >= 3) return true;
  }
  return false;
}

/** True for a value that is a piece of string building (`"… AND password='" + password + "'"`). */
export function isStringBuilding(value: string): boolean {
  return /^["'`+]|["'`+]$|["'`]\s{0,3}\+|\+\s{0,3}["'`]|\$\{|#\{|\{\{|%s|%\(/.test(value);
}

// Configuration formats whose `#` lines (and ini's `;` lines) are comments (`glances.conf`,
// `mailman.cfg.sample`, `.env`, YAML).
export const CONFIG_FILE =
  /\.(?:conf|cfg|cnf|ini|properties|ya?ml|toml|env)(?:\.(?:sample|example|dist|default|orig|tmpl|template))?$|(?:^|\/)\.env(?:\.[\w-]+)?$/i;
// A template a program renders into a configuration file (`env-stub.liquid` → `.env`, `app.conf.j2`): its text
// outside the template's tags is copied to that file as it stands, a `#` line staying a comment its reader skips.
export const CONFIG_TEMPLATE =
  /(?:\.(?:conf|cfg|cnf|ini|properties|ya?ml|toml|env)|(?:^|[/._-])env(?:[._-][\w-]+)?)\.(?:liquid|j2|jinja2?|mustache|hbs|njk|tmpl|tpl|erb|ejs)$/i;
// A JSON configuration (`config.json`, `config/default.json`, an installer's template of it): its objects are
// blocks as an indented YAML mapping is, the members of one at one indentation.
export const JSON_CONFIG = /\.json5?(?:\.(?:sample|example|dist|default|tmpl|template))?$/i;

/**
 * A value in a configuration file's block for a service on this machine (inLocalServiceBlock, below); with
 * `defaults`, also one in program source inside a dictionary of the program's configuration defaults that names
 * this machine as its host (core/config-default.ts `localDefaultLines`: the same section written as code).
 */
export function localConfigBlock(m: MatchContext, defaults = false): boolean {
  if (m.sourceCode) return defaults && inLocalDefaults(m);
  return (
    !m.sourceCode &&
    (CONFIG_FILE.test(m.path) || JSON_CONFIG.test(m.path)) &&
    inLocalServiceBlock(m.around(), m.line, assignedName(m))
  );
}

// The name a configuration line assigns the match to (`DB_PASSWORD=`, `"password": "`), at the end of its text.
const ASSIGNED_NAME = /([\w.-]+)["']?\s{0,3}[:=]\s{0,3}["']?$/;

/** The setting's name the match is the value of, read from the last 100 characters before it on its line. */
function assignedName(m: MatchContext): string | undefined {
  const at = m.line.indexOf(m.secret);
  return at <= 0 ? undefined : ASSIGNED_NAME.exec(m.line.slice(Math.max(0, at - 100), at))?.[1];
}

function inLocalDefaults(m: MatchContext): boolean {
  const text = m.fileText();
  const at = m.offset();
  if (at === undefined || text === '') return false;
  const lines = localDefaultLines(text);
  if (lines.size === 0) return false;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return lines.has(line);
}

const BLOCK_LIMIT = 15;

/**
 * True when every copy of `line` in `text` (the lines around a match) sits in a block of configuration that
 * names localhost as its host: the lines around it up to a blank line, an ini `[section]` header or a
 * shallower indentation (a YAML parent), at most 15 each way. A credential there reaches a service on the
 * same machine only: a sample configuration's section for the user's own local database or broker.
 */
export function inLocalServiceBlock(text: string, line: string, name?: string): boolean {
  const blocks = blocksAround(text, line, BLOCK_LIMIT);
  return (
    blocks.length > 0 &&
    blocks.every(
      (block) => namesOnlyThisMachine(block) && (name === undefined || settingOfLocalService(block, name)),
    )
  );
}
