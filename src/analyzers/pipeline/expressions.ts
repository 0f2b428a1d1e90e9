/** GitHub Actions `${{ … }}` expressions: where they are, which contexts they read, which are attacker-controlled. */

/** One expression in a string value, with its offset. */
export interface Expr {
  /** The whole `${{ … }}` text. */
  text: string;
  inner: string;
  index: number;
}

/** How far a value is under outside control: `high` anyone who can open an issue or pull request, `medium` a caller or maintainer input. */
export type TaintLevel = 'high' | 'medium';

export interface Taint {
  /** The attacker-controlled context, e.g. `github.event.pull_request.title` or `steps.changed.outputs.files`. */
  context: string;
  level: TaintLevel;
}

/** What else is tainted in the current scope: env variables, step and job outputs, string inputs. */
export interface TaintScope {
  env: ReadonlyMap<string, Taint>;
  /** `id.output` (or `id.*` for every output) of earlier steps whose outputs carry tainted text. */
  steps: ReadonlyMap<string, StepTaint>;
  /** `job.output` of jobs this one needs. */
  needs: ReadonlyMap<string, Taint>;
  /** Names of inputs that carry free text (`workflow_dispatch`/`workflow_call` strings, composite-action inputs). */
  inputs: ReadonlySet<string> | 'all';
  /** What an input is called in messages: 'workflow input' or 'action input'. */
  inputKind: string;
}

/** A tainted step output; `outputs` limits it to the outputs whose names match. */
export interface StepTaint extends Taint {
  outputs?: RegExp;
}

export const EMPTY_SCOPE: TaintScope = {
  env: new Map(),
  steps: new Map(),
  needs: new Map(),
  inputs: new Set(),
  inputKind: 'input',
};

/** Every `${{ … }}` in a value (an unclosed one, or one longer than 2,000 characters, is not an expression). */
export function expressionsIn(value: string): Expr[] {
  const out: Expr[] = [];
  for (let at = value.indexOf('${{'); at >= 0; at = value.indexOf('${{', at + 3)) {
    const end = value.indexOf('}}', at + 3);
    if (end < 0) break;
    if (end - at > 2000) continue;
    out.push({ text: value.slice(at, end + 2), inner: value.slice(at + 3, end), index: at });
    at = end - 1;
  }
  return out;
}

const CONTEXT_REF =
  /\b(github|inputs|env|steps|needs|matrix|secrets|vars|job|runner|strategy)((?:\s{0,2}\.\s{0,2}[\w*-]{1,100}|\s{0,2}\[\s{0,2}(?:'[^']{0,100}'|"[^"]{0,100}"|\*|\d{1,6})\s{0,2}\]){0,20})/g;

/** Context references in an expression, normalised: `github['event'].issue["title"]` → `github.event.issue.title`, indexes → `*`. */
export function contextRefs(inner: string): string[] {
  const out: string[] = [];
  // String literals read nothing ('github.event.issue.title' is text), except as index keys (`github['event']`).
  const code = inner.replace(/(\[\s{0,2})?'(?:[^']|''){0,500}'/g, (s, open?: string) => (open ? s : "''"));
  CONTEXT_REF.lastIndex = 0;
  for (let m = CONTEXT_REF.exec(code); m; m = CONTEXT_REF.exec(code)) {
    const before = code.slice(Math.max(0, m.index - 1), m.index);
    if (/[\w.]/.test(before)) continue;
    const parts = [m[1]!];
    for (const seg of m[2]!.matchAll(
      /\.\s{0,2}([\w*-]{1,100})|\[\s{0,2}(?:'([^']{0,100})'|"([^"]{0,100})"|(\*|\d{1,6}))\s{0,2}\]/g,
    )) {
      const key = seg[1] ?? seg[2] ?? seg[3] ?? '*';
      parts.push(/^\d+$/.test(key) ? '*' : key);
    }
    out.push(parts.join('.').toLowerCase());
  }
  return out;
}

// Fields an outsider writes: titles, bodies, branch names, commit messages and authors. `*` is one segment.
const UNTRUSTED_GITHUB: readonly string[] = [
  'github.head_ref',
  'github.event.issue.title',
  'github.event.issue.body',
  'github.event.pull_request.title',
  'github.event.pull_request.body',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.head.label',
  'github.event.pull_request.head.repo.default_branch',
  'github.event.pull_request.head.repo.description',
  'github.event.pull_request.head.repo.homepage',
  'github.event.comment.body',
  'github.event.review.body',
  'github.event.review_comment.body',
  'github.event.discussion.title',
  'github.event.discussion.body',
  'github.event.pages.*.page_name',
  'github.event.commits.*.message',
  'github.event.commits.*.author.email',
  'github.event.commits.*.author.name',
  'github.event.commits.*.committer.email',
  'github.event.commits.*.committer.name',
  'github.event.head_commit.message',
  'github.event.head_commit.author.email',
  'github.event.head_commit.author.name',
  'github.event.head_commit.committer.email',
  'github.event.head_commit.committer.name',
  'github.event.merge_group.head_commit.message',
  'github.event.merge_group.head_commit.author.name',
  'github.event.merge_group.head_commit.author.email',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.display_title',
  'github.event.workflow_run.head_commit.message',
  'github.event.workflow_run.head_commit.author.email',
  'github.event.workflow_run.head_commit.author.name',
  'github.event.workflow_run.head_commit.committer.email',
  'github.event.workflow_run.head_commit.committer.name',
  'github.event.workflow_run.pull_requests.*.head.ref',
  'github.event.workflow_run.head_repository.description',
  'github.event.check_suite.head_branch',
  'github.event.check_run.check_suite.head_branch',
];
// Written by people with some access (maintainers, dispatchers, callers): still code once pasted in a script.
const SEMI_TRUSTED_GITHUB: readonly string[] = [
  'github.event.release.name',
  'github.event.release.body',
  'github.event.release.tag_name',
  'github.event.inputs.*',
  'github.event.client_payload',
  'github.event.pull_request.labels.*.name',
  'github.event.issue.labels.*.name',
  'github.event.label.name',
  'github.event.changes.new_discussion.labels.*.name',
  'github.event.changes.new_issue.labels.*.name',
];

const UNTRUSTED_SPLIT = UNTRUSTED_GITHUB.map((p) => p.split('.'));
const SEMI_SPLIT = SEMI_TRUSTED_GITHUB.map((p) => p.split('.'));

function matchesPattern(r: readonly string[], p: readonly string[]): boolean {
  // A whole object that contains the field (`github.event.issue`, `toJSON(github.event)`) carries it too.
  if (r.length < p.length)
    return (
      r.length >= 2 &&
      r.every((s, i) => s === p[i] || s === '*' || p[i] === '*') &&
      r[0] === 'github' &&
      r[1] === 'event'
    );
  return p.every((s, i) => s === '*' || s === r[i] || r[i] === '*');
}

/** The taint of one normalised context reference, if attacker-controlled in `scope`. */
export function refTaint(ref: string, scope: TaintScope): Taint | undefined {
  if (ref.startsWith('github.')) {
    if (!ref.startsWith('github.event') && ref !== 'github.head_ref') return undefined;
    const r = ref.split('.');
    if (UNTRUSTED_SPLIT.some((p) => matchesPattern(r, p))) return { context: ref, level: 'high' };
    if (r.length >= 3 && SEMI_SPLIT.some((p) => matchesPattern(r, p)))
      return { context: ref, level: 'medium' };
    return undefined;
  }
  const parts = ref.split('.');
  if (parts[0] === 'inputs' && parts[1] !== undefined) {
    if (scope.inputs === 'all' || scope.inputs.has(parts[1]) || parts[1] === '*')
      return { context: ref, level: 'medium' };
    return undefined;
  }
  if (parts[0] === 'env' && parts[1] !== undefined) {
    const t = scope.env.get(parts[1].toLowerCase());
    return t ? { context: `${ref} (= ${t.context})`, level: t.level } : undefined;
  }
  if (parts[0] === 'steps' && parts[1] !== undefined && parts[2] === 'outputs') {
    const name = parts[3] ?? '*';
    const t = scope.steps.get(`${parts[1]}.${name}`) ?? scope.steps.get(`${parts[1]}.*`);
    if (!t || (t.outputs && name !== '*' && !t.outputs.test(name))) return undefined;
    return { context: `${ref} (from ${t.context})`, level: t.level };
  }
  if (parts[0] === 'needs' && parts[1] !== undefined && parts[2] === 'outputs' && parts[3] !== undefined) {
    const t = scope.needs.get(`${parts[1]}.${parts[3]}`);
    return t ? { context: `${ref} (from ${t.context})`, level: t.level } : undefined;
  }
  return undefined;
}

const BOOLEAN_OPERAND =
  /==|!=|<=|>=|(?:^|[^=!<>])[<>](?:[^=]|$)|^\s*!|^\s*\(?\s*(?:contains|startsWith|endsWith|success|failure|always|cancelled|hashFiles)\s*\(/i;

/** Splits an expression at top-level `&&` and `||` (outside parentheses and strings). */
function operands(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === "'") quote = !quote;
    else if (quote) continue;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && (inner.startsWith('&&', i) || inner.startsWith('||', i))) {
      out.push(inner.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  out.push(inner.slice(start));
  return out;
}

/** The attacker-controlled value an expression expands to, if any (comparisons yield booleans and are safe). */
export function exprTaint(inner: string, scope: TaintScope): Taint | undefined {
  let best: Taint | undefined;
  for (const op of operands(inner)) {
    if (BOOLEAN_OPERAND.test(op)) continue;
    for (const ref of contextRefs(op)) {
      const t = refTaint(ref, scope);
      if (t && (!best || (t.level === 'high' && best.level !== 'high'))) best = t;
    }
  }
  return best;
}

/** The first tainted expression of a value, with its expression. */
export function taintedExpressions(value: string, scope: TaintScope): { expr: Expr; taint: Taint }[] {
  const out: { expr: Expr; taint: Taint }[] = [];
  for (const expr of expressionsIn(value)) {
    const taint = exprTaint(expr.inner, scope);
    if (taint) out.push({ expr, taint });
  }
  return out;
}

/** Refs that point at the pull request's head (attacker code) in a checkout `ref:`. */
export const UNTRUSTED_REF =
  /github\.(?:head_ref|event\.(?:pull_request\.(?:head\.(?:sha|ref)|merge_commit_sha|number)|number|workflow_run\.(?:head_sha|head_branch|head_repository|pull_requests)|pull_request\.head\.repo\.full_name|issue\.number|comment))|refs\/pull\//;

/** Run-step commands that fetch the pull request head. */
export const CHECKOUT_COMMAND =
  /\bgh\s{1,4}pr\s{1,4}checkout\b|\bgit\s{1,4}(?:fetch|checkout|switch|pull)\b[^\n]{0,200}(?:head\.sha|head\.ref|head_ref|refs\/pull\/|head_sha|head_branch|pull\/\$)/;
