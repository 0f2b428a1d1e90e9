import { maskSecret } from './mask.js';

/**
 * Credentials wherever they sit in text that an analyzer quotes (a snippet, a message, a URL in a
 * lockfile): URL user information, `-u user:pass`, Authorization headers, secret-named assignments and
 * options, basic-auth tuples, well-known token shapes and private-key bodies. Every analyzer's findings
 * pass through `maskCredentials`, so a rule about something else (a `curl | sh`, a plain-HTTP registry)
 * never prints the token that happens to sit on its line.
 *
 * Every pattern is linear: counted or class-bounded repetitions only, no nested quantifiers, so a
 * hostile snippet cannot make masking slow.
 */

const MASKED = '*****';

/** True when the value is already a mask, a reference to a value kept elsewhere, or too short to matter. */
function keep(value: string): boolean {
  const v = value.trim();
  if (v.length < 3 || v.includes(MASKED)) return true;
  // References: $VAR, ${VAR}, ${{ secrets.X }}, %VAR%, {{ .Values.x }}, <placeholder>.
  return /^(?:\$|%[A-Za-z_]|\{\{|<[A-Za-z_-]{1,40}>$)/.test(v);
}

function mask(value: string): string {
  return keep(value) ? value : maskSecret(value);
}

/** A user name that is itself a token (`https://ghp_…@github.com`, `https://<40 hex>@host`). */
function tokenLikeUser(user: string): boolean {
  if (TOKEN_PREFIX.test(user)) return true;
  return user.length >= 16 && /[0-9]/.test(user) && /[A-Za-z]/.test(user);
}

// Well-known credential shapes: the prefix itself is the evidence, wherever they appear.
const TOKEN_SHAPES =
  /\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{40,255}|glpat-[A-Za-z0-9_-]{20,64}|gl(?:dt|rt|cbt|ptt|ft|imt|agent|oas|soat)-[A-Za-z0-9_-]{20,64}|xox[abposr]-[A-Za-z0-9-]{10,255}|(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z2-7]{16}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,255}|npm_[A-Za-z0-9]{36}|AIza[A-Za-z0-9_-]{35}|SG\.[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{16,64}|hf_[A-Za-z0-9]{30,64}|sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,255}|dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,64}|pypi-[A-Za-z0-9_-]{50,255}|eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{10,2000})/g;
const TOKEN_PREFIX =
  /^(?:gh[pousr]_|github_pat_|glpat-|xox[abposr]-|(?:AKIA|ASIA)[A-Z2-7]{8}|[sr]k_(?:live|test)_|npm_|AIza|hf_|sk-|dckr_|pypi-)/;

// scheme://user:password@host and scheme://token@host. The scheme is bounded so a long word costs little.
const URL_USERINFO =
  /\b([A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/)([^\s/@:'"`<>()[\]{}]{1,512})(?::([^\s/@'"`<>]{0,512}))?@/g;

// curl -u user:pass, --user user:pass, --proxy-user, wget --http-password=…
const USER_OPTION =
  /((?:^|[\s'"=])(?:-u|-U|--user|--proxy-user)(?:\s{1,5}|=)["']?)([^\s:'"]{0,256}):([^\s'"]{1,512})/g;
const PASSWORD_OPTION =
  /((?:^|\s)--?(?:password|passwd|pass|http-password|ftp-password|proxy-password|token|access-token|auth-token|api-key|apikey|secret|client-secret)(?:\s{1,5}|=)["']?)([^\s'"]{1,512})/gi;

// Authorization: Bearer x / Basic x / token x, and API-key headers (-H "PRIVATE-TOKEN: x").
const AUTH_HEADER =
  /((?:authorization|proxy-authorization)["']?\s{0,5}[:=,]\s{0,5}["']?((?:bearer|basic|token|bot|digest|negotiate)\s{1,5})?)([^\s'"`,;)}\]]{1,4096})/gi;
const KEY_HEADER =
  /((?:private-token|job-token|deploy-token|x-api-key|api-key|x-auth-token|x-access-token|x-gitlab-token|x-vault-token|circle-token|x-figma-token)["']?\s{0,5}:\s{0,5})([^\s'"`,;)}\]]{1,4096})/gi;

// name = "value", name: value, ?token=value — for names that say the value is a secret.
const SECRET_ASSIGN =
  /((?:passw(?:or)?d|passwort|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|private[_-]?key|signing[_-]?key|credentials?|_auth)[A-Za-z0-9_]{0,30}["']?\s{0,5}(?::=|=>|=|:)\s{0,5})(?:(["'`])([^"'`\r\n]{1,4096})\2|([^\s"'`,;&)}\]<>]{1,4096}))/gi;

// auth=('user', 'pass'), HTTPBasicAuth('user', 'pass'), (user, "pass") after an auth word.
const AUTH_TUPLE =
  /((?:auth|basicauth|httpbasicauth|httpdigestauth|credentials)\s{0,5}(?:=\s{0,5})?[([]\s{0,5}(["'])[^"'\r\n]{0,256}\2\s{0,5},\s{0,5})(["'])([^"'\r\n]{1,1024})\3/gi;

// Prose: "token abc…", "password is …" followed by a long random-looking word.
const PROSE_SECRET =
  /((?:token|secret|passw(?:or)?d|api[ _-]?key|access[ _-]?key)\s{1,3}(?:(?:is|was|of|for|=)\s{1,3})?)([A-Za-z0-9_+/=.-]{16,512})/gi;

// A private key block: everything between the markers.
const PEM_BODY = /(-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----)([^-]{1,100000})(-----END)/g;

/** True for an unquoted right-hand side that reads as code, a type or a word rather than a value. */
function codeLike(v: string): boolean {
  // A member access, an index or a call (req.body.password, os.environ["X"], getenv(…)).
  if (/^[A-Za-z_$][\w$]*(?:(?:\.|\?\.)[A-Za-z_$][\w$]*|\[[^\]]{0,80}\])+(?:\(.*)?$/.test(v)) return true;
  if (/^[A-Za-z_$][\w$.]*\(/.test(v) || /^[A-Za-z_$]+$/.test(v)) return true;
  return /^(?:true|false|null|none|nil|undefined|required|optional)$/i.test(v);
}

// Titles, remediations and many messages and snippets repeat across thousands of findings: each
// distinct short text is masked once per process. The table is bounded (cleared when full).
const memo = new Map<string, string>();
const MEMO_ENTRIES = 20_000;
const MEMO_TEXT = 2_000;

/** Masks every credential the patterns above recognise in `text`; everything else is left as it was. */
export function maskCredentials(text: string): string {
  if (text.length === 0) return text;
  if (text.length > MEMO_TEXT) return maskAll(text);
  const known = memo.get(text);
  if (known !== undefined) return known;
  const out = maskAll(text);
  if (memo.size >= MEMO_ENTRIES) memo.clear();
  memo.set(text, out);
  return out;
}

function maskAll(text: string): string {
  let out = text;
  out = out.replace(PEM_BODY, (_m, a: string, body: string, z: string) =>
    body.trim() === '' || body.includes(MASKED) ? `${a}${body}${z}` : `${a}${MASKED}${z}`,
  );
  out = out.replace(URL_USERINFO, (_m, scheme: string, user: string, pass: string | undefined) => {
    const u = tokenLikeUser(user) ? mask(user) : user;
    return pass === undefined ? `${scheme}${u}@` : `${scheme}${u}:${mask(pass)}@`;
  });
  out = out.replace(
    USER_OPTION,
    (_m, head: string, user: string, pass: string) => `${head}${user}:${mask(pass)}`,
  );
  out = out.replace(PASSWORD_OPTION, (_m, head: string, v: string) => `${head}${mask(v)}`);
  out = out.replace(AUTH_HEADER, (m: string, head: string, scheme: string | undefined, v: string) =>
    scheme === undefined && codeLike(v) ? m : `${head}${mask(v)}`,
  );
  out = out.replace(KEY_HEADER, (m: string, head: string, v: string) =>
    codeLike(v) ? m : `${head}${mask(v)}`,
  );
  out = out.replace(
    AUTH_TUPLE,
    (_m, head: string, _q: string, q: string, v: string) => `${head}${q}${mask(v)}${q}`,
  );
  out = out.replace(
    SECRET_ASSIGN,
    (
      m: string,
      head: string,
      q: string | undefined,
      quoted: string | undefined,
      bare: string | undefined,
    ) => {
      if (quoted !== undefined) return `${head}${q}${maskQuoted(quoted)}${q}`;
      if (bare === undefined || codeLike(bare) || !/[0-9]/.test(bare)) return m;
      return `${head}${mask(bare)}`;
    },
  );
  out = out.replace(PROSE_SECRET, (m: string, head: string, v: string) =>
    /[0-9]/.test(v) && /[A-Za-z]/.test(v) && !v.includes('.') ? `${head}${mask(v)}` : m,
  );
  out = out.replace(TOKEN_SHAPES, (t) => mask(t));
  return out;
}

/** A quoted value of a secret-named key: masked unless it is a reference, a template or plain words. */
function maskQuoted(v: string): string {
  // Interpolations and string building (`"…" + password + "…"`, f-strings) carry no literal secret.
  if (/\$\{|\{\{|#\{|%s|%\(|\{[A-Za-z_][\w.]*\}/.test(v) || /\s/.test(v.trim())) return v;
  return mask(v);
}

// Names of algorithms and encodings passed beside a key: not secret, and what a reader needs to see.
const ALGORITHM =
  /^(?:aes|des|3des|rc4|chacha20|sha\d*|md5|hmac|blowfish|camellia|bf|sm4|hs\d{3}|rs\d{3}|es\d{3}|ps\d{3}|utf-?8|hex|base64|latin1|ascii|binary)(?:[-_][\w-]{0,30})?$/i;

/** Masks a literal quoted in code (a key passed to a cipher, a session secret): every string of 4+ characters. */
export function maskStringLiterals(text: string): string {
  return text.replace(
    /((?:^|[^A-Za-z0-9_])[bBrRuUfF]{0,2})(["'`])([^"'`\r\n]{4,4096})\2/g,
    (m: string, pre: string, q: string, v: string) =>
      keep(v) || ALGORITHM.test(v) || /\s/.test(v) ? m : `${pre}${q}${maskSecret(v)}${q}`,
  );
}
