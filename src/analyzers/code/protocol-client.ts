import { escapeRegex } from './scope.js';

/**
 * A Python client computing the password digest a remote service's protocol asks for: Subsonic's token
 * `md5(password + salt)` sent as the `t` parameter, Emby's `password`/`passwordMd5` fields posted to its login.
 * The service fixes the algorithm, the client cannot choose another, and the digest goes out with the request: it
 * is not what the program keeps. No shape proves that no other module stores the returned digest, so the finding
 * is lowered one step with a note, never dropped.
 *
 * It holds when, all in the one module:
 * - the module sends HTTP requests with fields (`requests.post(url, data=…)`, `requests.get(url, params=…)`,
 *   httpx's or a session's the same) and answers none (no route, no request's form or body read: a server may keep
 *   the digest it makes) and stores nothing (no SQL `execute`, no ORM, database or pickle module, no `.save(`, no
 *   file opened for writing);
 * - the digest's line neither keeps it on an object (`self.password = md5(…)`, `user.password = …`) nor compares it
 *   (`==`, `!=`, `compare_digest`): a server checking what a client sent keeps both;
 * - the digest's function hands it back: the line is in a `return` (a dictionary of the request's fields) or assigns
 *   a local name that the function's `return` gives back (`token = md5(…)` then `return salt, token`), and the
 *   function is called in the module;
 * - or the function, called in the module, posts the fields itself and the digest is made in steps there
 *   (`h.update(password)`, then `payload['password'] = h.hexdigest()`; see postedInPlace);
 * - or the digest is only the key of a cipher: its statement assigns a name or an attribute (`self._key =
 *   bytes.fromhex(sha1(password + user).hexdigest()[:32])`, SimplePush's message key) that the module otherwise
 *   only resets to `None` and reads as the first argument of a cipher (`algorithms.AES(self._key)`,
 *   `AES.new(key, …)`), in a function the module calls. What that cipher makes can only go out with the
 *   module's requests (it stores nothing), so the key derivation is the remote protocol's, as a token is.
 *
 * Still reported at its level: a module that also stores (supysonic's user manager returns the same
 * `(sha1(salt + password), salt)` pair and imports its ORM), a server's digest of its own password kept on the
 * factory and compared with the client's, a digest written to a file or table, a module with no HTTP request.
 */

const SENDS_FIELDS =
  /\b(?:requests|httpx|session|self\.session|client|self\.client)\.(?:get|post|put|patch|request)\([^)]*\b(?:data|params|json)\s*=/s;

const SERVES_OR_STORES = [
  /^\s*@[\w.]+\.(?:route|get|post|put|patch|delete|api_route|websocket)\(/m,
  /\brequest\.(?:form|args|values|json|files|cookies|GET|POST|get_json|body)\b/,
  /\.(?:execute|executemany|Execute|save|insert_one|insert_many|update_one|set)\(/,
  /^\s*(?:from|import)\s+(?:sqlite3|sqlalchemy|django|peewee|pony|pymongo|psycopg2?|MySQLdb|pymysql|redis|shelve|pickle|dbm|tinydb)\b/m,
  /\bopen\([^)\n]*['"][^'"\n]*[wa+][^'"\n]*['"]/,
];

const KEEPS_OR_COMPARES = /^\s*[\w.]*\w\.\w+(?:\[[^\]]*\])?\s*=[^=]|[=!]=|\bcompare_digest\b/;

/** The `def` enclosing 0-based line `at` (the nearest one above with less indentation): its name and body's lines. */
function enclosingFunction(lines: string[], at: number): { name: string; body: string } | undefined {
  const indent = (s: string): number => s.length - s.trimStart().length;
  const own = indent(lines[at] ?? '');
  for (let i = at - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.trim() === '' || indent(l) >= own) continue;
    const m = /^\s*(?:async\s+)?def\s+(\w+)\s*\(/.exec(l);
    if (!m) {
      if (/^\s*class\s/.test(l) || indent(l) === 0) return undefined;
      continue;
    }
    const body: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[j]!.trim() !== '' && indent(lines[j]!) <= indent(l)) break;
      body.push(lines[j]!);
    }
    return { name: m[1]!, body: body.join('\n') };
  }
  return undefined;
}

// The key argument of a cipher: pyca's `algorithms.AES(k)` (and its other block and stream ciphers), PyCryptodome's
// `AES.new(k, …)`, `Fernet(k)`, the AEAD classes.
const CIPHER_CALL = String.raw`\b(?:AES|AES128|AES256|Camellia|ChaCha20|TripleDES|DES3|Blowfish|CAST5|SEED|SM4|ARC4|Salsa20|Fernet|AESGCM|AESCCM|AESOCB3|AESSIV|ChaCha20Poly1305)(?:\.new)?\(\s*`;

/**
 * True when the statement holding 0-based line `at` assigns the digest to a name or `self.` attribute that the
 * module otherwise only sets to `None` and reads as a cipher's key (see above). The statement opens on the first
 * line above `at` that does not continue an open bracket.
 */
function cipherKeyOnly(lines: string[], at: number): boolean {
  let start = at;
  while (start > 0 && /[([{,]\s*$/.test(lines[start - 1]!)) start--;
  const target = /^\s*((?:self\.)?\w+)\s*=[^=]/.exec(lines[start] ?? '')?.[1];
  if (target === undefined) return false;
  const name = escapeRegex(target);
  let keys = 0;
  for (const [i, l] of lines.entries()) {
    if (i === start) continue;
    const uses = l.match(new RegExp(String.raw`(?<![\w.])${name}\b`, 'g'))?.length ?? 0;
    if (uses === 0) continue;
    if (new RegExp(String.raw`^\s*${name}\s*=\s*None\s*(?:#.*)?$`).test(l)) continue;
    const asKey = l.match(new RegExp(CIPHER_CALL + String.raw`${name}\s*[,)]`, 'g'))?.length ?? 0;
    if (asKey !== uses) return false;
    keys += asKey;
  }
  return keys > 0;
}

/**
 * True when `line` makes or feeds a digest made in steps (`h = hashlib.sha1()`, then `h.update(password)`) in a function that
 * posts the request's fields itself (`payload['password'] = h.hexdigest()`, then `requests.post(url,
 * data=dumps(payload))`), and no line of it that reads the digest keeps it on an object or compares it.
 */
function postedInPlace(line: string, body: string): boolean {
  // The line feeding it, or the line making the empty digest object it feeds (`h = hashlib.sha1()`, where the
  // general weak-hash rule reports it).
  const fed = (/^\s*(\w+)\.update\(/.exec(line) ??
    /^\s*(\w+)\s*=\s*[\w.]*\(\s*\)\s*(?:#.*)?$/.exec(line))?.[1];
  if (fed === undefined || !SENDS_FIELDS.test(body)) return false;
  const read = new RegExp(String.raw`\b${fed}\.(?:hex)?digest\(`);
  const reads = body.split('\n').filter((l) => read.test(l));
  return reads.length > 0 && !reads.some((l) => KEEPS_OR_COMPARES.test(l));
}

/** True when the password digest at 1-based `lineNo` of `text` is a protocol client's field (see above). */
export function protocolClientDigest(text: string, lineNo: number): boolean {
  if (!SENDS_FIELDS.test(text) || SERVES_OR_STORES.some((re) => re.test(text))) return false;
  const lines = text.split(/\r?\n/);
  const line = lines[lineNo - 1] ?? '';
  const fn = enclosingFunction(lines, lineNo - 1);
  if (!fn) return false;
  // Called in the module (a method through `self.`/`cls.` or its class, a function by name), not only defined.
  const calls = text.match(new RegExp(String.raw`\b${fn.name}\s*\(`, 'g'))?.length ?? 0;
  if (calls < 2) return false;
  if (cipherKeyOnly(lines, lineNo - 1)) return true;
  if (KEEPS_OR_COMPARES.test(line)) return false;
  if (postedInPlace(line, fn.body)) return true;
  // The line is inside the function's `return`, or assigns a name that a `return` of the function gives back.
  let returned = false;
  for (let i = lineNo - 1; i >= 0 && !returned; i--) {
    const l = lines[i]!;
    if (i < lineNo - 1 && !/[([{,]\s*$/.test(l)) break;
    if (/^\s*return\b/.test(l)) returned = true;
  }
  const assigned = /^\s*(\w+)\s*=[^=]/.exec(line)?.[1];
  if (!returned && assigned !== undefined)
    returned = new RegExp(String.raw`^\s*return\b[^\n#]*\b${assigned}\b`, 'm').test(fn.body);
  return returned;
}

/** The note a lowered digest carries: why it is lowered and when it still matters. */
export const PROTOCOL_CLIENT_NOTE =
  "in a module that sends it as a field of its own HTTP requests, or only keys a cipher with it, and stores nothing, most likely the digest or key the remote service's protocol asks for (a Subsonic token, an Emby password field, SimplePush's message key); check it if another module stores it";
