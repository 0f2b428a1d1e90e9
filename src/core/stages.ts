import { createHash } from 'node:crypto';
import { fingerprintOf, normalizeForFingerprint } from './fingerprint.js';
import type { Finding, RawFinding } from './finding.js';
import { severityRank, strongerFinding } from './finding.js';
import { maskCredentials, maskStringLiterals } from './credentials.js';
import { maskIn } from './mask.js';
import { neutraliseLine, neutraliseText } from './neutralise.js';

const MAX_SNIPPET = 300;

/**
 * A short tag that tells two secrets apart without revealing either: 64 bits of a hash, so a
 * rotated key on the same line is a new finding. (A weak password stays guessable from it, as it
 * is from the report's own words; a random token does not.)
 */
function secretTag(ruleId: string, secret: string): string {
  return createHash('sha256').update(`vanguard-secret\0${ruleId}\0${secret}`).digest('hex').slice(0, 16);
}

// Hard-coded credentials (CWE-259, 321, 798) and credentials in logs (532): a rule that reports one without
// naming it (a key passed to a cipher, a session secret, a literal logged) quotes it as a string literal,
// so every literal of one word on its lines is masked.
const HARD_CODED_CWES = new Set([259, 321, 532, 798]);

// A literal quoted inside a secret the code analyzer names by its source text (a list of signing keys,
// `keys: ['k1', 'k2']`): a message that quotes the list on one line (`{sink}` joins its lines) no longer
// holds the list's own text, so each literal is masked on its own, with its quotes.
const QUOTED_PART = /(["'`])(?:(?!\1)[^\\\r\n]|\\.){1,4096}\1/g;

/** The texts to mask for `secret`: itself, then each quoted literal it is written with, longest first. */
function secretParts(secret: string): string[] {
  const parts = [...secret.matchAll(QUOTED_PART)].map((m) => m[0]).filter((q) => q !== secret);
  return [secret, ...new Set(parts)].sort((a, b) => b.length - a.length);
}

/**
 * Masks the secret of a raw finding in every text field, then the secrets other findings of the same file
 * named (`others`: a finding of another rule on the line quotes it too, as `jwt.sign({ id }, 'key')` is both
 * a hard-coded key and a token without expiry), then every credential the generic patterns recognise (URL
 * user information, `-u user:pass`, headers, tokens) in every finding of every analyzer; the secret itself
 * is dropped.
 */
export function maskFinding(f: RawFinding, others: readonly string[] = []): RawFinding {
  const { secret, ...rest } = f;
  const named = secret !== undefined && secret !== '';
  const literals = !named && f.cwe.some((c) => HARD_CODED_CWES.has(c));
  const own = named ? secretParts(secret) : [];
  const parts = [...own, ...others.filter((o) => o !== '' && o !== secret).flatMap(secretParts)];
  const maskText = (s: string): string => {
    let out = parts.reduce(maskIn, s);
    if (literals) out = maskStringLiterals(out);
    return maskCredentials(out);
  };
  // The finding's own path is printed as it is in its location: a secret that happens to be part of it
  // (`{ pass: 'rcpt_to' }` in `rcpt_to.in_host_list.js`) must not star the file name in the message.
  const path = rest.location.path;
  const m = (s: string): string =>
    named && path.length > 0 && s.includes(path) ? s.split(path).map(maskText).join(path) : maskText(s);
  // A fix is the rule's own text: it quotes names to change (`NODE_AUTH_TOKEN`, `password:`), never the
  // code's literals, so it gets every mask but the one for one-word literals.
  const fix = (s: string): string => maskCredentials(parts.reduce(maskIn, s));
  const out: RawFinding = {
    ...rest,
    title: m(rest.title),
    message: m(rest.message),
    remediation: fix(rest.remediation),
  };
  out.location = { ...rest.location };
  if (rest.location.snippet !== undefined) out.location.snippet = m(rest.location.snippet);
  if (rest.package !== undefined) {
    out.package = {
      ...rest.package,
      name: maskCredentials(rest.package.name),
      version: maskCredentials(rest.package.version),
      purl: maskCredentials(rest.package.purl),
      ...(rest.package.path ? { path: rest.package.path.map(maskCredentials) } : {}),
    };
  }
  if (!named) {
    if (rest.fingerprintKey !== undefined) out.fingerprintKey = m(rest.fingerprintKey);
    return out;
  }
  const key =
    rest.fingerprintKey !== undefined
      ? m(rest.fingerprintKey)
      : normalizeForFingerprint(out.location.snippet ?? '');
  out.fingerprintKey = `${key}|${secretTag(rest.ruleId, secret)}`;
  return out;
}

function truncateSnippet(s: string): string {
  return s.length <= MAX_SNIPPET ? s : `${s.slice(0, MAX_SNIPPET)}…`;
}

/**
 * Control characters and bidirectional overrides out of every text a reporter will print, in place: `f`
 * and its location are the stage's own copies (made by `maskFinding`), so nothing is copied again.
 */
function neutraliseInPlace(f: Finding): void {
  f.ruleId = neutraliseLine(f.ruleId);
  f.title = neutraliseLine(f.title);
  f.message = neutraliseText(f.message);
  f.remediation = neutraliseText(f.remediation);
  // The path stays exact (exceptions match it; each reporter escapes it for its format).
  if (f.location.snippet !== undefined)
    f.location.snippet = truncateSnippet(neutraliseText(f.location.snippet));
  if (f.package !== undefined) {
    f.package = {
      ...f.package,
      name: neutraliseLine(f.package.name),
      version: neutraliseLine(f.package.version),
      purl: neutraliseLine(f.package.purl),
      fixedIn: f.package.fixedIn.map(neutraliseLine),
      advisories: f.package.advisories.map(neutraliseLine),
      ...(f.package.path ? { path: f.package.path.map(neutraliseLine) } : {}),
    };
  }
}

/**
 * One rule matching the same text on two lines of one file is two problems (two identical `.html(msg)`
 * calls), but the default fingerprint (rule, path, snippet) would make them one and dedupe would hide
 * the second. The first keeps its fingerprint; each later line gets its occurrence number in the key,
 * as Semgrep's match ids do. The code analyzer's own key (the match's text, a flow's source) is such a
 * text too and is numbered the same way. Findings with a key that says what one problem is (a package
 * and advisory), secrets and history findings are left alone.
 */
export function keyRepeats(findings: RawFinding[]): void {
  const lines = new Map<string, Set<number>>();
  const keyOf = (f: RawFinding): string | undefined => {
    if (f.secret !== undefined || f.location.commit !== undefined) return undefined;
    if (f.fingerprintKey !== undefined)
      return f.analyzer === 'code' ? `${f.ruleId}\0${f.location.path}\0\0${f.fingerprintKey}` : undefined;
    if (!f.location.snippet) return undefined;
    return `${f.ruleId}\0${f.location.path}\0${normalizeForFingerprint(f.location.snippet)}`;
  };
  const keys = findings.map(keyOf);
  findings.forEach((f, i) => {
    const k = keys[i];
    if (k === undefined) return;
    const seen = lines.get(k) ?? new Set<number>();
    seen.add(f.location.startLine);
    lines.set(k, seen);
  });
  // Each line's rank, once per key (a rule may match a thousand times in a file).
  const rank = new Map<string, Map<number, number>>();
  for (const [k, seen] of lines)
    if (seen.size > 1) rank.set(k, new Map([...seen].sort((a, b) => a - b).map((l, n) => [l, n])));
  findings.forEach((f, i) => {
    const k = keys[i];
    const n = k === undefined ? undefined : rank.get(k)?.get(f.location.startLine);
    if (n === undefined) return;
    if (n > 0) f.fingerprintKey = `${f.fingerprintKey ?? normalizeForFingerprint(f.location.snippet!)}#${n}`;
  });
}

/** Raw finding → finding: secrets masked, snippet bounded, fingerprint computed, controls neutralised. */
export function finalizeFinding(raw: RawFinding, others: readonly string[] = []): Finding {
  const masked = maskFinding(raw, others);
  const fingerprint = fingerprintOf(masked);
  // A fresh object (its location too, from maskFinding) with the fingerprint last: the report's field order.
  const { fingerprintKey: _key, ...rest } = masked;
  const f = rest as Finding;
  f.fingerprint = fingerprint;
  neutraliseInPlace(f);
  return f;
}

/**
 * Keeps one finding per fingerprint: the working-tree one over a git-history one, then the
 * unsuppressed one, then the first seen.
 */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const byFp = new Map<string, Finding>();
  for (const f of findings) {
    const prev = byFp.get(f.fingerprint);
    if (!prev) {
      byFp.set(f.fingerprint, f);
      continue;
    }
    const better =
      (prev.location.commit !== undefined && f.location.commit === undefined) ||
      ((prev.location.commit === undefined) === (f.location.commit === undefined) &&
        prev.suppression !== undefined &&
        f.suppression === undefined);
    if (better) byFp.set(f.fingerprint, f);
  }
  return [...byFp.values()];
}

/** Stable report order: severity, then path, then line, then rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      (a.location.path < b.location.path ? -1 : a.location.path > b.location.path ? 1 : 0) ||
      a.location.startLine - b.location.startLine ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

function isCredential(f: Finding): boolean {
  return f.analyzer === 'secrets' || f.cwe.some((c) => c === 259 || c === 321 || c === 798);
}

/**
 * One secret, one finding: a hard-coded credential that several analyzers report on the same line (the
 * secrets analyzer and a code rule for a Django SECRET_KEY) becomes one finding, the secrets analyzer's
 * when there is one, whose message lists every other rule that matched. Different secrets on one line
 * (a key id and its secret key) are all secrets-analyzer findings and stay apart.
 */
export function mergeSameSecret(findings: readonly Finding[]): Finding[] {
  const byLine = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!isCredential(f)) continue;
    const k = `${f.location.path}\0${f.location.startLine}\0${f.location.commit ?? ''}`;
    byLine.set(k, [...(byLine.get(k) ?? []), f]);
  }
  const dropped = new Set<Finding>();
  const replaced = new Map<Finding, Finding>();
  for (const group of byLine.values()) {
    const others = group.filter((f) => f.analyzer !== 'secrets');
    if (group.length < 2 || others.length === 0) continue;
    const best = (list: Finding[]): Finding =>
      [...list].sort((a, b) => severityRank(a.severity) - severityRank(b.severity))[0]!;
    const secrets = group.filter((f) => f.analyzer === 'secrets');
    const keep = secrets.length > 0 ? best(secrets) : best(others);
    const merged = others.filter((f) => f !== keep);
    if (merged.length === 0) continue;
    for (const f of merged) dropped.add(f);
    const rules = [...new Set(merged.map((f) => f.ruleId))].filter((r) => r !== keep.ruleId);
    const strongest = best([keep, ...merged]);
    replaced.set(keep, {
      ...keep,
      severity: strongest.severity,
      message: rules.length > 0 ? `${keep.message} Also matched: ${rules.join(', ')}.` : keep.message,
    });
  }
  return findings.filter((f) => !dropped.has(f)).map((f) => replaced.get(f) ?? f);
}

/**
 * One code problem, one finding: code findings on the same line that share a CWE are one problem seen
 * from two places (a template's unescaped output reported by the template audit and, from the route that
 * renders it, by the taint rule; a DAO's SQL call reported by its own file's audit rule and by the
 * cross-file flow from a route). The strongest is kept (taint over pattern over audit), naming the others;
 * a reported finding is kept over suppressed ones.
 * Within one file the analyzer already keeps one match per weakness class and line; this joins what
 * different files' analyses report.
 */
export function mergeSameCodeProblem(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[][]>();
  for (const f of findings) {
    if (f.analyzer !== 'code' || f.cwe.length === 0) continue;
    const k = `${f.location.path}\0${f.location.startLine}\0${f.location.commit ?? ''}`;
    const clusters = groups.get(k) ?? [];
    const same = clusters.find((c) => c.some((g) => g.cwe.some((x) => f.cwe.includes(x))));
    if (same) same.push(f);
    else clusters.push([f]);
    groups.set(k, clusters);
  }
  const dropped = new Set<Finding>();
  const replaced = new Map<Finding, Finding>();
  for (const clusters of groups.values()) {
    for (const c of clusters) {
      if (c.length < 2) continue;
      // A finding withheld by a suppression (by design behind a shell's login, kept at its severity) must not
      // hide one that is reported, however much weaker (the same sink reached from another, open source).
      const open = c.filter((f) => f.suppression === undefined);
      const keep = (open.length > 0 ? open : c).reduce((best, f) => (strongerFinding(f, best) ? f : best));
      const rules = [...new Set(c.filter((f) => f !== keep).map((f) => f.ruleId))].filter(
        (r) => r !== keep.ruleId,
      );
      for (const f of c) if (f !== keep) dropped.add(f);
      if (rules.length > 0)
        replaced.set(keep, { ...keep, message: `${keep.message} Also matched: ${rules.join(', ')}.` });
    }
  }
  return findings.filter((f) => !dropped.has(f)).map((f) => replaced.get(f) ?? f);
}

/** The pure stages every raw finding passes through before policy and reporters see it. */
export function processFindings(raw: readonly RawFinding[]): Finding[] {
  const named = [...new Set(raw.flatMap((f) => (f.secret ? [f.secret] : [])))];
  return processFinalized(raw.map((f) => finalizeFinding(f, named)));
}

/** The stages across findings (dedupe, merge, sort), for findings finalized one by one where they were found. */
export function processFinalized(findings: readonly Finding[]): Finding[] {
  return sortFindings(mergeSameCodeProblem(mergeSameSecret(dedupe(findings))));
}
