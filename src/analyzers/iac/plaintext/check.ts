import type { SourceFile } from '../../../core/analyzer.js';
import type { RawFinding } from '../../../core/finding.js';
import { Reporter } from '../common.js';
import { roleFromPath } from '../../../core/file-role.js';
import { PLAINTEXT_URL } from './rules.js';
import { isCassetteHead } from '../../secrets/cassette.js';
import { isDocumentationHost } from './documentation-host.js';

const URL_RE = /\b(https?|ftp|telnet|ldap):\/\/([^\s"'<>`\\)\]},;|]{0,300})/gi;
// The names and addresses reserved for documentation (`example.com`, `.test`, `.invalid`, 192.0.2.0/24, …) are
// documentation-host.ts's; these are this machine's, a private network's and sample names people make up.
const LOCAL_HOST =
  /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[?::1?\]?|169\.254\.\d{1,3}\.\d{1,3}|host\.docker\.internal|[^.]{1,63}|.{0,200}\.(?:localhost|local|internal|svc|cluster\.local|localdomain|lan|home\.arpa))$/i;
const EXAMPLE_HOST = /(?:^|\.)(?:example|sample|dummy|foo|bar)\.[a-z]{2,6}$/i;
/** Hosts that appear as XML namespaces, schema ids and licence references, never fetched as endpoints. */
const IDENTIFIER_HOSTS = new Set([
  'www.w3.org',
  'w3.org',
  'json-schema.org',
  'schemas.xmlsoap.org',
  'schemas.microsoft.com',
  'schemas.openxmlformats.org',
  'purl.org',
  'xmlns.com',
  'schema.org',
  'java.sun.com',
  'xmlns.jcp.org',
  'maven.apache.org',
  'www.springframework.org',
  'docs.oasis-open.org',
  'ns.adobe.com',
  'www.apache.org',
  'opensource.org',
  'creativecommons.org',
  'json.schemastore.org',
  'yaml.org',
  'www.omg.org',
  'relaxng.org',
  'www.opengis.net',
  'xml.org',
  'www.xml.org',
  'schemas.android.com',
  'www.sitemaps.org',
  'ogp.me',
  'rdfs.org',
  'xmlns.oracle.com',
  'docbook.org',
  'cs.opensource.google',
  'www.gnu.org',
]);
/**
 * Keys whose values are documentation links or identifiers, not endpoints the software connects to. An OGC
 * service's `online_resource`/`OnlineResource` is the link its capabilities document prints for clients to read.
 */
const DOC_KEY =
  /(?:^|[\s"'{,_.-])(?:\$schema|\$id|xmlns(?::\w{1,40})?|namespace|ns|homepage|home_page|license|licen[cs]e_url|documentation|docs?|docs_url|help|help_url|wiki|repository|bugs|website|description|comment|author|changelog|issues|funding|see|link|links|references?|about|info_url|schema|schema_location|schemaLocation|targetNamespace|identifier|@context|@id|@type|tag|home|icon|sources|href|xlink:href|label|title|text|message|tooltip|placeholder|caption|summary|online_?resource)["']?\s{0,4}[:=]/i;

/**
 * HTTP headers whose value names a site rather than a server the program talks to: the `Referer` a request
 * carries and the origin a CORS answer allows (`Access-Control-Allow-Origin`). The server compares such a value
 * with the browser's; nothing connects to it. Only the line's own key: another URL on the line (one-line JSON)
 * is still read, and a name that only ends in the word (`API_ORIGIN=`, `upstream_origin:`) is an endpoint.
 */
const SITE_HEADER = /^\s*(?:-\s+)?["']?(?:referr?er|access-control-allow-origin)["']?\s{0,4}[:=]/i;
/**
 * An `Origin` key, read as the header only under a YAML mapping of headers (a CORS test's `request_headers:`):
 * elsewhere `origin:` is as often the server a CDN or proxy connects to.
 */
const ORIGIN_KEY = /^\s*(?:-\s+)?["']?origin["']?\s{0,4}[:=]/i;
const HEADERS_PARENT = /header/i;

/** Generic top-level domains seen in practice; two-letter country codes are accepted as well. */
const PUBLIC_TLDS = new Set(
  (
    'com net org io dev app ai co biz info edu gov mil int cloud tech online site xyz me tv cc ly gg sh ' +
    'pro name mobi asia eu aero jobs travel shop store blog news media digital services solutions systems ' +
    'network software agency company group global world zone live today space website host link page ' +
    'click email support center tools codes build run gle google amazon aws azure microsoft apple'
  ).split(' '),
);

/** True when the host could be reached on the public internet (an IP address or a public TLD). */
function publicHost(host: string): boolean {
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)) return true;
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return /^[a-z]{2}$/.test(tld) || PUBLIC_TLDS.has(tld);
}

function hostOf(rest: string): string {
  let h = rest;
  const slash = h.search(/[/?#]/);
  if (slash >= 0) h = h.slice(0, slash);
  const at = h.lastIndexOf('@');
  if (at >= 0) h = h.slice(at + 1);
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d{0,5}$/, '').toLowerCase();
}

function commentStart(line: string, ext: string): number {
  if (ext === 'json') return -1;
  const t = line.trimStart();
  if (
    t.startsWith('#') ||
    t.startsWith(';') ||
    t.startsWith('//') ||
    (ext === 'properties' && t.startsWith('!'))
  )
    return 0;
  if (ext === 'ini' || ext === 'cfg' || ext === 'conf' || ext === 'properties') {
    // After a directive's closing `;` (nginx, BIND, Squid), `#` starts a comment; elsewhere in these
    // formats a `#` may belong to the value.
    const m = /;\s*#/.exec(line);
    return m ? m.index + 1 : -1;
  }
  const i = line.search(/\s#/);
  return i;
}

// Commands that make the connection themselves: `curl http://…` is a plain endpoint, not a sentence.
const CLIENT_COMMAND = /^(?:curl|wget|nc|ncat|ftp|telnet|http|https|fetch|ldapsearch|ldapwhoami)$/i;

/**
 * The value the URL sits in: the quoted string around it, else what follows the key's `:` or `=`.
 * Text shown to people (a label, a sentence with a link, HTML markup) is not a connection the program
 * makes; a value that is only the URL, or a command that fetches it, is.
 */
function isProse(line: string, start: number, end: number): boolean {
  let from = -1;
  let to = line.length;
  for (let i = start - 1; i >= 0; i--) {
    const ch = line[i]!;
    if ((ch === '"' || ch === "'" || ch === '`') && line[i - 1] !== '\\') {
      const close = line.indexOf(ch, end);
      if (close >= 0) {
        from = i + 1;
        to = close;
      }
      break;
    }
  }
  if (from < 0) {
    const sep = Math.max(line.lastIndexOf(':', start - 1), line.lastIndexOf('=', start - 1));
    // `key: value` (not the `http:` of the URL itself, which starts at `start`).
    from = sep >= 0 && sep < start ? sep + 1 : 0;
  }
  const value = line.slice(from, to);
  if (/<\/?[a-z][^>]{0,200}>/i.test(value)) return true;
  const words = (line.slice(from, start) + ' ' + line.slice(end, to))
    .split(/\s+/)
    .filter((w) => /^\p{L}{2,}[.,;:!?]?$/u.test(w));
  if (words.length < 2) return false;
  const first = line.slice(from, start).trim().split(/\s+/)[0] ?? '';
  return !CLIENT_COMMAND.test(first);
}

/**
 * A header line of a message the value spells out with `\n` escapes (a mail or abuse report an action composes:
 * `report = …\nSource: $IP\nSchema-URL: http://…\n…`): the URL is a field of the text the recipient reads, not a
 * connection the program makes. Only right after an escaped line break and a header name: a command or a plain
 * value (`url = http://…`, `curl http://…\n`) has none.
 */
const MESSAGE_HEADER_BEFORE = /\\n[A-Za-z][\w-]{0,60}:[ \t]*$/;

/**
 * More distinct public hosts than this in one file's plaintext URLs make it a table of links (a search
 * engine's bang or site list, bookmarks, a directory of feeds or mirrors): the sites' own schemes, data the
 * program shows or sends the user to, not the few endpoints a configuration connects to.
 */
const CATALOGUE_HOSTS = 20;

const DOC_TREE = /(?:^|\/)(?:docs?|documentation)\//i;
const YAML = /^ya?ml$/;

/**
 * The YAML line that holds line `i`'s mapping (`license:` above `  url: http://…`): the nearest line above
 * with less indentation, or '' at the top level. A documentation key there makes its `url` a link too.
 */
function parentKey(lines: readonly string[], i: number): string {
  const line = lines[i]!;
  const depth = line.length - line.trimStart().length;
  if (depth === 0) return '';
  for (let j = i - 1; j >= 0 && i - j <= 50; j--) {
    const l = lines[j]!;
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    if (l.length - l.trimStart().length < depth) return l;
  }
  return '';
}

/**
 * The lines (0-based) of an XML or SGML `<!DOCTYPE …>` declaration, up to its `>` or internal subset `[`, each
 * with how many of its characters the declaration holds (all but on its last line): its URL is the document
 * type's system identifier (`"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd"`), a name a
 * validating parser may look up in a catalogue; the program reading the file connects to nothing. What
 * follows on the declaration's last line (`<!DOCTYPE html><script src="http://…">`, an entity of the
 * internal subset) is read as any other text.
 */
function doctypeLines(text: string): Map<number, number> {
  const out = new Map<number, number>();
  const open = /<!DOCTYPE\b/gi;
  // Lines are counted forwards once, from one declaration to the next (a file is hostile input).
  let at = 0;
  let line = 0;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    for (let nl = text.indexOf('\n', at); nl !== -1 && nl < m.index; nl = text.indexOf('\n', nl + 1)) line++;
    const rest = text.slice(m.index, m.index + 2000);
    const end = rest.search(/[>[]/);
    const decl = end === -1 ? rest : rest.slice(0, end);
    const count = decl.split('\n').length;
    for (let k = 0; k < count - 1; k++) out.set(line + k, Infinity);
    // The last line: up to the declaration's end, counted from the line's start.
    const lineStart = text.lastIndexOf('\n', m.index + decl.length - 1) + 1;
    out.set(line + count - 1, m.index + decl.length + 1 - lineStart);
    line += count - 1;
    at = m.index + decl.length;
    open.lastIndex = at;
  }
  return out;
}

/**
 * Reports plaintext-protocol URLs to remote hosts in a configuration file, skipping comments and identifiers.
 * `testRole` is the role the scan gives the file when it is a test's or a fixture's (the user's role globs read):
 * its URLs are the opt-in audit profile's, reported only when `audit` is set. A test's configuration is read by
 * the test suite in its own environment, never by the deployed program, so no deployment's traffic crosses in
 * clear (stop 57: 1 true of 4 judged on the accuracy bench — a test container's proxy — beside a dummy
 * archiver's base URL, a test copy of a repository URL the tests never fetch, and a public test image).
 */
export function checkPlaintext(file: SourceFile, testRole = false, audit = false): RawFinding[] {
  if (!/(?:https?|ftp|telnet|ldap):\/\//i.test(file.text)) return [];
  if (testRole && !audit) return [];
  // Translation catalogues and documentation hold links shown to people, not endpoints the software uses.
  // So do examples kept in a documentation tree (`usr/share/doc/<package>/examples/`, `docs/examples/`):
  // sample configurations for a reader to adapt, whose links are the sample's.
  const role = roleFromPath(file.path);
  if (role === 'i18n' || role === 'docs' || (role === 'example' && DOC_TREE.test(file.path))) return [];
  // A recorded HTTP interaction (a test's cassette, secrets/cassette.ts) is the record of a request the tests
  // made and now replay without connecting: the connection, if any, is the test code's that names the URL.
  if (isCassetteHead(file.text.slice(0, 4000))) return [];
  const rep = new Reporter(file);
  const ext = file.ext === '' || file.name.startsWith('.env') ? 'env' : file.ext;
  const lines = file.lines();
  const hosts = new Set<string>();
  // The scheme of each finding, in order: a table of links keeps only its non-web links, lowered.
  const schemes: string[] = [];
  const doctype = doctypeLines(file.text);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    // A DOCTYPE's identifiers are blanked (positions kept), what follows it on the line is read.
    const declared = doctype.get(i);
    if (declared !== undefined) line = ' '.repeat(Math.min(declared, line.length)) + line.slice(declared);
    if (line.length > 4000 || !line.includes('://')) continue;
    const c = commentStart(line, ext);
    if (c === 0) continue;
    if (c > 0) line = line.slice(0, c);
    if (
      DOC_KEY.test(line) ||
      SITE_HEADER.test(line) ||
      (YAML.test(ext) && ORIGIN_KEY.test(line) && HEADERS_PARENT.test(parentKey(lines, i))) ||
      (YAML.test(ext) && DOC_KEY.test(parentKey(lines, i)))
    )
      continue;
    URL_RE.lastIndex = 0;
    for (let m = URL_RE.exec(line); m; m = URL_RE.exec(line)) {
      const scheme = m[1]!.toLowerCase();
      if (scheme === 'https') continue;
      if (isProse(line, m.index, m.index + m[0].length)) continue;
      if (MESSAGE_HEADER_BEFORE.test(line.slice(Math.max(0, m.index - 80), m.index))) continue;
      const rest = m[2] ?? '';
      const host = hostOf(rest);
      if (host === '' || /[$%{}<>*]/.test(host) || host.startsWith('_') || !/[a-z0-9]/.test(host)) continue;
      if (
        LOCAL_HOST.test(host) ||
        EXAMPLE_HOST.test(host) ||
        isDocumentationHost(host) ||
        IDENTIFIER_HOSTS.has(host)
      )
        continue;
      // `service.namespace` and other cluster-internal names have no public top-level domain.
      if (!publicHost(host)) continue;
      hosts.add(host);
      const at = rest.search(/@/);
      const userinfo = at >= 0 && at < rest.search(/[/?#]|$/) ? rest.slice(0, at) : '';
      const password = userinfo.includes(':') ? userinfo.slice(userinfo.indexOf(':') + 1) : '';
      const path = rest
        .slice(userinfo ? at + 1 : 0)
        .replace(/[?#].*$/, '')
        .slice(0, 200);
      rep.add(
        PLAINTEXT_URL,
        i + 1,
        `${scheme}:// connection to ${host} is not encrypted.`,
        `${scheme}://${path}`,
        {
          ...(scheme === 'http' ? {} : { severity: 'high' as const }),
          ...(password.length >= 3 ? { secret: password } : {}),
        },
      );
      schemes.push(scheme);
    }
  }
  if (hosts.size <= CATALOGUE_HOSTS) return rep.findings;
  // In a table of links, an ftp://, telnet:// or ldap:// link is still a link the program shows, but a
  // protocol that sends a login in clear: kept, lowered to low, with the table's size in the message.
  return rep.findings.flatMap((f, k) =>
    schemes[k] === 'http'
      ? []
      : [
          {
            ...f,
            severity: 'low' as const,
            message: `${f.message} It is one of ${hosts.size} sites linked from this file (a table of links).`,
          },
        ],
  );
}
