import { roleFromPath } from '../../core/file-role.js';
import type { MatchContext, Verdict } from './types.js';

// Documentation: a documentation page or tree, or an example kept in one (`usr/share/doc/<package>/examples/`).
const DOC_PAGE =
  /(?:^|\/)(?:docs?|documentation)\/|\.(?:md|markdown|rst|adoc)(?:\.txt)?$|(?:^|\/)readme(?:\.[a-z]{1,8})?$/i;
const DOC_TREE = /(?:^|\/)(?:docs?|documentation)\//i;
// An address on the reader's own machine or private network.
const LOCAL_ADDRESS =
  'localhost|127\\.0\\.0\\.1|\\[?::1\\]?|0\\.0\\.0\\.0|10(?:\\.\\d{1,3}){3}|192\\.168(?:\\.\\d{1,3}){2}|172\\.(?:1[6-9]|2\\d|3[01])(?:\\.\\d{1,3}){2}';
// A host setting or a URL's host naming such an address (`"host": "127.0.0.1"`, `@192.168.0.149:554`).
const LOCAL_SERVICE = new RegExp(
  `(?:host|hostname|server|address|addr|listen)["']?\\s{0,3}[:=]\\s{0,3}["']?(?:${LOCAL_ADDRESS})(?![\\w.])|@(?:${LOCAL_ADDRESS})(?![\\w.])`,
  'i',
);

/**
 * True when a documentation page, or an example kept in a documentation tree, shows the match beside a host on
 * the reader's own machine or private network (within the lines around it): a sample connection to the
 * reader's own database, broker or camera (`mysql://supysonic:supysonic@localhost/…`, `"host": "127.0.0.1"`
 * above `"password": "hello"`), whose password the reader sets. The checks drop a weak one there.
 */
export function localSampleInDocs(m: MatchContext): boolean {
  const doc = DOC_PAGE.test(m.path) || (roleFromPath(m.path) === 'example' && DOC_TREE.test(m.path));
  return doc && (LOCAL_SERVICE.test(m.line) || LOCAL_SERVICE.test(m.around()));
}

/** A doctest's prompt line (`>>> parse('http://user:pw@localhost/')`): an example the documentation runs as a test. */
const DOCTEST_LINE = /^\s*(?:>>>|\.\.\.)\s/;

/**
 * A match on a doctest's prompt line is a test's own: kept, lowered to low (findings in tests are kept but
 * lowered); elsewhere the verdict as it is.
 */
export function lowerInDoctest(m: MatchContext, v: Exclude<Verdict, false>): Exclude<Verdict, false> {
  if (!DOCTEST_LINE.test(m.line)) return v;
  const note = 'in a doctest (an example the documentation runs as a test)';
  return { ...v, severity: 'low', confidence: 'low', note: v.note ? `${v.note}; ${note}` : note };
}
