import { isUtf8 } from 'node:buffer';
import RE2 from 're2';
import type { Confidence, Severity } from '../../core/finding.js';
import { maskSecret } from '../../core/mask.js';
import { isProseFileName } from '../../core/file-role.js';
import {
  LOCKFILE_HASH_LINE,
  entropy,
  isLockfile,
  isPlaceholder,
  isSourceCode,
  isSourceScript,
  isStructuredPlaceholder,
} from './filters.js';
import { prefilterOf } from './prefilter.js';
import { inCssModuleMap } from './css-module-map.js';
import { inStringStatement } from './string-statement.js';
import { WholeText } from './whole-text.js';
import type { SecretRule, Verdict } from './types.js';
import { isExpiredJwt, isExpiredPresignedKeyId, isExpiredTokenReply } from './spent-token.js';
import { inRecordedLoopback } from './cassette.js';

/** Rules of issuers a developer can run on their own machine, whose tokens a local server recorded are its own. */
const SELF_HOSTABLE = /^secrets\/gitlab-/;

/** One secret found in a buffer, located and ready to become a finding. */
export interface Detection {
  rule: SecretRule;
  /** The rule id to report under (a check may redirect, e.g. to the weak-password rule). */
  ruleId: string;
  secret: string;
  line: number;
  column: number;
  endColumn?: number;
  /** The line with every secret found on it masked, windowed on long lines. */
  snippet: string;
  confidence?: Confidence;
  severity?: Severity;
  note?: string;
  /** A shape only the opt-in audit profile reports (audit-shapes.ts); a default scan leaves it out. */
  auditOnly?: boolean;
}

/** What the engine needs to know about the scanned input besides its bytes. */
export interface ScanInput {
  path: string;
  name: string;
  ext: string;
  productNames: readonly string[];
  /** Receives the notes of caps hit in this input (the analyzer passes them to `ctx.warn`). */
  warn?: (message: string) => void;
}

interface Candidate {
  rule: SecretRule;
  order: number;
  start: number;
  end: number;
  at: number;
  secret: string;
  verdict: Exclude<Verdict, false>;
}

// Bounds on work per rule and file: matches whose context a check had to read (most are rejected),
// secrets kept per rule, and secrets kept in the whole file. Matches rejected on their value alone
// (placeholders, low entropy) and lines already judged cost little and are not counted, so a file
// full of documented example keys never hides the real key after them.
const MAX_CHECKED_PER_RULE = 100_000;
const MAX_KEPT_PER_RULE = 1000;
const MAX_KEPT_PER_FILE = 5000;
const VERDICT_CACHE = 10_000;
const CACHED_LINE = 1000;
const LINE_CONTEXT = 2000;
const SNIPPET_WINDOW = 100;
// How far back on its line a class-name map's stylesheet is looked for (one CSS module's text).
const CSS_LOOK_BACK = 200_000;
const QUOTES = new Set([0x22, 0x27, 0x60]);

/**
 * Linear-time secret detection: one RE2.Set pass over the rules' prefilters (literal prefixes and name
 * words), then only the full patterns of the rules that hit.
 */
export class SecretEngine {
  private readonly rules: { rule: SecretRule; order: number; compiled?: { re: RE2; sourceRe: RE2 } }[];
  private readonly set: InstanceType<typeof RE2.Set>;
  /** For each prefilter pattern in the set, the rules (indices into `rules`) it gates. */
  private readonly gated: number[][];

  constructor(rules: readonly SecretRule[]) {
    this.rules = [];
    const sources = new Map<string, number[]>();
    rules.forEach((rule, order) => {
      if (rule.pattern === undefined) return;
      const pre = prefilterOf(rule);
      if (pre === undefined) throw new Error(`secret rule ${rule.meta.id} has no prefilter`);
      const list = sources.get(pre) ?? [];
      list.push(this.rules.length);
      sources.set(pre, list);
      this.rules.push({ rule, order });
    });
    // Prefilters are literals or near-literals (no counted repetitions): one automaton over all of them
    // stays small. The rules' full patterns in one set made it thrash on random-looking text.
    this.set = new RE2.Set([...sources.keys()]);
    this.gated = [...sources.values()];
  }

  /**
   * A rule's full patterns, compiled the first time its prefilter hits: a pre-commit scan of one
   * file compiles the few rules it needs instead of every rule (RE2 compilation is most of the
   * engine's start-up).
   */
  private compiled(i: number): { re: RE2; sourceRe: RE2 } {
    const r = this.rules[i]!;
    if (r.compiled === undefined) {
      const re = new RE2(r.rule.pattern!, 'gd');
      const sourceRe = r.rule.sourcePattern === undefined ? re : new RE2(r.rule.sourcePattern, 'gd');
      r.compiled = { re, sourceRe };
    }
    return r.compiled;
  }

  /** All secrets in `bytes`; never throws on content, never backtracks. */
  scan(bytes: Buffer, input: ScanInput): Detection[] {
    if (bytes.length === 0) return [];
    const hits = [...new Set(this.set.match(bytes).flatMap((i) => this.gated[i]!))];
    if (hits.length === 0) return [];
    const enc: BufferEncoding = isUtf8(bytes) ? 'utf8' : 'latin1';
    const lockfile = isLockfile(input.name);
    const sourceCode =
      isSourceCode(input.ext) || isProseFileName(input.name) || isSourceScript(input.ext, bytes);
    const candidates: Candidate[] = [];
    const wholeText = new WholeText(bytes, enc, (what) => input.warn?.(`${input.path}: ${what}`));
    // Where the first cap stopped a rule: nothing of the input past it is printed (an unexamined key
    // could sit there), and the cap is announced.
    let capAt = Number.POSITIVE_INFINITY;
    const capped = (id: string, at: number, what: string): void => {
      capAt = Math.min(capAt, at);
      input.warn?.(
        `${input.path}: ${what} for ${id}; later matches were not reported and the input after line ${lineOf(bytes, at)} is not quoted`,
      );
    };
    for (const h of hits) {
      const { rule } = this.rules[h]!;
      const compiled = this.compiled(h);
      const re = sourceCode ? compiled.sourceRe : compiled.re;
      if (lockfile && rule.generic) continue;
      if (rule.onlyIn && !rule.onlyIn.test(input.path)) continue;
      re.lastIndex = 0;
      const kept = candidates.length;
      const rejected = new Map<string, true>();
      let checked = 0;
      for (;;) {
        if (candidates.length - kept >= MAX_KEPT_PER_RULE || candidates.length >= MAX_KEPT_PER_FILE) {
          const limit = candidates.length >= MAX_KEPT_PER_FILE ? MAX_KEPT_PER_FILE : MAX_KEPT_PER_RULE;
          const next = nextMatchStart(re, bytes);
          if (next !== undefined) capped(rule.meta.id, next, `stopped after ${limit} secrets`);
          break;
        }
        if (checked >= MAX_CHECKED_PER_RULE) {
          const next = nextMatchStart(re, bytes);
          if (next !== undefined)
            capped(rule.meta.id, next, `stopped after ${MAX_CHECKED_PER_RULE} candidate matches`);
          break;
        }
        // The 'd' flag adds byte offsets of every group; re2's typings do not declare them.
        const m = re.exec(bytes) as { indices?: ([number, number] | undefined)[] } | null;
        if (!m?.indices) break;
        const whole = m.indices[0]!;
        if (whole[1] === whole[0]) re.lastIndex = whole[1] + 1;
        let span: [number, number] = whole;
        for (let g = 1; g < m.indices.length; g++) {
          const s = m.indices[g];
          if (s) {
            span = s;
            break;
          }
        }
        const [start, end] = span;
        const secret = bytes.toString(enc, start, end).trim();
        if (secret === '') continue;
        // Fixed-format values are random text where a short word can occur by chance: a stricter test.
        const placeholder = rule.generic ? isPlaceholder(secret) : isStructuredPlaceholder(secret);
        if (!rule.allowPlaceholderWords && placeholder) continue;
        if (rule.minEntropy !== undefined && entropy(secret) < rule.minEntropy) continue;
        const line = lineAround(bytes, start, enc);
        const lineStart = start === 0 ? 0 : bytes.lastIndexOf(10, start - 1) + 1;
        // The same line judged before (a repeated example): the same verdict, at no cost.
        const key = line.length <= CACHED_LINE ? `${start - lineStart}\0${line}` : undefined;
        if (key !== undefined && rejected.has(key)) continue;
        checked++;
        const read = { context: false };
        const verdict = this.judge(
          rule,
          secret,
          line,
          bytes,
          start,
          whole[0],
          enc,
          input,
          lockfile,
          sourceCode,
          wholeText,
          read,
        );
        if (verdict === false) {
          // Only a verdict on the line alone holds for the same line elsewhere in the input.
          if (key !== undefined && !read.context && rejected.size < VERDICT_CACHE) rejected.set(key, true);
          continue;
        }
        const at = rule.locateAtMatch ? whole[0] : start;
        candidates.push({ rule, order: this.rules[h]!.order, start, end, at, secret, verdict });
      }
    }
    return this.locate(bytes, enc, resolveOverlaps(candidates), capAt);
  }

  /** The rule's verdict on one match, from its line (lockfile hash lines, then the rule's own check). */
  private judge(
    rule: SecretRule,
    secret: string,
    line: string,
    bytes: Buffer,
    start: number,
    matchStart: number,
    enc: BufferEncoding,
    input: ScanInput,
    lockfile: boolean,
    sourceCode: boolean,
    whole: WholeText,
    read: { context: boolean },
  ): Verdict {
    // Hash and URL lines of lockfiles: only distinctive formats and URL credentials (a private
    // registry's token in a resolved URL is a real leak) survive.
    if (lockfile && !survivesHashLine(rule) && LOCKFILE_HASH_LINE.test(line)) return false;
    // A name-based rule's key in a CSS module's class-name map is a class (`.password`), its value a generated name.
    const before = (): string => ((read.context = true), textBefore(bytes, start, CSS_LOOK_BACK, enc));
    if (rule.generic && inCssModuleMap(line, secret, before)) return false;
    const verdict = rule.check
      ? rule.check({
          secret,
          line,
          before: lineBefore(bytes, matchStart, enc),
          path: input.path,
          quoted: start > 0 && QUOTES.has(bytes[start - 1]!),
          sourceCode,
          productNames: input.productNames,
          around: () => ((read.context = true), textAround(bytes, matchStart, enc)),
          inStringStatement: () => (
            (read.context = true),
            pythonStringStatement(input.path, whole, matchStart)
          ),
          fileText: () => ((read.context = true), whole.get() ?? ''),
          offset: () => ((read.context = true), whole.offsetOf(start)),
        })
      : {};
    if (verdict === false) return false;
    // What no rule reports: a credential past its own signed or stated expiry, a recorded local server's value.
    if (isExpiredJwt(secret) || isExpiredTokenReply(line, secret) || isExpiredPresignedKeyId(line, secret))
      return false;
    // A value recorded from a loopback server is that throwaway server's: a generic rule's value, or a token of an
    // issuer developers run themselves (GitLab). A public service's key (Stripe, AWS) in a request sent to a local
    // stub or proxy still opens that service, so it stays reported.
    if (
      (rule.generic === true || SELF_HOSTABLE.test(rule.meta.id)) &&
      inRecordedLoopback(bytes, start, enc, whole, read)
    )
      return false;
    return verdict;
  }

  private locate(
    bytes: Buffer,
    enc: BufferEncoding,
    kept: Candidate[],
    capAt = Number.POSITIVE_INFINITY,
  ): Detection[] {
    kept.sort((a, b) => a.at - b.at);
    const out: Detection[] = [];
    let line = 1;
    let pos = 0;
    // The column of the previous secret, so that several on one long (minified) line decode its text once.
    let colLine = -1;
    let colAt = 0;
    let col = 1;
    for (const c of kept) {
      for (let nl = bytes.indexOf(10, pos); nl !== -1 && nl < c.at; nl = bytes.indexOf(10, nl + 1)) line++;
      pos = c.at;
      const lineStart = c.at === 0 ? 0 : bytes.lastIndexOf(10, c.at - 1) + 1;
      if (lineStart !== colLine) [colLine, colAt, col] = [lineStart, lineStart, 1];
      col += bytes.toString(enc, colAt, c.at).length;
      colAt = c.at;
      const column = col;
      const d: Detection = {
        rule: c.rule,
        ruleId: c.verdict.ruleId ?? c.rule.meta.id,
        secret: c.secret,
        line,
        column,
        snippet: c.at >= capAt ? maskSecret(c.secret) : snippetFor(bytes, enc, lineStart, c, kept, capAt),
      };
      if (!c.secret.includes('\n') && c.at === c.start) d.endColumn = column + c.secret.length;
      if (c.verdict.confidence) d.confidence = c.verdict.confidence;
      if (c.verdict.severity) d.severity = c.verdict.severity;
      if (c.verdict.note) d.note = c.verdict.note;
      if (c.verdict.auditOnly) d.auditOnly = true;
      out.push(d);
    }
    return out;
  }
}

/** Where the rule's next match starts (the first text a cap leaves unexamined), if there is one. */
function nextMatchStart(re: RE2, bytes: Buffer): number | undefined {
  const m = re.exec(bytes) as { indices?: ([number, number] | undefined)[] } | null;
  return m?.indices?.[0]?.[0];
}

/** The 1-based line number of a byte offset. */
function lineOf(bytes: Buffer, at: number): number {
  let n = 1;
  for (let i = bytes.indexOf(10); i !== -1 && i < at; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/** Whether a byte offset of a Python file (within the whole-text limit) lies in a string that is a statement of its own. */
function pythonStringStatement(path: string, whole: WholeText, at: number): boolean {
  if (!/\.pyw?$/i.test(path)) return false;
  const text = whole.get();
  const offset = whole.offsetOf(at);
  return text !== undefined && offset !== undefined && inStringStatement(text, offset);
}

/** The line around a byte offset, bounded so that a 10 MB line costs no more than a short one. */
function lineAround(bytes: Buffer, at: number, enc: BufferEncoding): string {
  const from = Math.max(0, at - LINE_CONTEXT);
  const nlBefore = at === 0 ? -1 : bytes.lastIndexOf(10, at - 1);
  const start = Math.max(from, nlBefore + 1);
  const nlAfter = bytes.indexOf(10, at);
  const end = Math.min(nlAfter === -1 ? bytes.length : nlAfter, at + LINE_CONTEXT);
  return bytes.toString(enc, start, end).replace(/\r$/, '');
}

function survivesHashLine(rule: SecretRule): boolean {
  return rule.meta.confidence === 'high' || rule.meta.id === 'secrets/basic-auth-url';
}

/** Up to `max` bytes of the line before `at`. */
function textBefore(bytes: Buffer, at: number, max: number, enc: BufferEncoding): string {
  const from = Math.max(0, at - max);
  // Searched within the window only: a minified bundle's line is megabytes long.
  const nl = bytes.subarray(from, at).lastIndexOf(10);
  return bytes.toString(enc, nl === -1 ? from : from + nl + 1, at);
}

const AROUND = 600;

/** Up to 200 bytes of the line before `at`. */
function lineBefore(bytes: Buffer, at: number, enc: BufferEncoding): string {
  const from = Math.max(0, at - 200);
  const nl = at === 0 ? -1 : bytes.lastIndexOf(10, at - 1);
  return bytes.toString(enc, Math.max(from, nl + 1), at);
}

/** The whole lines within 600 bytes either side of `at` (a check's view of the block a value sits in). */
function textAround(bytes: Buffer, at: number, enc: BufferEncoding): string {
  const from = Math.max(0, at - AROUND);
  const to = Math.min(bytes.length, at + AROUND);
  const start = from === 0 ? 0 : bytes.indexOf(10, from) + 1 || from;
  const nl = bytes.lastIndexOf(10, to);
  const end = to === bytes.length || nl < at ? to : nl;
  return bytes.toString(enc, start, end);
}

/** Specific rules win over generic ones on overlapping spans, then the earlier rule in the catalogue. */
function resolveOverlaps(cands: Candidate[]): Candidate[] {
  cands.sort(
    (a, b) =>
      Number(a.rule.generic ?? false) - Number(b.rule.generic ?? false) ||
      a.order - b.order ||
      a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of cands) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept;
}

/** The reported line with every kept secret on it masked, windowed around the secret on long lines. */
function snippetFor(
  bytes: Buffer,
  enc: BufferEncoding,
  lineStart: number,
  c: Candidate,
  kept: Candidate[],
  capAt: number,
): string {
  let lineEnd = bytes.indexOf(10, c.at);
  if (lineEnd === -1) lineEnd = bytes.length;
  const from = Math.max(lineStart, c.at - LINE_CONTEXT);
  // Text past a cap was not examined for secrets: never quoted.
  const to = Math.min(lineEnd, c.at + LINE_CONTEXT, Math.max(capAt, c.end));
  const onLine = kept.filter((k) => k.start < to && k.end > from).sort((a, b) => a.start - b.start);
  let text = '';
  let cursor = from;
  let focus = 0;
  for (const k of onLine) {
    const s = Math.max(k.start, cursor);
    text += bytes.toString(enc, cursor, s);
    if (k === c) focus = text.length;
    text += maskSecret(k.secret);
    cursor = Math.max(cursor, Math.min(k.end, to));
  }
  if (cursor < to) text += bytes.toString(enc, cursor, to);
  text = text.replace(/\r$/, '');
  if (text.length <= 2 * SNIPPET_WINDOW + 60) return text.trim();
  const a = Math.max(0, focus - SNIPPET_WINDOW);
  return `${a > 0 ? '…' : ''}${text.slice(a, focus + SNIPPET_WINDOW + 20)}…`;
}
